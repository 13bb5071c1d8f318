/**
 * Website chrome: what portals print around a report (download links, share and print buttons,
 * the site's copyright block, browser hints). A line carrying one of these phrases ends a text
 * section. These are the only Chinese words the parser keeps itself, by decision: they are not
 * words of the report format (no edition prints them, no rule or cell refers to them, a report
 * printed on paper has none of them) but of the web pages that carry reports, the same on a page
 * carrying any other document. Core describes the format; what a web page wraps around it is the
 * concern of the reader of web pages. Every word of the format the parser looks for (labels,
 * table marks, title, period, preamble and signature words, units) is read from core.
 */
import { labelKey, PhraseSet } from "./normalize.js";

export const SITE_CHROME: readonly string[] = [
  "附件下载",
  "相关附件",
  "扫一扫在手机上查看当前页面",
  "扫一扫在手机打开当前页",
  "打印本页",
  "关闭窗口",
  "【打印】",
  "【关闭】",
  "版权所有",
  "主办单位",
  "承办单位",
  "网站标识码",
  "ICP备",
  "公网安备",
  "浏览器",
  "分辨率浏览",
  "网站地图",
  "联系我们",
];

/** The phrases' keys, looked for in every line of a text section by one scan of the line. */
const KEYS = new PhraseSet(SITE_CHROME.map(labelKey).filter(Boolean));

/** True when the line (its labelKey) carries a chrome phrase. */
export function isChrome(key: string): boolean {
  // Chrome phrases are short; a long paragraph that happens to say 浏览器 is report text.
  if (key.length > 80) return false;
  return KEYS.has(key);
}

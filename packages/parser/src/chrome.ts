/**
 * Website chrome: what portals print around a report (download links, share and print buttons,
 * the site's copyright block, browser hints). It is about web pages, not about the report format,
 * so it lives here and not in core. A line carrying one of these phrases ends a text section.
 */
import { labelKey } from "./normalize.js";

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

const KEYS = SITE_CHROME.map(labelKey).filter(Boolean);

/** True when the line (its labelKey) carries a chrome phrase. */
export function isChrome(key: string): boolean {
  // Chrome phrases are short; a long paragraph that happens to say 浏览器 is report text.
  if (key.length > 80) return false;
  return KEYS.some((k) => key.includes(k));
}

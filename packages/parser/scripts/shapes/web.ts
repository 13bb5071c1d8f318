/**
 * Shape (e): the report as a page of a government portal — the official layout from
 * @gov-report/renderer inside the site's chrome (navigation, publication line, 附件下载,
 * 扫一扫在手机上查看当前页面, 打印本页, 关闭窗口, 版权所有, 主办单位, 网站标识码, ICP备…, a browser
 * hint), under a title in one of the published forms, with the signature after the report when the
 * title names no agency. Shape (c) is the text a crawler takes from such a page.
 */
import type { Report } from "@gov-report/core";
import { escapeHtml, renderHtml } from "@gov-report/renderer";
import type { Framing } from "./document.js";
import { between, type Rand } from "./random.js";

function chromeTop(site: string, title: string, rand: Rand): string {
  const published = `${between(rand, 2020, 2026)}-0${between(rand, 1, 3)}-${String(between(rand, 10, 28))}`;
  return [
    `<div class="top"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a> <a href="/bsfw/">办事服务</a></div>`,
    `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>`,
    `<h1 class="page-title">${escapeHtml(title)}</h1>`,
    `<div class="info">发布时间：${published} 来源：${escapeHtml(site)} 浏览次数：${between(rand, 10, 9999)} 字号：[大 中 小]</div>`,
  ].join("\n");
}

function chromeBottom(site: string, title: string, rand: Rand): string {
  return [
    `<div class="attach"><p>附件下载：</p><p><a href="/files/${between(rand, 1000, 9999)}.pdf">${escapeHtml(title)}.pdf</a></p></div>`,
    `<div class="share"><p>扫一扫在手机上查看当前页面</p></div>`,
    `<div class="tools"><a href="#print" class="print">打印本页</a> <a href="#close" class="close">关闭窗口</a></div>`,
    `<div class="footer"><p>版权所有：${escapeHtml(site)}</p><p>主办单位：${escapeHtml(site)}办公室</p>`,
    `<p>网站标识码：${between(rand, 1000000000, 9999999999)}</p><p>苏ICP备${between(rand, 10000000, 99999999)}号</p>`,
    `<p>建议使用IE9及以上版本浏览器，1366*768分辨率浏览本站</p></div>`,
  ].join("\n");
}

/** The official article under `frame`'s title, its signature after it. */
function article(report: Report, frame: Framing): string {
  const body = renderHtml(report, { fragment: true });
  // The article's own title is the frame's (a page prints it once, in its own heading).
  const untitled = body.replace(/<h1[^>]*>[^<]*<\/h1>/, "");
  const signature = frame.signature.map((l) => `<p style="text-align:right">${escapeHtml(l)}</p>`).join("");
  return `${untitled}${signature}`;
}

/** The portal page around the report. */
export function webPage(report: Report, frame: Framing, rand: Rand): string {
  const site = `${report.agency.name || "某某"}门户网站`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(frame.title)}_${escapeHtml(site)}</title>
<script>window.siteId = ${between(rand, 1, 999)};</script></head><body>
${chromeTop(site, frame.title, rand)}
<div class="content">${article(report, frame)}</div>
${chromeBottom(site, frame.title, rand)}
</body></html>
`;
}

/**
 * The findings sheet of one report, to send to the agency: what the desk found, with the
 * reviewer's decisions; dismissed findings are left out (they are not the agency's to fix).
 * Every string is escaped by the renderer's escapeHtml.
 */
import { escapeHtml } from "@gov-report/renderer";
import type { Finding } from "../review/findings.js";

export interface SheetInput {
  agency: string;
  year: number;
  version: number;
  filename: string;
  findings: Finding[];
  generatedAt: string;
}

const SHEET_CSS = `
body{font-family:"Noto Serif CJK SC","Songti SC",serif;margin:24px;color:#111}
h1{font-size:20px;text-align:center}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #555;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eee}
.meta{font-size:13px;margin:8px 0 16px}.err{color:#a00}.warn{color:#8a5a00}
@page{size:A4;margin:18mm}`;

export function findingsSheetHtml(s: SheetInput): string {
  const open = s.findings.filter((f) => !f.resolvedIn && f.decision?.decision !== "dismissed");
  const rows = open
    .map(
      (f, i) =>
        `<tr><td>${i + 1}</td><td class="${f.severity === "error" ? "err" : "warn"}">${f.severity === "error" ? "错误" : "提示"}</td>` +
        `<td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.code)}</td>` +
        `<td>${f.decision?.decision === "confirmed" ? "已确认" : "待核实"}${f.decision?.note ? `：${escapeHtml(f.decision.note)}` : ""}</td></tr>`,
    )
    .join("");
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${s.agency} ${s.year} 年度报告审核意见`)}</title>` +
    `<style>${SHEET_CSS}</style></head><body>` +
    `<h1>${escapeHtml(s.agency)} ${s.year} 年度政府信息公开工作年度报告 审核意见</h1>` +
    `<p class="meta">所审文件：${escapeHtml(s.filename)}（第 ${s.version} 版）　生成时间：${escapeHtml(s.generatedAt.slice(0, 10))}　共 ${open.length} 条</p>` +
    (open.length
      ? `<table><thead><tr><th>序号</th><th>类别</th><th>问题</th><th>规则</th><th>审核状态</th></tr></thead><tbody>${rows}</tbody></table>`
      : "<p>未发现需要整改的问题。</p>") +
    "</body></html>"
  );
}

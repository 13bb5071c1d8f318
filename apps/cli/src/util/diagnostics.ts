/** The parser's diagnostics as lines for stderr: cleaned, and at most a few of each kind. */
import type { Diagnostic } from "@gov-report/parser";
import { lang, t } from "./i18n.js";
import { clean } from "./sanitize.js";
import { dim, red, yellow } from "./style.js";

/** Diagnostics of one code shown before the rest are counted (a broken file can give thousands). */
const PER_CODE = 10;

const err = process.stderr;

function where(d: Diagnostic): string {
  const s = d.source;
  if (!s) return "";
  const parts = [
    s.page ? t(`第 ${s.page} 页`, `p.${s.page}`) : "",
    s.line ? t(`第 ${s.line} 行`, `line ${s.line}`) : "",
  ];
  const text = parts.filter(Boolean).join(" ");
  return text ? dim(` (${text})`, err) : "";
}

export function formatDiagnostics(diags: readonly Diagnostic[]): string[] {
  const zh = lang() === "zh";
  const lines: string[] = [];
  const shown = new Map<string, number>();
  for (const d of diags) {
    const n = (shown.get(d.code) ?? 0) + 1;
    shown.set(d.code, n);
    if (n > PER_CODE) continue;
    const mark =
      d.severity === "error"
        ? red(zh ? "✗ 错误" : "✗ error", err)
        : d.severity === "warning"
          ? yellow(zh ? "! 提醒" : "! warning", err)
          : dim(zh ? "· 说明" : "· info", err);
    lines.push(`    ${mark} ${clean(zh ? d.message : d.messageEn)}${where(d)} ${dim(`[${clean(d.code)}]`, err)}`);
  }
  for (const [code, n] of shown) {
    if (n > PER_CODE)
      lines.push(
        `    ${dim(t(`…另有 ${n - PER_CODE} 条 [${clean(code)}]`, `… ${n - PER_CODE} more [${clean(code)}]`), err)}`,
      );
  }
  return lines;
}

/** Human-readable output of issues, grouped by the report's sections in printed order. */
import { SECTIONS, type ValidationIssue } from "@gov-report/core/lite";
import { count, type Lang } from "./i18n.js";
import { clean } from "./sanitize.js";
import { bold, dim, green, red, yellow } from "./style.js";

export type { Lang };

const OTHER_GROUP = { zh: "报告信息（版本、年度、机关）", en: "Report details (edition, year, agency)" };

const SECTION_INDEX = new Map<string, number>(SECTIONS.map((s, i) => [s.key, i]));

const groupOf = (issue: ValidationIssue): number => SECTION_INDEX.get(String(issue.path[0])) ?? -1;

export function countBySeverity(issues: readonly ValidationIssue[]) {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) i.severity === "error" ? errors++ : warnings++;
  return { errors, warnings };
}

/**
 * The lines describing one report's issues. Linear in the number of issues (a report with 50,000
 * unknown keys prints in a moment); messages are cleaned of control characters, since they quote
 * the report's own keys and names.
 */
export function formatIssues(
  issues: readonly ValidationIssue[],
  lang: Lang,
  stream: NodeJS.WriteStream = process.stdout,
): string[] {
  const groups = new Map<number, ValidationIssue[]>();
  for (const i of issues) {
    const g = groupOf(i);
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  }
  const lines: string[] = [];
  const mark = {
    error: red(lang === "zh" ? "✗ 错误" : "✗ error", stream),
    warning: yellow(lang === "zh" ? "! 提醒" : "! warning", stream),
  };
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const s = SECTIONS[g];
    const title = s ? (lang === "zh" ? s.heading : `${s.number}. ${s.en}`) : OTHER_GROUP[lang];
    lines.push(`  ${bold(title, stream)}`);
    for (const i of groups.get(g) ?? []) {
      const text = clean(lang === "zh" ? i.message : i.messageEn);
      lines.push(
        `    ${i.severity === "error" ? mark.error : mark.warning} ${text} ${dim(`[${clean(i.code)}]`, stream)}`,
      );
    }
  }
  return lines;
}

export function summaryLine(
  issues: readonly ValidationIssue[],
  lang: Lang,
  stream: NodeJS.WriteStream = process.stdout,
): string {
  const { errors, warnings } = countBySeverity(issues);
  if (lang === "en") {
    if (!errors && !warnings) return green("  ✓ no issues", stream);
    return `  ${errors ? red(count(errors, "error"), stream) : green("0 errors", stream)}, ${count(warnings, "warning")}`;
  }
  if (!errors && !warnings) return green("  ✓ 未发现问题", stream);
  return `  ${errors ? red(`${errors} 个错误`, stream) : green("0 个错误", stream)}，${warnings} 个提醒`;
}

/** Human-readable output of issues, grouped by the report's sections in printed order. */
import { SECTIONS, type ValidationIssue } from "@gov-report/core/lite";
import { bold, dim, green, red, yellow } from "./style.js";

export type Lang = "zh" | "en";

const OTHER_GROUP = { zh: "报告信息（版本、年度、机关）", en: "Report details (edition, year, agency)" };

function groupOf(issue: ValidationIssue): number {
  const i = SECTIONS.findIndex((s) => s.key === issue.path[0]);
  return i < 0 ? -1 : i;
}

export function countBySeverity(issues: readonly ValidationIssue[]) {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) i.severity === "error" ? errors++ : warnings++;
  return { errors, warnings };
}

/** The lines describing one report's issues. */
export function formatIssues(issues: readonly ValidationIssue[], lang: Lang): string[] {
  const lines: string[] = [];
  const groups = new Map<number, ValidationIssue[]>();
  for (const i of issues) {
    const g = groupOf(i);
    groups.set(g, [...(groups.get(g) ?? []), i]);
  }
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const s = SECTIONS[g];
    const title = s ? (lang === "zh" ? s.heading : `${s.number}. ${s.en}`) : OTHER_GROUP[lang];
    lines.push(`  ${bold(title)}`);
    for (const i of groups.get(g) ?? []) {
      const mark = i.severity === "error" ? red("✗ 错误") : yellow("! 提醒");
      const markEn = i.severity === "error" ? red("✗ error") : yellow("! warning");
      lines.push(
        `    ${lang === "zh" ? mark : markEn} ${lang === "zh" ? i.message : i.messageEn} ${dim(`[${i.code}]`)}`,
      );
    }
  }
  return lines;
}

export function summaryLine(issues: readonly ValidationIssue[], lang: Lang): string {
  const { errors, warnings } = countBySeverity(issues);
  if (lang === "en") {
    if (!errors && !warnings) return green("  ✓ no issues");
    return `  ${errors ? red(`${errors} error(s)`) : green("0 errors")}, ${warnings} warning(s)`;
  }
  if (!errors && !warnings) return green("  ✓ 未发现问题");
  return `  ${errors ? red(`${errors} 个错误`) : green("0 个错误")}，${warnings} 个提醒`;
}

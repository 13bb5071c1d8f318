/** Validation issues placed on the cells they are reported at, for annotated renders. */
import { type Report, type ValidationIssue, validateReport } from "@gov-report/core/lite";

export interface Annotations {
  /** Every issue, in the validator's order. */
  issues: ValidationIssue[];
  /** Issues by the id (dot-joined path) of the cell they are reported at. */
  byCell: Map<string, ValidationIssue[]>;
  /** Ids of the other cells an issue involves (the parts of a broken total). */
  related: Set<string>;
}

export function annotationsOf(report: Report): Annotations {
  const { issues } = validateReport(report);
  const byCell = new Map<string, ValidationIssue[]>();
  const related = new Set<string>();
  for (const issue of issues) {
    const id = issue.path.join(".");
    const list = byCell.get(id);
    if (list) list.push(issue);
    else byCell.set(id, [issue]);
    for (const r of issue.related) related.add(r.join("."));
  }
  return { issues, byCell, related };
}

/** The worst severity among issues. */
export function severityOf(issues: readonly ValidationIssue[]): "error" | "warning" {
  return issues.some((i) => i.severity === "error") ? "error" : "warning";
}

/** Renderer UI words (not labels of the official format). */
export const ISSUE_WORDS = {
  heading: { zh: "审核提示", en: "Validation issues" },
  error: { zh: "错误", en: "error" },
  warning: { zh: "提醒", en: "warning" },
  none: { zh: "未发现问题。", en: "No issues found." },
} as const;

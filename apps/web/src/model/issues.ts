/** Validation issues indexed by the cell they are reported at. */
import type { ValidationIssue } from "@gov-report/core/lite";
import type { Lang } from "./labels.js";

export interface CellIssues {
  severity: "error" | "warning";
  /** Messages joined by line breaks, in the display language. */
  text: string;
}

export const pathId = (p: readonly (string | number)[]) => p.join(".");

export const issueMessage = (i: ValidationIssue, lang: Lang) => (lang === "en" ? i.messageEn : i.message);

/** One entry per cell: the worst severity and every message. */
export function indexIssues(issues: readonly ValidationIssue[], lang: Lang): Map<string, CellIssues> {
  const out = new Map<string, CellIssues>();
  for (const i of issues) {
    const id = pathId(i.path);
    const prev = out.get(id);
    const msg = issueMessage(i, lang);
    if (!prev) out.set(id, { severity: i.severity, text: msg });
    else {
      prev.text += `\n${msg}`;
      if (i.severity === "error") prev.severity = "error";
    }
  }
  return out;
}

/** Errors first, then warnings, each in the order the validator found them (printed order). */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity !== "error")];
}

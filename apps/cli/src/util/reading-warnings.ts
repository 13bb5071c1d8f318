/**
 * What the parser warned of how a document was read, as the report's issues: `check` and
 * `validate` list them beside the validator's (a report read with a guess must not look clean).
 */
import type { ValidationIssue } from "@gov-report/core/lite";
import type { Loaded } from "./loader.js";

/**
 * The parser's warnings about a document, as the report's issues (`parse.` and the parser's code):
 * what a supervisor must know of how it was read — two reports in one file, a table printed twice,
 * figures placed by guess. Its errors are already the unread cells the validator reports.
 */
export function readingWarnings(l: Loaded): ValidationIssue[] {
  return (l.document?.diagnostics ?? [])
    .filter((d) => d.severity === "warning")
    .map((d) => ({
      code: `parse.${d.code}`,
      severity: "warning" as const,
      path: d.path ?? [],
      related: [],
      message: d.message,
      messageEn: d.messageEn,
    }));
}

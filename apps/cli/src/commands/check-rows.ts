/** What `check` keeps of each file and each cross-year pair, and how a pair is printed. */
import type { ValidationIssue } from "@gov-report/core/lite";
import type { Loaded } from "../util/loader.js";
import { countBySeverity, formatIssues, type Lang } from "../util/report-output.js";
import { clean } from "../util/sanitize.js";

export interface WorstIssue {
  code: string;
  severity: "error" | "warning";
  message: string;
  messageEn: string;
}

/** What is kept of one file: a few fields, never the report itself. */
export interface Row {
  file: string;
  source: string;
  agency?: string;
  year?: number;
  edition?: string;
  errors: number;
  warnings: number;
  /** Cells its provenance marks as unread or ambiguous. */
  unread: number;
  worst?: WorstIssue;
  /** Another file of the batch is the same agency's report of the same year. */
  duplicate?: boolean;
  /** Set when the file could not be read as a report. */
  unreadable?: string;
}

export interface PairResult {
  agency: string;
  previous: { file: string; year: number; row: number };
  current: { file: string; year: number; row: number };
  ok: boolean;
  issues: ValidationIssue[];
  textOverlap?: number;
}

/** What is kept of a compared pair until the end. */
export interface PairEntry {
  agency: string;
  year: number;
  previous: number;
  current: number;
  ok: boolean;
  /** Its --format json record, or its lines in the text output (when it has issues). */
  printed?: string;
}

export const worstOf = (issues: readonly ValidationIssue[]): WorstIssue | undefined => {
  const i = issues.find((x) => x.severity === "error") ?? issues[0];
  return i && { code: i.code, severity: i.severity, message: i.message, messageEn: i.messageEn };
};

export function rowOf(l: Loaded, issues: readonly ValidationIssue[]): Row {
  const v = l.value as { agency?: { name?: unknown }; year?: unknown; edition?: unknown };
  const { errors, warnings } = countBySeverity(issues);
  const worst = worstOf(issues);
  return {
    file: l.file,
    source: l.kind ?? "?",
    ...(typeof v.agency?.name === "string" ? { agency: v.agency.name.trim() } : {}),
    ...(typeof v.year === "number" ? { year: v.year } : {}),
    ...(typeof v.edition === "string" ? { edition: v.edition } : {}),
    errors,
    warnings,
    unread: l.needsReading.length,
    ...(worst ? { worst } : {}),
  };
}

/** The warning given to the second report of one agency and year. */
export function duplicateIssue(firstFile: string): ValidationIssue {
  return {
    code: "batch.duplicate",
    severity: "warning",
    path: [],
    related: [],
    message: `与 ${firstFile} 是同一机关同一年度的报告：是否重复？汇总时只应计入一份`,
    messageEn: `same agency and year as ${firstFile}: a duplicate? Only one should be summed`,
  };
}

export function pairText(p: PairResult, lang: Lang): string {
  return [
    clean(`  ${p.agency} ${p.previous.year} → ${p.current.year}  (${p.previous.file} → ${p.current.file})`),
    ...formatIssues(p.issues, lang).map((l) => `  ${l}`),
  ].join("\n");
}

/** A pair as --format json prints it (without the internal row numbers). */
export const pairRecord = ({ agency, previous, current, ok, issues, textOverlap }: PairResult) => ({
  agency,
  previous: { file: previous.file, year: previous.year },
  current: { file: current.file, year: current.year },
  ok,
  issues,
  ...(textOverlap === undefined ? {} : { textOverlap }),
});

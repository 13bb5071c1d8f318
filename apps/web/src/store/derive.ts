/**
 * What the form shows about the draft, derived from it: core's validation and cross-year checks,
 * the refused texts of cells, what the parser said about cells of an opened document, and the
 * provenance of each read cell. Quiet until asked: an empty narrative is not a warning before the
 * user has typed in that section or asked to check, preview, print or save.
 */
import {
  compareYears,
  type FieldMeta,
  getAt,
  RULES,
  type ValidationIssue,
  validateReport,
} from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import { MESSAGES, type Messages } from "../i18n.js";
import type { DraftReport } from "../model/draft.js";
import { type CellIssues, indexIssues, pathId, sortIssues } from "../model/issues.js";
import type { Lang } from "../model/labels.js";
import { META } from "../model/meta.js";
import { isSigned, readCellText } from "../model/numbers.js";
import type { Entries } from "./cell-edits.js";

export interface PanelIssue extends ValidationIssue {
  crossYear?: boolean;
  /** Said by the parser about the document the draft was read from. */
  read?: boolean;
}

export type MarkStatus = "inferred" | "ambiguous" | "unread";

export interface Derived {
  issues: PanelIssue[];
  byCell: Map<string, CellIssues>;
  /** Cells read from a document whose figure was not printed plainly: inferred, ambiguous or unread. */
  marks: Map<string, { status: MarkStatus; text: string }>;
  errors: number;
  warnings: number;
}

export interface DeriveInput {
  report: DraftReport;
  previous: unknown;
  entries: Entries;
  touched: ReadonlySet<string>;
  asked: boolean;
  readings: readonly Diagnostic[];
  lang: Lang;
}

/** What a cell accepts, in words, from its constraints. */
export function acceptedText(t: Messages, f: FieldMeta): string {
  if (f.constraints.type === "integer") return isSigned(f.constraints) ? t.acceptSigned : t.acceptCount;
  return t.acceptAmount(f.constraints.maxDecimals);
}

function refusals(report: DraftReport, entries: Entries): ValidationIssue[] {
  const fields = META.editions[report.edition].fields;
  const out: ValidationIssue[] = [];
  for (const [id, text] of Object.entries(entries)) {
    const f = fields[id];
    const r = f ? readCellText(text, f.constraints) : undefined;
    if (!f || !r || r.ok) continue;
    const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
    const [zh, en] = [MESSAGES.zh, MESSAGES.en];
    out.push({
      code: "input.refused",
      severity: "error",
      path: f.path,
      related: [],
      message: zh.refused(f.label, shown, zh.why[r.reason] ?? "", acceptedText(zh, f)),
      messageEn: en.refused(f.labelEn, shown, en.why[r.reason] ?? "", acceptedText(en, f)),
    });
  }
  return out;
}

/** Core reports a blank cell as "expected a number, got null"; the form says it plainly. */
function explainBlanks(issues: readonly ValidationIssue[], report: DraftReport): ValidationIssue[] {
  const meta = META.editions[report.edition];
  return issues.map((i) => {
    if (i.code !== RULES.wrongType.code || getAt(report, i.path) !== null) return i;
    const id = pathId(i.path);
    const f = meta.fields[id] ?? meta.header.find((h) => h.id === id);
    const zh = f?.label ?? id;
    const en = f?.labelEn ?? id;
    return { ...i, message: MESSAGES.zh.blank(zh), messageEn: MESSAGES.en.blank(en) };
  });
}

function readingIssues(readings: readonly Diagnostic[]): PanelIssue[] {
  return readings
    .filter((d) => d.path && d.severity !== "info")
    .map((d) => ({
      code: `read.${d.code}`,
      severity: d.severity === "error" ? ("error" as const) : ("warning" as const),
      path: d.path ?? [],
      related: [],
      message: d.message,
      messageEn: d.messageEn,
      read: true,
    }));
}

let lastMarks: { prov: unknown; t: Messages; marks: Derived["marks"] } | undefined;

/** The marks of read cells, rebuilt only when the provenance changes (so cells keep equal props). */
function marksOf(report: DraftReport, t: Messages): Derived["marks"] {
  if (lastMarks && lastMarks.prov === report.provenance && lastMarks.t === t) return lastMarks.marks;
  const out: Derived["marks"] = new Map();
  lastMarks = { prov: report.provenance, t, marks: out };
  const prov = report.provenance as Record<string, { status?: string; by?: string; candidates?: number[] }> | undefined;
  for (const [id, p] of Object.entries(prov ?? {})) {
    if (p.status === "inferred") out.set(id, { status: "inferred", text: t.provInferred(p.by ?? "") });
    if (p.status === "unread") out.set(id, { status: "unread", text: t.provUnread });
    if (p.status === "ambiguous") out.set(id, { status: "ambiguous", text: t.provAmbiguous(p.candidates ?? []) });
  }
  return out;
}

let lastReport: DraftReport | undefined;
let lastValidation: ValidationIssue[] = [];
let lastCross: { previous: unknown; report: DraftReport; issues: PanelIssue[]; overlap?: number } | undefined;

/** Core's checks of one report, computed once per draft (every keystroke makes a new draft). */
function checks(report: DraftReport, previous: unknown): { own: ValidationIssue[]; cross: PanelIssue[] } {
  if (report !== lastReport) {
    lastReport = report;
    lastValidation = explainBlanks(validateReport(report).issues, report);
  }
  if (previous === undefined) return { own: lastValidation, cross: [] };
  if (!lastCross || lastCross.previous !== previous || lastCross.report !== report) {
    const r = compareYears(previous, report);
    lastCross = { previous, report, issues: r.issues.map((i) => ({ ...i, crossYear: true })) };
    if (r.textOverlap !== undefined) lastCross.overlap = r.textOverlap;
  }
  return { own: lastValidation, cross: lastCross.issues };
}

/** Share of this year's text repeating last year's, from the last cross-year check. */
export const lastTextOverlap = () => lastCross?.overlap;

export function derive(input: DeriveInput): Derived {
  const t = MESSAGES[input.lang];
  const { own, cross } = checks(input.report, input.previous);
  const refused = refusals(input.report, input.entries);
  const refusedAt = new Set(refused.map((i) => pathId(i.path)));
  const quiet = (i: ValidationIssue) =>
    i.code === RULES.emptySection.code && !input.asked && !input.touched.has(String(i.path[0]));
  const kept = own.filter((i) => !quiet(i) && !(i.code === RULES.wrongType.code && refusedAt.has(pathId(i.path))));
  const issues = sortIssues([...refused, ...kept, ...readingIssues(input.readings), ...cross]) as PanelIssue[];
  const errors = issues.filter((i) => i.severity === "error").length;
  return {
    issues,
    byCell: indexIssues(issues, input.lang),
    marks: marksOf(input.report, t),
    errors,
    warnings: issues.length - errors,
  };
}

/**
 * A file read into the form: an opened report with what the parser said about it, or why it
 * cannot be used; and this year's draft started from last year's report.
 */
import { cellsOf, getAt, setAt, startFromLastYear } from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import type { Messages } from "../i18n.js";
import type { OpenResult } from "../io/report-file.js";
import type { DraftReport } from "../model/draft.js";
import { pathId } from "../model/issues.js";
import type { Lang } from "../model/labels.js";
import { META } from "../model/meta.js";
import type { Notice } from "./form-store.js";

export interface Previous {
  report: DraftReport;
  name: string;
}

export interface Opened {
  report: DraftReport;
  kind: string;
  readings: Diagnostic[];
  notice: Notice;
}

const MAX_NOTES = 12;

/** Cells the document left unread or ambiguous (their provenance). */
export function cellsNeedingReading(report: unknown): string[] {
  const prov = getAt(report, ["provenance"]);
  if (typeof prov !== "object" || prov === null) return [];
  return Object.entries(prov)
    .filter(([, p]) => p?.status === "unread" || p?.status === "ambiguous")
    .map(([id]) => id);
}

/** The opened report and its notice, or the failure to show (with the structural issues listed). */
export function openedFrom(
  result: OpenResult,
  name: string,
  t: Messages,
  lang: Lang,
): Opened | { failure: string; list?: string[] } {
  if (!result.ok) {
    if (result.reason === "json") return { failure: t.notJson(result.detail) };
    if (result.reason === "unreadable") return { failure: lang === "en" ? result.detailEn : result.detail };
    const list = result.issues.slice(0, 20).map((i) => (lang === "en" ? i.messageEn : i.message));
    return { failure: t.notReport(result.issues.length), list };
  }
  const msg = (d: Diagnostic) => (lang === "en" ? d.messageEn : d.message);
  const notes = result.diagnostics.filter((d) => !d.path && d.severity !== "info").map(msg);
  const unread = cellsNeedingReading(result.report).length;
  const text = [result.kind === "json" ? t.opened(name) : t.openedDocument(name), unread ? t.unreadCells(unread) : ""]
    .filter(Boolean)
    .join("");
  const list = notes.length ? [t.readNotes, ...notes.slice(0, MAX_NOTES)] : undefined;
  return {
    report: result.report,
    kind: result.kind,
    readings: result.diagnostics.filter((d) => d.path),
    notice: { kind: unread ? "error" : "info", text, ...(list ? { list } : {}) },
  };
}

/** The parser's remarks on cells, less those of the cells now typed by the user. */
export function readingsWithout(readings: readonly Diagnostic[], ids: readonly string[]): readonly Diagnostic[] {
  if (!readings.length) return readings;
  const typed = new Set(ids);
  const kept = readings.filter((d) => !d.path || !typed.has(pathId(d.path)));
  return kept.length === readings.length ? readings : kept;
}

/**
 * This year's draft from last year's report (core's startFromLastYear), and the notice saying what
 * was carried. The form holds a cell still to fill in as blank (null), not as core's 0 placeholder
 * marked unread; the body that signed last year is kept for the new 落款, whose date is to be typed.
 */
export function startedFrom(
  from: Previous,
  t: Messages,
  lang: Lang,
): { report: DraftReport; notice: NonNullable<Notice> } | { notice: NonNullable<Notice> } {
  const started = startFromLastYear(from.report);
  if ("error" in started) {
    const why = lang === "en" ? started.error.messageEn : started.error.message;
    return { notice: { kind: "error", text: t.previousFailed(from.name, why) } };
  }
  const report = started.report as unknown as DraftReport;
  const blanks = new Set(started.blanks);
  for (const cell of cellsOf(report.edition)) if (blanks.has(cell.id)) setAt(report, cell.path, null);
  delete report.provenance;
  const signs = META.editions[report.edition].header.some((h) => h.path.join(".") === "signature.agency");
  if (signs && started.signer) setAt(report, ["signature"], { agency: started.signer, date: "" });
  const text =
    t.started(Number(report.year), started.carried.length) +
    (started.blanks.length ? t.startedBlank(started.blanks.length) : "");
  return { report, notice: { kind: "info", text } };
}

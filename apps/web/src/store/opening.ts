/**
 * A file read into the form: an opened report with what the parser said about it, or why it
 * cannot be used; and this year's draft started from last year's report.
 */
import { getAt, type Report } from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import type { Messages } from "../i18n.js";
import type { OpenResult } from "../io/report-file.js";
import type { DraftReport } from "../model/draft.js";
import { startFromLastYear } from "../model/from-last-year.js";
import { pathId } from "../model/issues.js";
import type { Lang } from "../model/labels.js";
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

/** This year's draft from last year's report, and the notice saying what was carried. */
export function startedFrom(from: Previous, t: Messages): { report: DraftReport; notice: Notice } {
  const { report, carried, blank } = startFromLastYear(from.report as unknown as Report);
  const text = t.started(Number(report.year), carried) + (blank.length ? t.startedBlank(blank.length) : "");
  return { report, notice: { kind: "info", text } };
}

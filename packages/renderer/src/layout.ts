/**
 * The printed layout of each edition, read once from core's form metadata (the one description of
 * the official tables) and kept for every later render.
 */
import {
  buildFormMetadata,
  type Edition,
  type EditionFormMeta,
  editionForYear,
  type FieldMeta,
  REPORT_NAME,
  type Report,
  type SectionMeta,
  type TableMeta,
} from "@gov-report/core/lite";

import { LINE_BREAK } from "./chars.js";
import { formatDate } from "./format.js";

export type { EditionFormMeta, FieldMeta, SectionMeta, TableMeta };

let editions: Record<Edition, EditionFormMeta> | undefined;

/** The form metadata of an edition (built on first use, then cached). */
export function editionLayout(edition: Edition): EditionFormMeta {
  editions ??= buildFormMetadata().editions;
  return editions[edition];
}

/**
 * The edition to draw a report in. A report that names no known edition (a draft, or an input that
 * fails validation) is drawn in the edition its year implies, so the tables still appear.
 */
export function layoutEditionOf(report: Report): Edition {
  const e = (report as { edition?: unknown }).edition;
  if (e === "2019" || e === "2021") return e;
  const year = (report as { year?: unknown }).year;
  return typeof year === "number" ? editionForYear(year) : "2021";
}

/** "<agency><year>年政府信息公开工作年度报告". */
export function reportTitle(report: Report): string {
  const r = report as { agency?: { name?: unknown }; year?: unknown };
  const name = typeof r.agency?.name === "string" ? r.agency.name.trim() : "";
  const year = typeof r.year === "number" || typeof r.year === "string" ? String(r.year) : "";
  return `${name}${year}年${REPORT_NAME.zh}`;
}

/** The signature (落款) lines as printed at the end of a report: the agency, then the date. */
export interface SignatureLines {
  agency: string;
  date: string;
}

/**
 * The report's signature as its two printed lines, or undefined when the report has none (or
 * neither line has text). The date prints as 2025年1月20日; either line may be empty in a draft.
 */
export function signatureOf(report: Report): SignatureLines | undefined {
  const s = (report as { signature?: unknown }).signature;
  if (typeof s !== "object" || s === null) return undefined;
  const { agency, date } = s as { agency?: unknown; date?: unknown };
  const lines = {
    agency: typeof agency === "string" ? agency.trim() : "",
    date: typeof date === "string" ? formatDate(date.trim()) : "",
  };
  return lines.agency || lines.date ? lines : undefined;
}

/**
 * The narrative of a text section as paragraphs: split on line breaks (CR LF, LF, or a lone CR,
 * which Markdown and Word also take as a break), blank lines dropped.
 */
export function paragraphsOf(text: unknown): string[] {
  if (typeof text !== "string") return [];
  const out: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    const p = line.trim();
    if (p) out.push(p);
  }
  return out;
}

/**
 * From the line model to the canonical report: layout (sections and tables), title block,
 * edition, the three tables, the three texts, then provenance and confidence.
 */
import {
  createEmptyReport,
  type Edition,
  editionForYear,
  type Report,
  type SectionKey,
  sectionDef,
  TEXT_SECTIONS,
  validateReport,
} from "@gov-report/core/lite";
import { sayBlankTables } from "./cells/all-blank.js";
import { CellBook } from "./cells/book.js";
import { tableTag } from "./cells/names.js";
import { isChrome } from "./chrome.js";
import { confidenceOf } from "./confidence.js";
import { withoutContents } from "./contents.js";
import type { ReadContext } from "./context.js";
import { Diagnostics } from "./diagnostics.js";
import { refOf, type SourceDoc } from "./doc.js";
import { detectEditions } from "./edition.js";
import { buildEvidence } from "./evidence/facts.js";
import { REPLACEMENT } from "./input.js";
import { agencyFromPreamble, agencyFromSignature, readMeta, yearFromText } from "./meta.js";
import { narrative } from "./narrative.js";
import { oneReport } from "./reports.js";
import { findLayout, type Layout, nextBoundary } from "./sections.js";
import { findSignature } from "./signature.js";
import { cellNotes } from "./strategies/cell-notes.js";
import { labelNumbers } from "./strategies/label-numbers.js";
import { pageNumbers } from "./strategies/page-numbers.js";
import { pipeGrid } from "./strategies/pipe-grid.js";
import { readApplications } from "./tables/applications.js";
import { readProactive } from "./tables/proactive.js";
import { firstCopy } from "./tables/repeated.js";
import { readReviews } from "./tables/reviews.js";
import type { ParseOptions, ParseResult } from "./types.js";

/** Characters the source's bytes could not give (U+FFFD: invalid UTF-8, a glyph with no Unicode), said once. */
function sayDamagedCharacters(doc: SourceDoc, diags: Diagnostics): void {
  let lines = 0;
  let first = -1;
  for (const [i, l] of doc.lines.entries()) {
    if (!l.text.includes(REPLACEMENT)) continue;
    lines++;
    if (first < 0) first = i;
  }
  if (lines) diags.emit("input.damaged-characters", { lines }, { path: [], source: refOf(doc, first) });
}

export function readReport(source: SourceDoc, options: ParseOptions, diags = new Diagnostics()): ParseResult {
  // Label numbers ("（1）属于…", a converter's `数据1`) are told from figures once the notes are folded.
  const doc = oneReport(withoutContents(labelNumbers(cellNotes(pageNumbers(pipeGrid(source))))), diags);
  sayDamagedCharacters(doc, diags);
  const layout = findLayout(doc);
  const headingLines = Object.values(layout.headings).filter((v): v is number => v !== undefined);
  const firstHeading = headingLines.length ? Math.min(...headingLines) : -1;
  const hasTable = Boolean(layout.proactive || layout.applications || layout.reviewsHeader !== undefined);
  const meta = readMeta(doc, firstHeading, diags);
  let year = options.year ?? meta.year ?? yearFromText(doc, diags);
  const agency = meta.agency || agencyFromPreamble(doc, firstHeading, diags) || agencyFromSignature(doc, diags);
  if (!agency) diags.emit("agency.missing", {}, { path: ["agency", "name"] });
  const editions = options.edition
    ? { edition: options.edition, proactive: options.edition }
    : detectEditions(doc, layout, year, diags);
  const { edition } = editions;
  if (year === undefined) {
    year = new Date().getFullYear() - 1;
    diags.emit("year.missing", { year }, { path: ["year"] });
  }
  if (editionForYear(year) !== edition)
    diags.emit("edition.year-mismatch", { year, expected: editionForYear(year), edition }, { path: ["edition"] });
  const report = emptyReport(edition, year, agency);
  // The texts are read before the tables: their figures are evidence for the tables.
  const sectionDiags = new Diagnostics();
  const spans = textSpans(doc, layout, hasTable, sectionDiags);
  const texts = textsOf(doc, spans);
  const ctx: ReadContext = {
    doc,
    diags,
    edition,
    cells: new CellBook(edition),
    evidence: buildEvidence(edition, texts, options.previous),
  };
  readProactive(
    ctx,
    firstCopy(doc, layout.proactive, "proactiveDisclosure", editions.proactive, diags),
    editions.proactive,
  );
  readApplications(ctx, firstCopy(doc, layout.applications, "applications", edition, diags));
  const reviews = readReviews(ctx, layout.reviewsHeader);
  sayPageNumbers(ctx, layout, reviews.end);
  diags.list.push(...sectionDiags.list);
  Object.assign(report, textsOf(doc, spans, texts, layout.reviewsHeader, reviews.end));
  const signature = readSignature(doc);
  if (signature) report.signature = signature;
  if (!headingLines.length && !hasTable) diags.emit("input.not-a-report", {});
  return finish(report, ctx);
}

/** A table's bare page numbers the page-numbers strategy took out (`numbers.page-number`). */
function sayPageNumbers(ctx: ReadContext, layout: Layout, reviewsEnd: number): void {
  const ranges: [SectionKey, [number, number] | undefined][] = [
    ["proactiveDisclosure", layout.proactive],
    ["applications", layout.applications],
    ["reviewsAndLawsuits", layout.reviewsHeader !== undefined ? [layout.reviewsHeader, reviewsEnd + 1] : undefined],
  ];
  for (const { line, figure } of ctx.doc.pageNumberLines ?? [])
    for (const [table, range] of ranges) {
      if (!range || line < range[0] || line >= range[1]) continue;
      const source = refOf(ctx.doc, line, figure);
      ctx.diags.emit(
        "numbers.page-number",
        { table: tableTag(table), figure, where: "edge" },
        { path: [table], ...(source ? { source } : {}) },
      );
    }
}

/**
 * Writes the cells and their provenance into the report, validates it once (core's
 * validateReport) and scores it from that validation.
 */
function finish(report: Record<string, unknown>, ctx: ReadContext): ParseResult {
  const provenance = ctx.cells.writeInto(report);
  report.provenance = provenance;
  sayBlankTables(ctx.edition, provenance, ctx.diags);
  const validation = validateReport(report);
  const confidence = confidenceOf(ctx.edition, validation, provenance, ctx.diags.list);
  return { report: report as unknown as Report, diagnostics: ctx.diags.list, confidence, validation };
}

/** Where a text section's lines are: [from, to), or undefined when its heading is missing. */
type TextSpan = { key: string; from: number; to: number } | { key: string; from?: undefined; to?: undefined };

/**
 * The lines of the three texts: from a heading to the next heading or table (a missing heading is
 * a `section.missing` diagnostic, a warning when the document has tables).
 */
function textSpans(doc: SourceDoc, layout: Layout, hasTable: boolean, diags: Diagnostics): TextSpan[] {
  const h = layout.headings;
  const n = doc.lines.length;
  const t4 = layout.reviewsHeader;
  const stops = [
    ...Object.values(h).filter((v): v is number => v !== undefined),
    ...(layout.proactive ? [layout.proactive[0]] : []),
    ...(layout.applications ? [layout.applications[0]] : []),
    ...(t4 !== undefined ? [t4] : []),
  ];
  return TEXT_SECTIONS.map((s): TextSpan => {
    const at = h[s.key];
    if (at === undefined) {
      const section = { zh: sectionDef(s.key).heading, en: s.en };
      diags.emit("section.missing", { section }, { path: [s.key], severity: hasTable ? "warning" : "error" });
      return { key: s.key };
    }
    let end = nextBoundary(h, at, n);
    for (const st of stops) if (st > at && st < end) end = st;
    end = chromeCut(doc, at + 1, end);
    const sig = findSignature(doc, at + 1, end);
    if (sig && sig.to >= lastWords(doc, at + 1, end)) end = sig.from;
    return { key: s.key, from: at + 1, to: end };
  });
}

/**
 * The texts of the spans. Once table 四 is read ([t4, reviewsEnd]), a span that holds lines of a
 * floated table 四 is read again without them; the others keep their text from `before`.
 */
function textsOf(
  doc: SourceDoc,
  spans: readonly TextSpan[],
  before?: Record<string, string>,
  t4?: number,
  reviewsEnd = -1,
): Record<string, string> {
  const skip = (i: number) => t4 !== undefined && i >= t4 && i <= reviewsEnd;
  const out: Record<string, string> = {};
  for (const s of spans) {
    if (s.from === undefined) out[s.key] = "";
    else if (before && !(t4 !== undefined && t4 < s.to && reviewsEnd >= s.from)) out[s.key] = before[s.key] ?? "";
    else out[s.key] = narrative(doc, s.from, s.to, skip);
  }
  return out;
}

/** The first line of website chrome in [from, to): the section ends there. */
function chromeCut(doc: SourceDoc, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isChrome((doc.lines[i] as { key: string }).key)) return i;
  return to;
}

/** The last line with words in [from, to). */
function lastWords(doc: SourceDoc, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if ((doc.lines[i] as { key: string }).key) return i;
  return from;
}

/** The signature (落款) at the end of the document, skipping website chrome after it. */
function readSignature(doc: SourceDoc): { agency: string; date: string } | undefined {
  const n = doc.lines.length;
  const sig = findSignature(doc, Math.max(0, n - 40), n, true);
  return sig ? { agency: sig.agency, date: sig.date } : undefined;
}

/** An empty report of the edition (core's shape and key order). */
function emptyReport(edition: Edition, year: number, agency: string): Record<string, unknown> {
  return createEmptyReport({ edition, year, agencyName: agency }) as unknown as Record<string, unknown>;
}

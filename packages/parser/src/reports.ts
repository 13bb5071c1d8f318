/**
 * One report per document. A file may hold two: a draft and the final text, this year's report
 * with last year's appended, two agencies' reports printed one after the other. Reading across
 * them mixes their figures (a table the first does not print is found in the second), so the
 * document is cut where the second starts — its title, or its 一、总体情况 printed again after the
 * first's later sections — and one report is read: the first, unless it is a draft (core's
 * TITLE_WORDS.draftMarks) and another is not. The others are said, never read silently.
 */
import { SECTIONS, TITLE_WORDS } from "@gov-report/core/lite";
import type { Diagnostics } from "./diagnostics.js";
import { type Line, refOf, type SourceDoc } from "./doc.js";
import { isTitleLine } from "./meta.js";
import { headingOf } from "./sections.js";

const ORDER = new Map(SECTIONS.map((s, i) => [s.key, i]));
/** Headings a report must have printed before a heading going back counts as a new report. */
const MIN_HEADINGS = 3;
/** Lines above a restarted 一、 heading its report's title may stand on. */
const TITLE_ABOVE = 8;

const isTitle = (l: Line | undefined) => l !== undefined && isTitleLine(l.text);

/** Where each report after the first starts: its title line, else its restarted heading. */
export function reportStarts(doc: SourceDoc): number[] {
  const starts: number[] = [];
  let seen = 0;
  let order = -1;
  for (let i = 0; i < doc.lines.length; i++) {
    const l = doc.lines[i] as Line;
    if (l.tableRow) continue;
    const h = headingOf(l.key);
    if (!h) continue;
    const idx = ORDER.get(h) ?? -1;
    if (idx <= 1 && idx < order && seen >= MIN_HEADINGS) {
      starts.push(titleAbove(doc, i, starts[starts.length - 1] ?? 0));
      seen = 0;
    }
    seen++;
    order = idx;
  }
  return starts;
}

function titleAbove(doc: SourceDoc, heading: number, floor: number): number {
  for (let i = heading - 1; i > Math.max(floor, heading - TITLE_ABOVE); i--) if (isTitle(doc.lines[i])) return i;
  return heading;
}

const isDraft = (doc: SourceDoc, from: number, to: number) => {
  for (let i = from; i < Math.min(to, from + TITLE_ABOVE * 2); i++) {
    const l = doc.lines[i];
    if (isTitle(l) && TITLE_WORDS.draftMarks.some((m) => (l as Line).text.includes(m))) return true;
  }
  return false;
};

/** The document with only one report's lines (line numbers kept), the others said in a diagnostic. */
export function oneReport(doc: SourceDoc, diags: Diagnostics): SourceDoc {
  const starts = reportStarts(doc);
  if (!starts.length) return doc;
  const spans = [0, ...starts].map((s, k, all) => [s, all[k + 1] ?? doc.lines.length] as const);
  const drafts = spans.map(([a, b]) => isDraft(doc, a, b));
  const pick = drafts[0] ? Math.max(0, drafts.indexOf(false)) : 0;
  const [from, to] = spans[pick] as readonly [number, number];
  diags.emit(
    "document.several-reports",
    { count: spans.length, read: pick + 1, draft: pick > 0 },
    { path: [], source: refOf(doc, from) },
  );
  // Lines after the report are dropped; lines before it are emptied (tokens keep their line numbers).
  const lines = doc.lines.slice(0, to).map((l, i) => (i >= from ? l : { ...l, text: "", key: "", tokens: [] }));
  return { ...doc, lines };
}

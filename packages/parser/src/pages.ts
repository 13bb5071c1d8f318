/**
 * The page numbers of a text extracted from a PDF with form feeds between its pages (pdftotext).
 * Many PDFs print the page number bare ("3" on a line of its own, no dashes), and a text with no
 * positions cannot tell it from a table's figure by its form. Its place in the sequence can: when
 * the other pages print their numbers — as furniture ("- 3 -") or as a bare figure on their first
 * or last line — and those numbers run with the pages (page k prints k + offset), the number a page
 * prints is known, and a bare figure of that value on the page is its number.
 */
import type { Line, SourceDoc, Token } from "./doc.js";

/** Pages that must agree on the offset, apart from the page asked about: one could be a figure. */
const MIN_AGREEING_PAGES = 2;
/** Page numbers have at most this many digits (the furniture reader's own bound). */
const MAX_PAGE_DIGITS = 3;

/** The single unsigned integer of a line printed alone (what a bare page number looks like). */
export function bareFigure(line: Line | undefined): Token | undefined {
  const t = line?.tokens.length === 1 ? line.tokens[0] : undefined;
  if (t?.kind !== "num" || t.signed || t.decimals || t.yuan || t.digits !== undefined) return undefined;
  const v = t.value as number;
  return Number.isInteger(v) && v >= 0 && String(v).length <= MAX_PAGE_DIGITS ? t : undefined;
}

/** The index of the page holding line `index` (0-based), or -1 for a text without pages. */
export function pageOf(doc: SourceDoc, index: number): number {
  const pages = doc.pages;
  if (!pages) return -1;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pages[mid]?.start ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The offsets (number printed − page index) each page's own furniture or edge lines show. */
function offsetsOf(doc: SourceDoc, page: number): Set<number> {
  const pages = doc.pages ?? [];
  const mark = pages[page];
  const out = new Set<number>();
  if (!mark) return out;
  if (mark.printed !== undefined) out.add(mark.printed - page);
  const end = pages[page + 1]?.start ?? doc.lines.length;
  if (end <= mark.start) return out;
  for (const i of [mark.start, end - 1]) {
    const t = bareFigure(doc.lines[i]);
    if (t) out.add((t.value as number) - page);
  }
  return out;
}

/**
 * The number page `page` prints, as the other pages' numbers give it: the offset at least
 * MIN_AGREEING_PAGES other pages show, and more of them than show any other; undefined otherwise.
 */
export function expectedPageNumber(doc: SourceDoc, page: number): number | undefined {
  const pages = doc.pages;
  if (!pages || page < 0 || page >= pages.length) return undefined;
  const votes = new Map<number, number>();
  for (let p = 0; p < pages.length; p++) {
    if (p === page) continue;
    for (const o of offsetsOf(doc, p)) votes.set(o, (votes.get(o) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestVotes = 0;
  let tie = false;
  for (const [o, n] of votes) {
    if (n > bestVotes) [best, bestVotes, tie] = [o, n, false];
    else if (n === bestVotes) tie = true;
  }
  if (best === undefined || tie || bestVotes < MIN_AGREEING_PAGES) return undefined;
  const n = page + best;
  return n > 0 ? n : undefined;
}

/** Whether the bare figure printed alone on line `index` is its page's number by the sequence. */
export function isPageNumber(doc: SourceDoc, index: number): boolean {
  const t = bareFigure(doc.lines[index]);
  return t !== undefined && expectedPageNumber(doc, pageOf(doc, index)) === t.value;
}

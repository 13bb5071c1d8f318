/**
 * Letter spacing in a PDF line (CSS letter-spacing, a space typed between every character, Word's
 * distributed alignment): the characters of one cell stand apart, and pdf.js gives them either as
 * one item with a space wherever a gap is over its in-flow threshold ("1 0 8", "3 11 9", "1 .属 于")
 * or as one item per character when the gaps are wider. Read as printed, "1 0 8" is three figures
 * and the item number of "1 .属于国家秘密" a figure. This module joins the characters of one cell
 * by the geometry alone: the gaps of a letter-spaced cell are even and far smaller than the gaps
 * between the cells of the row, and characters are never joined across a gap of the row's cells.
 */
import type { PdfItem } from "./pdf-item.js";

/** What the spacing of a document's items is measured against. */
export interface SpacingContext {
  /** Advance of one digit, as a fraction of the font size (measured on the document's one-digit items). */
  digitAdvance: number;
  /** Smallest gap between two separate figure cells of a row on the page, in points; undefined: none seen. */
  pageCellGap?: number;
}

/**
 * pdf.js puts a space into an item's text where a gap is over 0.102 of the font size and keeps
 * gaps up to 0.6 in one item (its SPACE_IN_FLOW factors); a wider gap starts another item.
 */
const IN_FLOW_SPACE = 0.102;
const IN_FLOW_MAX = 0.6;
/** Items closer than this (× font size) touch: one piece of text (a font change inside a word). */
export const TOUCH = 0.25;
/** A gap between items over this (× font size) is never letter spacing: the row's cells are wider apart. */
const LETTER_GAP_MAX = 0.75;
/** Gaps of one letter-spaced run differ by no more than this (× font size). */
const EVEN = 0.12;

const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** Characters of a printed figure besides digits: separators, decimal point, sign. */
const FIGURE_MARKS = new Set([".", ",", "+", "-"]);

/** The characters of an item apart from spaces, and the number of spaces between them (-1: a run of two or more). */
function spaced(str: string): { chars: string[]; spaces: number } {
  const chars: string[] = [];
  let spaces = 0;
  let run = 0;
  for (const ch of str.trim()) {
    if (ch === " ") {
      run++;
      continue;
    }
    if (run > 1) spaces = -1;
    else if (run === 1 && spaces >= 0) spaces++;
    run = 0;
    chars.push(ch);
  }
  return { chars, spaces };
}

function isFigureChar(ch: string): boolean {
  return isDigitCode(ch.charCodeAt(0)) || FIGURE_MARKS.has(ch);
}

/** Estimated advance of a character, × font size: digits as measured, marks a quarter, the rest a full em. */
function advance(ch: string, ctx: SpacingContext): number {
  if (isDigitCode(ch.charCodeAt(0))) return ctx.digitAdvance;
  if (FIGURE_MARKS.has(ch)) return 0.25;
  return ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
}

/**
 * An item's text with its spaces dropped when they are letter spacing; otherwise as given. Words
 * with a space between every character are letter-spaced ("信 息 内 容", "1 ."). An item of figures
 * is joined only when its gaps, estimated from its width, are even (every character apart, or
 * all at pdf.js's threshold, where some gaps get a space and some not: "3 11 9"), and far smaller
 * than the gap between the row's cells (`cellGap`): "12 34" of two cramped cells stays two figures.
 */
export function unspacedItem(it: PdfItem, ctx: SpacingContext, cellGap: number | undefined): string {
  if (!it.str.includes(" ")) return it.str;
  const { chars, spaces } = spaced(it.str);
  if (chars.length < 2 || spaces <= 0) return it.str;
  const every = spaces === chars.length - 1;
  if (!chars.every(isFigureChar)) return every ? chars.join("") : it.str;
  let printed = 0;
  for (const ch of chars) printed += advance(ch, ctx) * it.size;
  const gap = (it.width - printed) / (chars.length - 1);
  const even = every
    ? gap <= IN_FLOW_MAX * it.size
    : Math.abs(gap - IN_FLOW_SPACE * it.size) <= 0.5 * IN_FLOW_SPACE * it.size;
  const apart = cellGap !== undefined && Math.max(gap, 0) < 0.5 * cellGap;
  return even && apart ? chars.join("") : it.str;
}

/** Whether a piece of text holds a digit. */
export function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

/**
 * Gaps between consecutive items of a line that are too wide for letter spacing, next to a figure:
 * the smallest is how far apart the row's figure cells are at least.
 */
export function lineCellGap(items: readonly PdfItem[]): number | undefined {
  let best: number | undefined;
  for (let k = 1; k < items.length; k++) {
    const a = items[k - 1] as PdfItem;
    const b = items[k] as PdfItem;
    const gap = b.x - (a.x + a.width);
    if (gap <= LETTER_GAP_MAX * Math.max(a.size, b.size)) continue;
    if (!hasDigit(a.str) && !hasDigit(b.str)) continue;
    if (best === undefined || gap < best) best = gap;
  }
  return best;
}

/** One character per item ("1", ".", "属"): what wide letter spacing gives. */
function isGlyph(s: string): boolean {
  const t = s.trim();
  return t.length === 1 || (t.length === 2 && t.codePointAt(0) !== t.charCodeAt(0));
}

/**
 * For each item after the first: whether it continues the previous one's letter-spaced run
 * across a gap wider than touching. A run is three or more one-character items with even gaps of
 * at most LETTER_GAP_MAX; two figures join only when the gap is far below the row's cell gap.
 */
export function letterRuns(items: readonly PdfItem[], cellGap: number | undefined): boolean[] {
  const joined: boolean[] = items.map(() => false);
  let k = 0;
  while (k < items.length) {
    let end = k;
    let first: number | undefined;
    while (end + 1 < items.length) {
      const a = items[end] as PdfItem;
      const b = items[end + 1] as PdfItem;
      const size = Math.max(a.size, b.size);
      const gap = b.x - (a.x + a.width);
      if (!isGlyph(a.str) || !isGlyph(b.str) || gap <= TOUCH * size || gap > LETTER_GAP_MAX * size) break;
      if (first !== undefined && Math.abs(gap - first) > EVEN * size) break;
      if (hasDigit(a.str) && hasDigit(b.str) && !(cellGap !== undefined && gap < 0.5 * cellGap)) break;
      first ??= gap;
      end++;
    }
    if (end - k >= 2) for (let j = k + 1; j <= end; j++) joined[j] = true;
    k = end + 1;
  }
  return joined;
}

/** Median advance of the document's one-digit items (× font size); half an em when there are none. */
export function measuredDigitAdvance(items: Iterable<PdfItem>): number {
  const ratios: number[] = [];
  for (const it of items)
    if (it.str.length === 1 && isDigitCode(it.str.charCodeAt(0)) && it.size > 0 && it.width > 0)
      ratios.push(it.width / it.size);
  if (ratios.length === 0) return 0.5;
  ratios.sort((a, b) => a - b);
  return ratios[ratios.length >> 1] as number;
}

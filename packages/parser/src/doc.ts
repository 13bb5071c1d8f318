/**
 * The one shape every source is turned into before reading the report: lines of tokens. A PDF
 * line is a row of text items at one height; an HTML line is a table row or a block; a text line
 * is a line. Number tokens carry a position (x centre on a PDF page, grid column in an HTML
 * table) when the source has one, so that values can be mapped to columns by position.
 */
import { PAGE_NUMBER_WORDS } from "@gov-report/core/lite";
import { LIMITS, LimitExceeded, type Refusal, refusal } from "./limits.js";
import { labelKey } from "./normalize.js";

export type TokenKind = "num" | "text" | "dash";

export interface Token {
  kind: TokenKind;
  /** Source text of the token (normalized characters). */
  text: string;
  /** num: the value as printed (units not converted); dash: 0. */
  value?: number;
  /** num: printed with an explicit sign (+3, -18). */
  signed?: boolean;
  /** num: decimals printed. */
  decimals?: number;
  /** num: printed with the unit 元 (not 万元). */
  yuan?: boolean;
  /** num: a run of digits with no separator that may be several cells run together. */
  digits?: string;
  /** num: the decimals of a run of digits ("325.6835" may be 3|25.6835). */
  frac?: string;
  /** dash: printed between digits with no space ("7-129"): a blank cell, or the sign of a
   * negative figure run together with its neighbours (7|-12|9). */
  glued?: boolean;
  /** dash: an explicit cell printing a figure with letters for digits (3OO1, l78): a cell, but not legible. */
  illegible?: boolean;
  /** x centre (PDF) or grid column (HTML). */
  pos?: number;
  /** Index of the line in SourceDoc.lines. */
  line: number;
}

export interface Line {
  /** Text as printed (for narrative and excerpts). */
  text: string;
  /** labelKey(text): only letters, digits and ideographs. */
  key: string;
  tokens: Token[];
  page?: number;
  /** 1-based line number in the source (text, HTML) or on the page (PDF). */
  lineNo: number;
  /** Character offset of the line in a text source. */
  offset?: number;
  /** Starts indented (a new paragraph in PDF and layout text). */
  indent: boolean;
  /** Ends with a space (ends a paragraph in PDF-extracted text, see fixtures/README.md). */
  trailingSpace: boolean;
  /** Row of an HTML table (cells are separate even without spaces). */
  tableRow?: boolean;
  /** A table grid's row whose cells are all empty (text and tokens none): how many cells it has. */
  emptyCells?: number;
  /** HTML: a new block starts here (<p>, <div>, <br>…): a paragraph boundary. */
  block?: boolean;
}

export interface SourceDoc {
  kind: "pdf" | "html" | "text" | "docx";
  lines: Line[];
  /** Number tokens carry positions. */
  positional: boolean;
  /**
   * Text laid out as on the printed page (pdftotext -layout): positions are display columns, and
   * the table reads as a PDF page does (wrapped cells, labels over several lines).
   */
  laidOut?: boolean;
  /** Document title from PDF metadata or HTML <title>. */
  title?: string;
  /** Set when the input is over a reader limit: the document was not read (no lines). */
  refused?: Refusal;
  /**
   * Text extracted from a PDF with its pages separated by form feeds (pdftotext): where each page
   * starts and the number its page furniture printed, if any. Absent without form feeds.
   */
  pages?: PageMark[];
  /** Lines holding a page's bare number, emptied by the page-numbers strategy, with the figure. */
  pageNumberLines?: readonly { line: number; figure: string }[];
}

/** A page of a text with form feeds: its first line in `lines`, its furniture's number ("- 3 -"). */
export interface PageMark {
  start: number;
  printed?: number;
}

/** Lines longer than this get their key in chunks of this size (no label is nearly that long). */
const KEY_CHUNK = 1 << 16;

/** A line of the line model. Throws LimitExceeded past LIMITS.maxLineChars (each source refuses the input). */
export function makeLine(partial: Omit<Line, "key">): Line {
  if (partial.text.length > LIMITS.maxLineChars) throw new LimitExceeded(refusal("maxLineChars"));
  const line = partial as Line;
  line.key = keyOf(partial.text);
  return line;
}

/**
 * labelKey of a line, chunk by chunk past KEY_CHUNK characters: one string built of millions of
 * pieces ("1,1,1,…" keeps every other character) costs tens of bytes per piece until flattened.
 */
function keyOf(text: string): string {
  if (text.length <= KEY_CHUNK) return labelKey(text);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += KEY_CHUNK) parts.push(labelKey(text.slice(i, i + KEY_CHUNK)));
  return parts.join("");
}

/** Source reference of a line, for diagnostics. */
export function refOf(doc: SourceDoc, lineIndex: number | undefined, excerpt?: string) {
  if (lineIndex === undefined) return undefined;
  const l = doc.lines[lineIndex];
  if (!l) return undefined;
  const text = (excerpt ?? l.text).trim();
  // Keys set one by one, in the order the object has always had (page, line, offset, excerpt):
  // readers ask for a reference per row and per cell, spreads cost an object each.
  const ref: { page?: number; line: number; offset?: number; excerpt?: string } =
    l.page !== undefined ? { page: l.page, line: l.lineNo } : { line: l.lineNo };
  if (l.offset !== undefined) ref.offset = l.offset;
  ref.excerpt = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return ref as typeof ref & { excerpt: string };
}

/** Longest compact form (spaces removed) page furniture has. */
const FURNITURE_MAX = 12;
/** The compact form of a line being asked, as UTF-16 codes (one buffer: no string per line). */
const compactBuf = new Int32Array(FURNITURE_MAX + 1);
const codeOf = (s: string) => (s.length === 1 ? s.charCodeAt(0) : -2);
const ORDINAL = codeOf(PAGE_NUMBER_WORDS.ordinal);
const PAGE = codeOf(PAGE_NUMBER_WORDS.page);
const TOTAL = codeOf(PAGE_NUMBER_WORDS.total);
const SLASH = 0x2f;
/** "-", "—", "–", "－", "‐". */
const isDash = (c: number) => c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0x2010;
/** ASCII and full-width digits. */
const isDigitCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** The code at i of the compact form of length n; -1 past its end. */
const at = (i: number, n: number) => (i < n ? (compactBuf[i] as number) : -1);

/** "- 1 -", "-1-", "— 2 —", "第 3 页", "第3页 共5页", "3/5": page furniture, not content. */
export function isPageFurniture(text: string): boolean {
  // Every line is asked: most start with a character no page number starts with (第, a dash,
  // a digit), and are answered without looking further.
  if (!mayBeFurniture(text)) return false;
  const n = compactCodes(text);
  if (n <= 0) return false;
  if (at(0, n) === ORDINAL) return pageOf(n);
  let i = 0;
  let lead = 0;
  while (isDash(at(i, n))) {
    i++;
    lead++;
  }
  const d0 = i;
  while (isDigitCode(at(i, n))) i++;
  if (i === d0 || i - d0 > 3) return false;
  if (at(i, n) === SLASH) {
    const d1 = ++i;
    while (isDigitCode(at(i, n))) i++;
    return i > d1 && i === n && lead === 0;
  }
  let trail = 0;
  while (isDash(at(i, n))) {
    i++;
    trail++;
  }
  return i === n && lead > 0 && trail > 0;
}

/** The page number page furniture prints ("- 3 -", "第3页共5页", "3/5"), or undefined. */
export function furnitureNumber(text: string): number | undefined {
  if (!isPageFurniture(text)) return undefined;
  let v = -1;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!isDigitCode(c)) {
      if (v >= 0) break;
      continue;
    }
    v = (v < 0 ? 0 : v * 10) + (c >= 0xff10 ? c - 0xff10 : c - 0x30);
  }
  return v >= 0 ? v : undefined;
}

/** The line without " ", tab and U+3000 into compactBuf: its length, or -1 past FURNITURE_MAX. */
function compactCodes(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 0x3000) continue;
    if (n === FURNITURE_MAX) return -1;
    compactBuf[n++] = c;
  }
  return n;
}

/** "第3页" or "第3页共5页" (the compact form starts with 第). */
function pageOf(n: number): boolean {
  let i = 1;
  const d0 = i;
  while (isDigitCode(at(i, n))) i++;
  if (i === d0 || at(i, n) !== PAGE) return false;
  i++;
  if (i === n) return true;
  if (at(i, n) !== TOTAL) return false;
  i++;
  const d1 = i;
  while (isDigitCode(at(i, n))) i++;
  return i > d1 && at(i, n) === PAGE && i + 1 === n;
}

/** First characters of page furniture: 第, the dashes and digits isPageFurniture accepts. */
const FURNITURE_START = new Set(
  [PAGE_NUMBER_WORDS.ordinal, ..."-—–－‐0123456789０１２３４５６７８９"].map((c) => c.charCodeAt(0)),
);

/** False when the first character other than " ", tab and U+3000 cannot start page furniture. */
function mayBeFurniture(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0x3000) return FURNITURE_START.has(c);
  }
  return false;
}

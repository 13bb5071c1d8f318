/**
 * Text laid out as on the printed page (`pdftotext -layout`): table cells stand in columns kept
 * apart by runs of spaces, a blank cell is only more spaces. Read as a flow of figures, a row with
 * blank cells has fewer than seven and takes the next row's; read by the columns the spaces make,
 * each figure keeps its cell, as on the PDF page. A line's pieces (text between runs of two or
 * more spaces) get their character columns as positions (pdftotext gives every character one
 * column, a Chinese one too), the model the PDF reader gives with x on the page.
 */
import type { Token } from "../doc.js";
import { tokenize } from "../tokens.js";

/** A piece of a line between runs of spaces: its characters and display columns. */
interface Piece {
  text: string;
  /** Column of its first and last character. */
  x0: number;
  x1: number;
}

/** Lines with this many pieces holding a figure, or more, are table rows laid out in columns. */
const COLUMNAR_PIECES = 3;
/** A text is laid out in columns when this many lines are. */
const COLUMNAR_LINES = 8;

const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
const hasDigit = (s: string) => {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
};

/** The pieces of a line: text between runs of two or more spaces (one space stays inside a piece). */
export function piecesOf(raw: string): Piece[] {
  const out: Piece[] = [];
  let col = 0;
  let start = -1;
  let end = 0;
  let x0 = 0;
  let x1 = 0;
  let spaces = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isSpace(c)) spaces++;
    else {
      if (start >= 0 && spaces >= 2) {
        out.push({ text: raw.slice(start, end), x0, x1 });
        start = -1;
      }
      if (start < 0) {
        start = i;
        x0 = col;
      }
      spaces = 0;
      end = i + 1;
      x1 = col;
    }
    col++;
  }
  if (start >= 0) out.push({ text: raw.slice(start, end), x0, x1 });
  return out;
}

/**
 * Whether a line is a table row laid out in columns: its label, then pieces with figures, enough
 * of them or two of them a run of spaces apart (a blank cell between: "300 53       61 4 3119").
 * Text from other sources separates figures by one space, or cells by `|`.
 */
export function isColumnar(raw: string): boolean {
  if (raw.includes("|") || !wordsBeforeFigures(raw)) return false;
  let figures = 0;
  let gapBetween = false;
  let last: Piece | undefined;
  for (const p of piecesOf(raw)) {
    const digit = hasDigit(p.text);
    if (digit) figures++;
    if (digit && last && startsWithFigure(p.text) && endsWithFigure(last.text)) gapBetween = true;
    last = p;
  }
  return figures >= COLUMNAR_PIECES || gapBetween;
}

/**
 * A row's label before its figures on the line (a Chinese character before the first digit): a
 * row of a table laid out as printed. Lines of figures alone, spaced at random, come from other
 * extractors that print the labels elsewhere.
 */
function wordsBeforeFigures(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isDigitCode(c)) return false;
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}

const isDigitCode = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const startsWithFigure = (s: string) => isDigitCode(s.charCodeAt(0));
const endsWithFigure = (s: string) => isDigitCode(s.charCodeAt(s.length - 1));

/**
 * Whether a text is laid out in columns (pdftotext -layout), from its lines: rows laid out in
 * columns, or words followed by a run of spaces and more (a header's cells, a narrow table whose
 * figures stand one space apart). Other extractors put at most a space after a word.
 */
export function isLaidOut(lines: readonly string[]): boolean {
  let n = 0;
  for (const l of lines) if ((isColumnar(l) || gapAfterWords(l)) && ++n >= COLUMNAR_LINES) return true;
  return false;
}

/** Spaces after a word that make a gap between columns. */
const WORD_GAP = 3;

/** A Chinese character or closing bracket, then WORD_GAP or more spaces, then more text. */
function gapAfterWords(raw: string): boolean {
  let spaces = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) {
      if (spaces >= 0) spaces++;
    } else {
      if (spaces >= WORD_GAP) return true;
      spaces = (c >= 0x3400 && c <= 0x9fff) || c === 0xff09 || c === 41 ? 0 : -1;
    }
  }
  return false;
}

/** The tokens of a laid-out line, each with its column as position. */
export function layoutTokens(raw: string, line: number): Token[] {
  const out: Token[] = [];
  for (const p of piecesOf(raw)) tokenize(p.text, line, { x0: p.x0, x1: p.x1 }, out);
  return out;
}

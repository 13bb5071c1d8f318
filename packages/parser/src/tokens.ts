/**
 * Splits a piece of text into number, dash and text tokens with one forward scan (no regex, no
 * backtracking). It knows the format's traps: "1." and "1、" are item markers, not numbers, even
 * when run together with the previous row's figures ("00000002.其他…"); "保留4位小数", "2023 年"
 * and "第1项" are words; "+3" is signed; "7730.28" is a decimal; "251000元" is in 元. A piece
 * that is one explicit cell and prints one figure is read as one figure ("128 406", "447，228",
 * "- 18", "减少18": see cellFigure); in a line of text a space separates cells.
 */
import {
  AMOUNT_UNITS,
  BLANK_CELL_MARKS,
  CELL_COUNT_UNITS,
  CHANGE_WORDS,
  FIGURE_WORD_SUFFIXES,
  ORDINAL_MARKS,
} from "@gov-report/core/lite";
import type { Token } from "./doc.js";
import { LIMITS } from "./limits.js";
import { normalizeChars } from "./normalize.js";

// Characters are compared as UTF-16 codes: `s[i]` of an ideograph allocates a one-character
// string, and the scanner looks at every character of every line that holds a figure.
const DOT = 0x2e;
const FULL_DOT = 0xff0e;
const IDEOGRAPHIC_COMMA = 0x3001;
const isDigit = (c: number) => c >= 48 && c <= 57; // false for NaN (past either end)
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const codes = (chars: readonly string[]) => new Set(chars.map((c) => c.charCodeAt(0)));
/** Characters after a number that make it part of a phrase, not a table figure (core's list). */
const WORD_SUFFIX = codes(FIGURE_WORD_SUFFIXES);
/** Before a number: 第1项, 附1 (core's list). */
const ORDINAL = codes(ORDINAL_MARKS);
/** A dash that stands alone between spaces is a blank cell. */
const LONE_DASH = codes(["-", "—", "/", "－"]);
/** What a blank cell prints (core's list). */
const DASHES = new Set(BLANK_CELL_MARKS);
const YUAN = AMOUNT_UNITS.yuan.zh.charCodeAt(0);
const WAN_YUAN = AMOUNT_UNITS.wanYuan.zh;
/** Count units skipped after a figure (core's CELL_COUNT_UNITS: 件, the format's own, and 个). */
const SKIPPED_COUNT_UNITS = codes(CELL_COUNT_UNITS);

export interface PieceSpan {
  /** Position of the piece's first and last character (x on a page, or a grid column). */
  x0?: number;
  x1?: number;
  /**
   * The piece is the whole text of one explicit cell (an HTML or Word table cell, a `|` cell):
   * then a figure printed with thousands separators or a spaced sign is read as one figure.
   */
  cell?: boolean;
}

/**
 * Tokens of one piece of text (a PDF cell, an HTML cell, a line of text). Positions of number
 * tokens are interpolated within [x0, x1] by character index. A piece of more than
 * LIMITS.maxLineTokens tokens is one text token (no row of the format has that many figures):
 * one line of "1 1 1 …" must not build millions of tokens.
 */
export function tokenize(raw: string, line: number, span: PieceSpan = {}, out: Token[] = []): Token[] {
  const normalized = normalizeChars(raw);
  if (isCell(span) && isIllegibleFigure(normalized)) return pushIllegible(normalized.trim(), line, span, out);
  // A cell that prints one figure in a form the scanner would cut ("128 406", "- 18", "减少18")
  // is scanned in the form it reads as one figure; outside explicit cells a space separates cells.
  const s = (isCell(span) && cellFigure(normalized)) || normalized;
  // Fast path: words only (most narrative lines): one token, no scanning state.
  if (!hasDigitOrDash(s)) {
    const t = s.trim();
    if (t) {
      const token: Token = DASHES.has(t) ? { kind: "dash", text: t, value: 0, line } : { kind: "text", text: t, line };
      if (span.x0 !== undefined) token.pos = span.x1 === undefined ? span.x0 : (span.x0 + span.x1) / 2;
      out.push(token);
    }
    return out;
  }
  new Scanner(s, line, span, out).run();
  return out;
}

/** The scan of one piece with figures or dashes: `i` moves forward only. */
class Scanner {
  private readonly n: number;
  private readonly base: number;
  private i = 0;
  /** Pending words are always the contiguous slice s[textStart, end): no per-character concatenation. */
  private textStart = -1;

  constructor(
    private readonly s: string,
    private readonly line: number,
    private readonly span: PieceSpan,
    private readonly out: Token[],
  ) {
    this.n = s.length;
    this.base = out.length;
  }

  /** The code at k; NaN before the start and past the end (no class test holds for it). */
  private at(k: number): number {
    return this.s.charCodeAt(k);
  }

  run(): void {
    const { s, n, out } = this;
    while (this.i < n) {
      if (out.length - this.base > LIMITS.maxLineTokens) {
        out.length = this.base;
        out.push(this.withPos({ kind: "text", text: s.trim(), line: this.line }, this.posAt(0, n)));
        return;
      }
      const i = this.i;
      const c = s.charCodeAt(i);
      // "+" right after a digit is still a sign (figures run together: "22+32"); "-" there is a range.
      const signStart =
        (c === 43 || c === 45) &&
        isDigit(this.at(i + 1)) &&
        !isLetter(this.at(i - 1)) &&
        (c === 43 || !isDigit(this.at(i - 1)));
      if (isDigit(c) || signStart) this.number(signStart);
      else this.other(c);
    }
    this.flushText(n);
  }

  private posAt(a: number, b: number): number | undefined {
    const { span, n } = this;
    if (span.x0 === undefined) return undefined;
    if (span.x1 === undefined || n <= 1) return span.x0;
    const mid = (a + b) / 2 / n;
    return span.x0 + (span.x1 - span.x0) * mid;
  }

  /** The token with its position, when the piece has one (set last: the key order of every token is the same). */
  private withPos(t: Token, p: number | undefined): Token {
    if (p !== undefined) t.pos = p;
    return t;
  }

  private flushText(end: number): void {
    const { s, textStart } = this;
    if (textStart < 0) return;
    const t = s.slice(textStart, end).trim();
    if (t) {
      const p = this.posAt(textStart, end);
      if (DASHES.has(t)) {
        const glued = t === "-" && end - textStart === 1 && isDigit(this.at(textStart - 1)) && isDigit(this.at(end));
        const dash: Token = { kind: "dash", text: t, value: 0, line: this.line };
        if (glued) dash.glued = glued;
        this.out.push(this.withPos(dash, p));
      } else this.out.push(this.withPos({ kind: "text", text: t, line: this.line }, p));
    }
    this.textStart = -1;
  }

  private word(from: number): void {
    if (this.textStart < 0) this.textStart = from;
  }

  /** A character that starts no figure: a standalone dash cell between spaces, or part of a word. */
  private other(c: number): void {
    const { i, n } = this;
    if (LONE_DASH.has(c) && (i === 0 || isSpace(this.at(i - 1))) && (i + 1 >= n || isSpace(this.at(i + 1)))) {
      this.flushText(i);
      const dash: Token = { kind: "dash", text: this.s[i] as string, value: 0, line: this.line };
      this.out.push(this.withPos(dash, this.posAt(i, i + 1)));
    } else this.word(i);
    this.i++;
  }

  /** Digits (with thousands separators), a sign, a fraction, an item marker, a unit. */
  private number(signStart: boolean): void {
    const { s } = this;
    const start = this.i;
    const signed = signStart;
    const sign = signStart && s.charCodeAt(start) === 45 ? -1 : 1;
    if (signStart) this.i++;
    const digits = this.digits();
    const commas = this.commas;
    let frac = "";
    const after = this.at(this.i);
    if ((after === DOT || after === FULL_DOT) && isDigit(this.at(this.i + 1))) {
      const f0 = ++this.i;
      while (isDigit(this.at(this.i))) this.i++;
      frac = s.slice(f0, this.i);
    } else if ((after === DOT || after === IDEOGRAPHIC_COMMA) && !signed) {
      this.itemMarker(start, digits, commas);
      return;
    }
    // Words: 第1项, 2023 年, 保留4位小数, 100%.
    const i = this.i;
    let k = i;
    while (isSpace(this.at(k)) && k - i < 2) k++;
    if (
      WORD_SUFFIX.has(this.at(k)) ||
      ORDINAL.has(prevNonSpace(s, start)) ||
      isLetter(this.at(i)) ||
      isLetter(this.at(start - 1))
    ) {
      this.word(start);
      return;
    }
    const yuan = this.unit();
    this.flushText(start);
    pushNumber(this.out, digits, frac, sign, signed, this.line, this.posAt(start, this.i), digits, yuan);
  }

  /** Set by digits(): the figure had thousands separators. */
  private commas = false;

  /** The digits of a figure from i on (separators dropped); sets `commas`. */
  private digits(): string {
    const { s, n } = this;
    const digitsStart = this.i;
    let commas = false;
    while (this.i < n) {
      const i = this.i;
      const d = s.charCodeAt(i);
      if (isDigit(d)) this.i++;
      else if (
        d === 44 &&
        isDigit(this.at(i + 1)) &&
        isDigit(this.at(i + 2)) &&
        isDigit(this.at(i + 3)) &&
        !isDigit(this.at(i + 4))
      ) {
        commas = true;
        this.i++;
      } else break;
    }
    const printed = s.slice(digitsStart, this.i);
    this.commas = commas;
    return commas ? printed.split(",").join("") : printed;
  }

  /** Item marker "2." / "2、": the last digit is the marker, digits before it are figures run together. */
  private itemMarker(start: number, digits: string, commas: boolean): void {
    const i = this.i;
    if (digits.length > 1 && !commas) {
      this.flushText(start);
      const figures = digits.slice(0, -1);
      pushNumber(this.out, figures, "", 1, false, this.line, this.posAt(start, i - 1), figures);
      this.textStart = i - 1;
    } else this.word(start);
    this.i++;
  }

  /** The unit after a figure: 元 (kept, to convert), 万元, 件 or 个 (skipped). */
  private unit(): boolean {
    const c = this.at(this.i);
    if (c === YUAN) {
      this.i++;
      return true;
    }
    if (this.s.startsWith(WAN_YUAN, this.i)) this.i += WAN_YUAN.length;
    else if (SKIPPED_COUNT_UNITS.has(c)) this.i++;
    return false;
  }
}

function hasDigitOrDash(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 45 || c === 47 || c === 0x2014) return true;
  }
  return false;
}

/** Letters OCR reads for digits (O for 0, l and I for 1, S for 5, B for 8, g for 9, Z for 2). */
const DIGIT_LOOKALIKES = codes([..."OoDQlI|SsBZzg"]);
/** Look-alikes that make a cell illegible alone: "l" for 1, "O" for 0. */
const LONE_LOOKALIKES = new Set(["l", "I", "O", "o"]);

/**
 * An explicit cell that prints a figure with letters among its digits ("3OO1", "l78", "7S6"): a
 * cell (it keeps its column) that cannot be read as any figure without guessing.
 */
function isIllegibleFigure(s: string): boolean {
  const t = s.trim();
  if (LONE_LOOKALIKES.has(t)) return true;
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (DIGIT_LOOKALIKES.has(c)) letters++;
    else if (c !== 44 && c !== DOT) return false;
  }
  return digits > 0 && letters > 0;
}

function pushIllegible(text: string, line: number, span: PieceSpan, out: Token[]): Token[] {
  const token: Token = { kind: "dash", text, value: 0, line, illegible: true };
  if (span.x0 !== undefined) token.pos = span.x1 === undefined ? span.x0 : (span.x0 + span.x1) / 2;
  out.push(token);
  return out;
}

/** Whether a piece is one explicit cell, as its caller says (a table cell, a `|` cell). */
function isCell(span: PieceSpan): boolean {
  return span.cell === true;
}

const PLUS_MINUS = 0xb1;
const EM_DASH = 0x2014;
/** Thousands separators of a cell: ",", the full-width "，", a space (odd spaces are " " by now). */
const GROUP_SEPARATORS = new Set([44, 0xff0c, 32]);

/** A sign printed before a cell's figure: its value (0 for ±) and its length; none: length 0. */
function signPrefix(t: string): { sign: number; length: number } {
  for (const [word, sign] of CHANGE_WORDS) if (t.startsWith(word)) return { sign, length: word.length };
  const c = t.charCodeAt(0);
  if (c === 45 || c === EM_DASH) return { sign: -1, length: 1 };
  if (c === 43) return { sign: 1, length: 1 };
  if (c === PLUS_MINUS) return { sign: 0, length: 1 };
  return { sign: 0, length: 0 };
}

/**
 * The digit groups of a figure from `from` on: d{1,3}(SEP d{3})+ with one separator throughout,
 * or else the one run of digits there. Returns the groups and where they end (one forward pass).
 */
function digitGroups(t: string, from: number): { groups: string[]; end: number } {
  const digit = (k: number) => isDigit(t.charCodeAt(k));
  let i = from;
  while (digit(i)) i++;
  const groups = [t.slice(from, i)];
  if (i - from > 3) return { groups, end: i };
  const sep = t.charCodeAt(i);
  if (!GROUP_SEPARATORS.has(sep)) return { groups, end: i };
  // Each group: the separator, exactly three digits, then no fourth digit.
  while (t.charCodeAt(i) === sep && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)) {
    groups.push(t.slice(i + 1, i + 4));
    i += 4;
  }
  return { groups, end: i };
}

/** Whether a figure's digits (separators and the decimal point aside) are all 0. */
function allZero(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i)) && s.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * The text of a cell that prints one figure in a form the scanner would cut into several tokens,
 * rewritten as the scanner reads one figure: "128 406", "447，228" → "128,406", "447,228"; "- 18",
 * "— 18", "减少18" → "-18"; "增加18件" → "+18件"; "±0" → "0". Undefined for any other text (a
 * label, a note, several figures), so only a cell that is one figure and nothing more is read
 * differently. Only for explicit cells: in a line of text a space separates cells.
 */
export function cellFigure(s: string): string | undefined {
  const t = s.trim();
  const prefix = signPrefix(t);
  let i = prefix.length;
  while (prefix.length && isSpace(t.charCodeAt(i))) i++;
  if (!isDigit(t.charCodeAt(i))) return undefined;
  const { groups, end } = digitGroups(t, i);
  i = end;
  let frac = "";
  if (t.charCodeAt(i) === DOT && isDigit(t.charCodeAt(i + 1))) {
    const f0 = i;
    i++;
    while (isDigit(t.charCodeAt(i))) i++;
    frac = t.slice(f0, i);
  }
  while (isSpace(t.charCodeAt(i))) i++;
  const unit = SKIPPED_COUNT_UNITS.has(t.charCodeAt(i)) ? (t[i] as string) : "";
  if (i + unit.length !== t.length) return undefined;
  const figure = groups.join(",");
  const zero = allZero(figure + frac);
  // ± goes with 0 only ("±0": no change); before another figure it says nothing of its sign.
  if (prefix.length && prefix.sign === 0 && !zero) return undefined;
  // A zero keeps no sign ("减少0" is 0, not -0).
  const sign = zero ? "" : prefix.sign < 0 ? "-" : prefix.sign > 0 ? "+" : "";
  const out = `${sign}${figure}${frac}${unit}`;
  return out === t ? undefined : out;
}

/** The code of the character before i, skipping up to three spaces; NaN when there is none. */
function prevNonSpace(s: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && j > i - 4 && isSpace(s.charCodeAt(j))) j--;
  return j >= 0 ? s.charCodeAt(j) : Number.NaN;
}

function pushNumber(
  out: Token[],
  digits: string,
  frac: string,
  sign: number,
  signed: boolean,
  line: number,
  p: number | undefined,
  runDigits?: string,
  yuan = false,
): void {
  const value = sign * Number(frac ? `${digits}.${frac}` : digits);
  // Most figures are plain digits: their text is the digits themselves.
  const text =
    signed || frac || yuan
      ? `${signed ? (sign < 0 ? "-" : "+") : ""}${digits}${frac ? `.${frac}` : ""}${yuan ? AMOUNT_UNITS.yuan.zh : ""}`
      : digits;
  // Optional keys only when set, in one order (what every reader of tokens has always seen).
  const t: Token = { kind: "num", text, value, line };
  if (signed) t.signed = signed;
  if (frac) t.decimals = frac.length;
  if (yuan) t.yuan = yuan;
  // Several digits may be cells run together (the fraction stays with the last one).
  if (runDigits && runDigits.length > 1) {
    t.digits = runDigits;
    if (frac) t.frac = frac;
  }
  if (p !== undefined) t.pos = p;
  out.push(t);
}

/**
 * Splits a piece of text into number, dash and text tokens with one forward scan (no regex, no
 * backtracking). It knows the format's traps: "1." and "1、" are item markers, not numbers, even
 * when run together with the previous row's figures ("00000002.其他…"); "保留4位小数", "2023 年"
 * and "第1项" are words; "+3" is signed; "7730.28" is a decimal; "251000元" is in 元.
 */
import type { Token } from "./doc.js";
import { LIMITS } from "./limits.js";
import { normalizeChars } from "./normalize.js";

const isDigit = (c: string | undefined) =>
  c !== undefined && c.length === 1 && c.charCodeAt(0) - 48 < 10 && c.charCodeAt(0) >= 48;
const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";
/** Characters after a number that make it part of a phrase, not a table figure. */
const WORD_SUFFIX = new Set(["年", "月", "日", "号", "位", "项", "条", "款", "页", "%", "名", "次", "人", "期", "季"]);
const DASHES = new Set(["-", "—", "–", "/", "／", "——", "--", "—-", "无", "－"]);

export interface PieceSpan {
  /** Position of the piece's first and last character (x on a page, or a grid column). */
  x0?: number;
  x1?: number;
}

/**
 * Tokens of one piece of text (a PDF cell, an HTML cell, a line of text). Positions of number
 * tokens are interpolated within [x0, x1] by character index. A piece of more than
 * LIMITS.maxLineTokens tokens is one text token (no row of the format has that many figures):
 * one line of "1 1 1 …" must not build millions of tokens.
 */
export function tokenize(raw: string, line: number, span: PieceSpan = {}, out: Token[] = []): Token[] {
  const s = normalizeChars(raw);
  // Fast path: words only (most narrative lines): one token, no scanning state.
  if (!hasDigitOrDash(s)) {
    const t = s.trim();
    if (t) {
      const p = span.x0 === undefined ? {} : { pos: span.x1 === undefined ? span.x0 : (span.x0 + span.x1) / 2 };
      out.push(DASHES.has(t) ? { kind: "dash", text: t, value: 0, line, ...p } : { kind: "text", text: t, line, ...p });
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

  run(): void {
    const { s, n, out } = this;
    while (this.i < n) {
      if (out.length - this.base > LIMITS.maxLineTokens) {
        out.length = this.base;
        out.push({ kind: "text", text: s.trim(), line: this.line, ...pos(this.posAt(0, n)) });
        return;
      }
      const i = this.i;
      const c = s[i] as string;
      // "+" right after a digit is still a sign (figures run together: "22+32"); "-" there is a range.
      const signStart =
        (c === "+" || c === "-") && isDigit(s[i + 1]) && !isLetter(s[i - 1]) && (c === "+" || !isDigit(s[i - 1]));
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

  private flushText(end: number): void {
    const { s, textStart } = this;
    if (textStart < 0) return;
    const t = s.slice(textStart, end).trim();
    if (t) {
      const p = pos(this.posAt(textStart, end));
      if (DASHES.has(t)) {
        const glued = t === "-" && end - textStart === 1 && isDigit(s[textStart - 1]) && isDigit(s[end]);
        this.out.push({ kind: "dash", text: t, value: 0, line: this.line, ...(glued ? { glued } : {}), ...p });
      } else this.out.push({ kind: "text", text: t, line: this.line, ...p });
    }
    this.textStart = -1;
  }

  private word(from: number): void {
    if (this.textStart < 0) this.textStart = from;
  }

  /** A character that starts no figure: a standalone dash cell between spaces, or part of a word. */
  private other(c: string): void {
    const { s, i } = this;
    if ((c === "-" || c === "—" || c === "/" || c === "－") && isSpace(s[i - 1] ?? " ") && isSpace(s[i + 1] ?? " ")) {
      this.flushText(i);
      this.out.push({ kind: "dash", text: c, value: 0, line: this.line, ...pos(this.posAt(i, i + 1)) });
    } else this.word(i);
    this.i++;
  }

  /** Digits (with thousands separators), a sign, a fraction, an item marker, a unit. */
  private number(signStart: boolean): void {
    const { s } = this;
    const start = this.i;
    const signed = signStart;
    const sign = signStart && s[start] === "-" ? -1 : 1;
    if (signStart) this.i++;
    const { digits, commas } = this.digits();
    let frac = "";
    const after = s[this.i];
    if ((after === "." || after === "．") && isDigit(s[this.i + 1])) {
      const f0 = ++this.i;
      while (isDigit(s[this.i])) this.i++;
      frac = s.slice(f0, this.i);
    } else if ((after === "." || after === "、") && !signed) {
      this.itemMarker(start, digits, commas);
      return;
    }
    // Words: 第1项, 2023 年, 保留4位小数, 100%.
    const i = this.i;
    let k = i;
    while (isSpace(s[k]) && k - i < 2) k++;
    const prev = prevNonSpace(s, start);
    if (WORD_SUFFIX.has(s[k] as string) || prev === "第" || prev === "附" || isLetter(s[i]) || isLetter(s[start - 1])) {
      this.word(start);
      return;
    }
    const yuan = this.unit();
    this.flushText(start);
    pushNumber(this.out, digits, frac, sign, signed, this.line, this.posAt(start, this.i), digits, yuan);
  }

  private digits(): { digits: string; commas: boolean } {
    const { s, n } = this;
    const digitsStart = this.i;
    let commas = false;
    while (this.i < n) {
      const i = this.i;
      const d = s[i];
      if (isDigit(d)) this.i++;
      else if (d === "," && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) && !isDigit(s[i + 4])) {
        commas = true;
        this.i++;
      } else break;
    }
    const printed = s.slice(digitsStart, this.i);
    return { digits: commas ? printed.split(",").join("") : printed, commas };
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
    const { s, i } = this;
    if (s[i] === "元") {
      this.i++;
      return true;
    }
    if (s[i] === "万" && s[i + 1] === "元") this.i += 2;
    else if (s[i] === "件" || s[i] === "个") this.i++;
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

function pos(p: number | undefined) {
  return p === undefined ? {} : { pos: p };
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
}

function prevNonSpace(s: string, i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && j > i - 4 && isSpace(s[j])) j--;
  return j >= 0 ? s[j] : undefined;
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
  const text = `${signed ? (sign < 0 ? "-" : "+") : ""}${digits}${frac ? `.${frac}` : ""}${yuan ? "元" : ""}`;
  out.push({
    kind: "num",
    text,
    value,
    line,
    ...(signed ? { signed } : {}),
    ...(frac ? { decimals: frac.length } : {}),
    ...(yuan ? { yuan } : {}),
    // Several digits may be cells run together (the fraction stays with the last one).
    ...(runDigits && runDigits.length > 1 ? { digits: runDigits, ...(frac ? { frac } : {}) } : {}),
    ...pos(p),
  });
}

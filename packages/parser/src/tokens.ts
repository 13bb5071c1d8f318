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
  const n = s.length;
  const posAt = (a: number, b: number): number | undefined => {
    if (span.x0 === undefined) return undefined;
    if (span.x1 === undefined || n <= 1) return span.x0;
    const mid = (a + b) / 2 / n;
    return span.x0 + (span.x1 - span.x0) * mid;
  };
  // Pending words are always the contiguous slice s[textStart, end): no per-character concatenation.
  let textStart = -1;
  const flushText = (end: number) => {
    if (textStart < 0) return;
    const t = s.slice(textStart, end).trim();
    if (t) {
      const p = pos(posAt(textStart, end));
      if (DASHES.has(t)) {
        const glued = t === "-" && end - textStart === 1 && isDigit(s[textStart - 1]) && isDigit(s[end]);
        out.push({ kind: "dash", text: t, value: 0, line, ...(glued ? { glued } : {}), ...p });
      } else out.push({ kind: "text", text: t, line, ...p });
    }
    textStart = -1;
  };
  const word = (from: number) => {
    if (textStart < 0) textStart = from;
  };
  const base = out.length;
  let i = 0;
  while (i < n) {
    if (out.length - base > LIMITS.maxLineTokens) {
      out.length = base;
      out.push({ kind: "text", text: s.trim(), line, ...pos(posAt(0, n)) });
      return out;
    }
    const c = s[i] as string;
    // "+" right after a digit is still a sign (figures run together: "22+32"); "-" there is a range.
    const signStart =
      (c === "+" || c === "-") && isDigit(s[i + 1]) && !isLetter(s[i - 1]) && (c === "+" || !isDigit(s[i - 1]));
    if (!isDigit(c) && !signStart) {
      // A standalone dash cell between spaces is a blank-ish cell.
      if ((c === "-" || c === "—" || c === "/" || c === "－") && isSpace(s[i - 1] ?? " ") && isSpace(s[i + 1] ?? " ")) {
        flushText(i);
        out.push({ kind: "dash", text: c, value: 0, line, ...pos(posAt(i, i + 1)) });
        i++;
        continue;
      }
      word(i);
      i++;
      continue;
    }
    const start = i;
    let sign = 1;
    let signed = false;
    if (signStart) {
      sign = c === "-" ? -1 : 1;
      signed = true;
      i++;
    }
    const digitsStart = i;
    let commas = false;
    while (i < n) {
      const d = s[i];
      if (isDigit(d)) i++;
      else if (d === "," && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) && !isDigit(s[i + 4])) {
        commas = true;
        i++;
      } else break;
    }
    const printed = s.slice(digitsStart, i);
    const digits = commas ? printed.split(",").join("") : printed;
    let frac = "";
    const after = s[i];
    if ((after === "." || after === "．") && isDigit(s[i + 1])) {
      const f0 = ++i;
      while (isDigit(s[i])) i++;
      frac = s.slice(f0, i);
    } else if ((after === "." || after === "、") && !signed) {
      // Item marker "2." / "2、": the last digit is the marker, digits before it are figures run together.
      if (digits.length > 1 && !commas) {
        flushText(start);
        const figures = digits.slice(0, -1);
        pushNumber(out, figures, "", 1, false, line, posAt(start, i - 1), figures);
        textStart = i - 1;
      } else word(start);
      i++;
      continue;
    }
    // Words: 第1项, 2023 年, 保留4位小数, 100%.
    let k = i;
    while (isSpace(s[k]) && k - i < 2) k++;
    const prev = prevNonSpace(s, start);
    if (WORD_SUFFIX.has(s[k] as string) || prev === "第" || prev === "附" || isLetter(s[i]) || isLetter(s[start - 1])) {
      word(start);
      continue;
    }
    let yuan = false;
    if (s[i] === "元") {
      yuan = true;
      i++;
    } else if (s[i] === "万" && s[i + 1] === "元") i += 2;
    else if (s[i] === "件" || s[i] === "个") i++;
    flushText(start);
    pushNumber(out, digits, frac, sign, signed, line, posAt(start, i), digits, yuan);
  }
  flushText(n);
  return out;
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

/**
 * Reading figures quoted in the narrative (invariant 10) and measuring text overlap between years.
 * Everything here is a single forward scan with bounded look-ahead: linear in the text length.
 */

/** Full-width digits, letters and common punctuation to ASCII; CJK radicals to ideographs is the parser's job. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e && !(c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff1b || c === 0xff1a))
      out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

export type QuotedMetric = "received" | "carriedOver" | "disclosed" | "review" | "lawsuit" | "inForce";

export interface QuotedFigure {
  metric: QuotedMetric;
  value: number;
  /** Offset of the keyword in the text. */
  index: number;
  /** The words quoted, for messages. */
  excerpt: string;
}

interface Pattern {
  metric: QuotedMetric;
  keywords: readonly string[];
  /** A word that must appear between the keyword and the number. */
  requires?: string;
}

const PATTERNS: readonly Pattern[] = [
  { metric: "received", keywords: ["收到", "受理", "新收", "接收"], requires: "申请" },
  { metric: "carriedOver", keywords: ["上年结转"] },
  { metric: "disclosed", keywords: ["予以公开"] },
  { metric: "review", keywords: ["行政复议"] },
  { metric: "lawsuit", keywords: ["行政诉讼"] },
  { metric: "inForce", keywords: ["现行有效"] },
];

const WINDOW = 24;
const UNITS = new Set(["件", "起", "宗", "个", "条", "份"]);
const NEGATIONS = ["未", "没有", "无"];

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Figures the overview quotes for the table cells that reviewers compare. */
export function extractQuotedFigures(text: string): QuotedFigure[] {
  const t = toHalfWidth(text);
  const found: QuotedFigure[] = [];
  for (const p of PATTERNS) {
    for (const kw of p.keywords) {
      let from = 0;
      for (;;) {
        const at = t.indexOf(kw, from);
        if (at < 0) break;
        from = at + kw.length;
        const fig = readAfter(t, at, from, p);
        if (fig) found.push(fig);
      }
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found;
}

function readAfter(t: string, at: number, start: number, p: Pattern): QuotedFigure | undefined {
  const end = Math.min(t.length, start + WINDOW);
  let sawRequired = !p.requires;
  // "未收到…申请" quotes zero.
  if (p.metric === "received") {
    const before = t.slice(Math.max(0, at - 2), at);
    if (NEGATIONS.some((n) => before.endsWith(n))) {
      const reqAt = t.indexOf(p.requires as string, start);
      if (reqAt >= 0 && reqAt < end)
        return { metric: p.metric, value: 0, index: at, excerpt: t.slice(at - 1, reqAt + 2) };
    }
  }
  for (let i = start; i < end; i++) {
    const ch = t[i] as string;
    if (ch === "。" || ch === "；" || ch === ";" || ch === "\n") return undefined;
    if (p.requires && !sawRequired && t.startsWith(p.requires, i)) sawRequired = true;
    if (isDigit(ch)) {
      let j = i;
      while (j < t.length && (isDigit(t[j]) || t[j] === ",")) j++;
      const numText = t.slice(i, j).replaceAll(",", "");
      let k = j;
      while (k < t.length && t[k] === " ") k++;
      // A year ("2023 年") or a percentage is not a count.
      if (t[k] === "年" || t[k] === "%" || t[k] === "％" || t[k] === "." || t[k] === "月") {
        i = j - 1;
        continue;
      }
      if (!UNITS.has(t[k] as string)) return undefined;
      if (!sawRequired) return undefined;
      return { metric: p.metric, value: Number(numText), index: at, excerpt: t.slice(at, k + 1) };
    }
  }
  return undefined;
}

/** Character trigrams of a text, CJK-aware: spaces and punctuation dropped. */
function shingles(text: string): Set<string> {
  let s = "";
  for (const ch of text) if (!/[\s\p{P}]/u.test(ch)) s += ch;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Share (0..1) of the current text's trigrams that also occur in the previous text. */
export function textOverlap(previous: string, current: string): number {
  const cur = shingles(current);
  if (cur.size === 0) return 0;
  const prev = shingles(previous);
  let shared = 0;
  for (const g of cur) if (prev.has(g)) shared++;
  return shared / cur.size;
}

// Display width, for plain-text tables of the report (CLI summaries, text rendering): CJK
// characters take two columns in a terminal or a monospaced font.

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns taken by one code point (East Asian Wide and Fullwidth ranges count 2). */
export function codePointWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Columns the string takes, ignoring colour escapes. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, "")) w += codePointWidth(ch.codePointAt(0) as number);
  return w;
}

/**
 * Reading figures quoted in the narrative (invariant 10) and measuring text overlap between years.
 * Everything here is a single forward scan with bounded look-ahead: linear in the text length.
 */

/**
 * Full-width digits, letters and common punctuation to ASCII; CJK radicals to ideographs is the
 * parser's job. Unchanged stretches are copied as slices (one string per character would cost
 * tens of bytes per character on a long text).
 */
export function toHalfWidth(s: string): string {
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c >= 0xff01 && c <= 0xff5e && !(c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff1b || c === 0xff1a))
      rep = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) rep = " ";
    if (rep === undefined) continue;
    parts.push(s.slice(last, i), rep);
    last = i + 1;
  }
  if (last === 0) return s;
  parts.push(s.slice(last));
  return parts.join("");
}

/**
 * A short description of any value, for a message: never throws, whatever the value is (a getter
 * or `toString` that throws, a Proxy, a Symbol, an object with no prototype). Built without
 * `String(value)`, which can run code of the value's own.
 */
export function safeDescribe(value: unknown, max = 200): string {
  try {
    if (typeof value === "string") return clip(value, max);
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return `${value}`;
    if (value instanceof Error) {
      const m = Object.getOwnPropertyDescriptor(value, "message")?.value;
      if (typeof m === "string") return clip(m, max);
    }
  } catch {
    // the value's own code threw: describe it by its type only
  }
  return value === null ? "null" : typeof value;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

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
  if (typeof text !== "string") return [];
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
  // "未收到…申请" quotes zero. The search stays in the window: "未收到" repeated with no "申请"
  // must not rescan the rest of the text at every occurrence.
  if (p.metric === "received") {
    const before = t.slice(Math.max(0, at - 2), at);
    if (NEGATIONS.some((n) => before.endsWith(n))) {
      const req = p.requires as string;
      const reqAt = t.slice(start, end + req.length - 1).indexOf(req);
      if (reqAt >= 0) return { metric: p.metric, value: 0, index: at, excerpt: t.slice(at - 1, start + reqAt + 2) };
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

/** Whether a UTF-16 unit is whitespace or punctuation (cached: one regex test per distinct unit). */
const SKIPPED = new Map<number, boolean>();
function isSkipped(c: number): boolean {
  if (c >= 0x3400 && c <= 0x9fff) return false; // CJK ideographs: the common case
  let v = SKIPPED.get(c);
  if (v === undefined) {
    v = /[\s\p{P}]/u.test(String.fromCharCode(c));
    SKIPPED.set(c, v);
  }
  return v;
}

/** Shingles kept at most, per text: past this, a deterministic sample of them (by hash). */
const MAX_SHINGLES = 1 << 20;

/**
 * Hashes (30-bit integers) of the character trigrams of a text, spaces and punctuation dropped,
 * keeping only those whose hash is divisible by `rate` (a sample that is the same in both texts):
 * sorted, without duplicates. A typed array sorted in place, not a Set: a million distinct
 * integers cost 4 MB and a fraction of a second.
 */
function shingles(text: string, rate: number): Int32Array {
  let out = new Int32Array(1024);
  let n = 0;
  let a = -1;
  let b = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSkipped(c)) continue;
    if (a >= 0) {
      let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
      h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
      h = Math.imul(h ^ c ^ (h >>> 16), 0x27d4eb2f);
      h = (h ^ (h >>> 15)) & 0x3fffffff;
      if (h % rate === 0) {
        if (n === out.length) {
          const grown = new Int32Array(n * 2);
          grown.set(out);
          out = grown;
        }
        out[n++] = h;
      }
    }
    a = b;
    b = c;
  }
  const sorted = out.subarray(0, n).sort();
  let u = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i] as number;
  return sorted.subarray(0, u);
}

/**
 * Share (0..1) of the current text's trigrams that also occur in the previous text. Trigrams are
 * hashed to small integers, and past about a million per text only a sample chosen by hash is kept
 * (the same sample in both texts, so the share is estimated without bias): n·log n time, memory
 * bounded whatever the length.
 */
export function textOverlap(previous: string, current: string): number {
  if (typeof previous !== "string" || typeof current !== "string") return 0;
  const rate = Math.max(1, Math.ceil(Math.max(previous.length, current.length) / MAX_SHINGLES));
  const cur = shingles(current, rate);
  if (cur.length === 0) return 0;
  const prev = shingles(previous, rate);
  let shared = 0;
  for (let i = 0, j = 0; i < cur.length && j < prev.length; ) {
    const x = cur[i] as number;
    const y = prev[j] as number;
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return shared / cur.length;
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

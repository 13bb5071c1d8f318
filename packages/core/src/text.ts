/**
 * Text helpers: half-width forms, safe descriptions of values, text overlap between years and
 * display widths. Figures quoted in the narrative are read in quoted.ts. Every scan here is linear
 * in the text length.
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

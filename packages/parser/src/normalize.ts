/**
 * Character normalization applied before anything is matched: radicals to ideographs, full-width
 * digits and signs to ASCII, odd spaces to plain spaces. `labelKey` then reduces a label to the
 * characters that carry meaning, so "1、属于 国家秘密" and "1.属于国家秘密" compare equal.
 * Every function is a single pass over the string.
 */
import { RADICAL_TO_IDEOGRAPH } from "@gov-report/core/lite";

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);

function replacement(c: number): string | undefined {
  if (c >= 0x2e80 && c <= 0x2fd5) return RADICAL_TO_IDEOGRAPH.get(c);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  if (c === 0xff0b) return "+";
  if (c === 0xff0d || c === 0x2212 || c === 0x2013) return "-";
  if (c === 0xff0e) return ".";
  if (c === 0xff0f) return "/";
  if (c === 0xff05) return "%";
  if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) return " ";
  if (ZERO_WIDTH.has(c)) return "";
  return undefined;
}

/**
 * Radicals → ideographs, full-width ASCII → ASCII (brackets and CJK commas kept), odd spaces → " ".
 * Unchanged stretches are copied as slices (building a long string one character at a time
 * would make huge inputs slow).
 */
export function normalizeChars(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ASCII and the CJK ideograph blocks never change: the common case costs one comparison.
    if (c < 0x80 || (c >= 0x3400 && c <= 0x9fff)) continue;
    const rep = replacement(c);
    if (rep === undefined) continue;
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

function isKeyChar(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  // CJK ideographs (BMP extension A and unified), surrogates of the supplementary planes.
  if (c >= 0x3400 && c <= 0x9fff) return true;
  if (c >= 0xf900 && c <= 0xfaff) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  // Chinese numerals in 〇.
  return c === 0x3007;
}

/** The comparable core of a label: normalized, then letters, digits and ideographs only. */
export function labelKey(s: string): string {
  const n = normalizeChars(s);
  let out = "";
  let runStart = -1;
  for (let i = 0; i < n.length; i++) {
    if (isKeyChar(n.charCodeAt(i))) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      out += n.slice(runStart, i);
      runStart = -1;
    }
  }
  if (runStart >= 0) out += n.slice(runStart);
  // Known garbles are label variants in core's catalog, matched there, not rewritten here.
  return out;
}

/**
 * Character bigrams of a key as small integers (a one-character key: its own code). Integers in
 * V8's small-integer range, not two-character strings: the table-三 alignment looks up thousands
 * of them per report. Two UTF-16 units are folded into 30 bits, so distinct bigrams can share a
 * number only for characters 16,384 code units apart — never within the CJK labels compared here.
 */
export function bigrams(key: string): number[] {
  if (key.length < 2) return key ? [key.charCodeAt(0)] : [];
  const out: number[] = [];
  for (let i = 0; i + 1 < key.length; i++)
    out.push((((key.charCodeAt(i) & 0x3fff) << 16) | key.charCodeAt(i + 1)) & 0x3fffffff);
  return out;
}

/**
 * How much of `label` appears in `text` (0..1): the share of the label's bigrams found in the
 * text. Extra text around the label does not lower the score, so a label wrapped around numbers
 * or preceded by a spanning cell's text still matches.
 */
export function coverage(labelGrams: readonly number[], textGrams: ReadonlySet<number>): number {
  if (labelGrams.length === 0) return 0;
  let hit = 0;
  for (const g of labelGrams) if (textGrams.has(g)) hit++;
  return hit / labelGrams.length;
}

/**
 * A fixed list of phrases (label keys) looked for in many keys: one scan of the key, where a table
 * of the phrases' first characters says at which positions a phrase may start, instead of one
 * `includes` per phrase. Linear in the key's length times the phrases sharing a first character.
 */
export class PhraseSet {
  /** 1 where a phrase starts with this UTF-16 code. */
  private readonly first = new Uint8Array(0x10000);
  private readonly byFirst = new Map<number, { phrase: string; index: number }[]>();
  /** Per phrase, the scan that last found it (a phrase counts once per key). */
  private readonly seen: Int32Array;
  private scan = 0;

  constructor(readonly phrases: readonly string[]) {
    this.seen = new Int32Array(phrases.length);
    phrases.forEach((phrase, index) => {
      if (!phrase) return;
      const c = phrase.charCodeAt(0);
      this.first[c] = 1;
      this.byFirst.set(c, [...(this.byFirst.get(c) ?? []), { phrase, index }]);
    });
  }

  /** True when `key` contains one of the phrases. */
  has(key: string): boolean {
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (this.first[c] !== 1) continue;
      for (const p of this.byFirst.get(c) ?? []) if (key.startsWith(p.phrase, i)) return true;
    }
    return false;
  }

  /** For each distinct phrase `key` contains, adds 1 to `totals[group[index of the phrase]]`. */
  countInto(key: string, group: readonly number[], totals: number[]): void {
    if (++this.scan === 0x7fffffff) {
      this.seen.fill(0);
      this.scan = 1;
    }
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (this.first[c] !== 1) continue;
      for (const p of this.byFirst.get(c) ?? []) {
        if (this.seen[p.index] === this.scan || !key.startsWith(p.phrase, i)) continue;
        this.seen[p.index] = this.scan;
        const g = group[p.index] as number;
        totals[g] = (totals[g] as number) + 1;
      }
    }
  }
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** True when `key` is `label` give or take a few characters (prefix match or small edit distance). */
export function labelMatches(key: string, label: string, maxEdits = 2): boolean {
  if (!key || !label) return false;
  if (key === label || key.startsWith(label)) return true;
  const allowed = Math.min(maxEdits, Math.floor(label.length / 4));
  for (let len = label.length - allowed; len <= label.length + allowed; len++) {
    if (len <= 0 || len > key.length) continue;
    if (editDistance(key.slice(0, len), label, allowed) <= allowed) return true;
  }
  return false;
}

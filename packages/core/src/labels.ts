/**
 * Matching printed text against the catalog's labels. `labelKey` reduces a text to the characters
 * that carry meaning, so the numbering styles (1. 1、 1． （1）), spaces, quotes, brackets, full-width
 * forms and CJK radicals of real reports compare equal; `matchLabel` picks the label (official
 * form or one of its `variants`) a text stands for, with a score. Readers of documents use these
 * instead of keeping label strings of their own.
 */
import type { Label } from "./catalog.js";
import { RADICAL_TO_IDEOGRAPH } from "./radicals.js";

/** A character kept in a key: ASCII letters and digits, CJK ideographs (with 〇), surrogates. */
function keyChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0x3007
  );
}

/** The character that stands for `c` in a key: radicals as ideographs, full-width ASCII as ASCII. */
function keyForm(c: number): string | undefined {
  if (c >= 0x2e80 && c <= 0x2fd5) return RADICAL_TO_IDEOGRAPH.get(c);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  return keyChar(c) ? String.fromCharCode(c) : undefined;
}

/**
 * The comparable core of a label or of any printed text: CJK radicals become their ideographs,
 * full-width digits and letters become ASCII, and everything but letters, digits and ideographs
 * (spaces, punctuation, quotes, brackets, numbering marks) is dropped. So "1、属于 国家秘密",
 * "（1）属于国家秘密" and "1．属于国家秘密" all give "1属于国家秘密"; "（一）予以公开" gives
 * "一予以公开". One pass, linear in the text.
 */
export function labelKey(text: string): string {
  let out = "";
  let runStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (keyChar(c)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) out += text.slice(runStart, i);
    runStart = -1;
    const form = keyForm(c);
    if (form) out += form;
  }
  return runStart >= 0 ? out + text.slice(runStart) : out;
}

/** The keys of a label: its official form first, then each variant's (duplicates removed). */
export function labelKeys(label: Label): readonly string[] {
  const keys = [labelKey(label.zh)];
  for (const v of label.variants ?? []) {
    const k = labelKey(v);
    if (k && !keys.includes(k)) keys.push(k);
  }
  return keys;
}

function bigramSet(key: string): Set<string> {
  const out = new Set<string>();
  if (key.length === 1) out.add(key);
  for (let i = 0; i + 1 < key.length; i++) out.add(key.slice(i, i + 2));
  return out;
}

/** Dice similarity of two keys' character bigrams, 0..1 (1 only for equal keys). */
export function keySimilarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const x = bigramSet(a);
  const y = bigramSet(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  // Distinct keys never score 1, so an exact match always wins.
  return Math.min((2 * common) / (x.size + y.size), 0.99);
}

/** The result of {@link matchLabel}. */
export interface LabelMatch<L extends Label> {
  /** The candidate matched. */
  label: L;
  /** 1 when the text's key equals one of the label's keys; below 1 by bigram similarity otherwise. */
  score: number;
  /** The form that matched: `label.zh` or one of `label.variants`. */
  form: string;
}

/** Options of {@link matchLabel}. */
export interface MatchLabelOptions {
  /** Lowest score returned (default 0.6); a weaker best match gives undefined. */
  minScore?: number;
}

/**
 * The candidate label a printed text stands for: each candidate's official form and variants are
 * compared with the text by `labelKey`; an equal key scores 1, otherwise the Dice similarity of
 * character bigrams. Returns the best (the first candidate on a tie), or undefined when no
 * candidate reaches `minScore`. Never throws; linear in text length × candidates.
 *
 * @example matchLabel("1、属于 国家秘密", OUTCOME_ITEMS.withheld)?.label.key // "stateSecret"
 * @example matchLabel("规范性文件", PROACTIVE_BLOCKS["2021"][0].rows)?.score // 1 (a variant)
 */
export function matchLabel<L extends Label>(
  text: string,
  candidates: readonly L[],
  { minScore = 0.6 }: MatchLabelOptions = {},
): LabelMatch<L> | undefined {
  const key = labelKey(typeof text === "string" ? text : "");
  if (!key) return undefined;
  let best: LabelMatch<L> | undefined;
  for (const label of candidates) {
    const forms = [label.zh, ...(label.variants ?? [])];
    for (const form of forms) {
      const score = keySimilarity(key, labelKey(form));
      if (score >= minScore && (!best || score > best.score)) best = { label, score, form };
      if (score === 1) break;
    }
    if (best?.score === 1 && best.label === label) return best;
  }
  return best;
}

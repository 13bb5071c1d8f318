/**
 * Table 四's header as data for placing its figures: the column positions of the fifteen leaf
 * headers, and the header pieces plain PDF-to-text output prints between the figures. Every word
 * comes from core's catalog.
 */
import {
  CHINESE_NUMERALS,
  REVIEW_GROUPS,
  REVIEW_HEADERS,
  REVIEW_OUTCOMES,
  REVIEW_PART_CAPTIONS,
} from "@gov-report/core/lite";
import type { Token } from "../../doc.js";
import { labelKey } from "../../normalize.js";
import type { LabelAxes } from "../../strategies/label-cells.js";
import { clusterCentres } from "../../strategies/wrapped-row.js";

export const WIDTH = REVIEW_GROUPS.length * REVIEW_OUTCOMES.length;

/** The shortest printed form of each leaf header (结果维持 or 维持 …), from core's catalog. */
const HEADER_WORDS = REVIEW_OUTCOMES.map((o) =>
  [o.zh, ...(o.variants ?? [])].reduce((a, b) => (b.length < a.length ? b : a)),
);

/** Characters of the fifteen leaf headers (结果维持 … 总计), from the catalog. */
const LEAF_CHARS = new Set(REVIEW_OUTCOMES.flatMap((o) => [...o.zh]));

/**
 * Column positions from the leaf headers when they are printed one or two characters per line
 * ("结" / "果" / "维" / "持"): their pieces cluster into the fifteen columns.
 */
export function leafCentres(tokens: readonly Token[]): number[] | undefined {
  const leaf = tokens.filter((t) => {
    const k = t.text.replace(/\s/g, "");
    if (!k || k.length > 4) return false;
    for (const ch of k) if (!LEAF_CHARS.has(ch)) return false;
    return true;
  });
  return clusterCentres(leaf, WIDTH);
}

/** The characters of table 四's header (行政复议, 未经复议直接起诉, 结果维持, 尚未审结, 总计…). */
const HEADER_CHARS = new Set(
  [...Object.values(REVIEW_HEADERS), ...REVIEW_GROUPS, ...REVIEW_OUTCOMES].flatMap((l) => [...labelKey(l.zh)]),
);

/**
 * A short line made only of table 四's header characters: plain PDF-to-text output breaks the
 * header into pieces ("结 果", "尚未审", "复议后起诉") and prints them between the figures.
 */
export function isHeaderWordsOnly(key: string, longest = 16): boolean {
  if (!key || key.length > longest) return false;
  for (const ch of key) if (!HEADER_CHARS.has(ch)) return false;
  return true;
}

/** Longest header line of table 四 printed in full (the fifteen leaf headers: 维持 … 总计 three times). */
const MAX_HEADER_LINE = REVIEW_OUTCOMES.reduce((n, o) => n + labelKey(o.zh).length, 0) * REVIEW_GROUPS.length;

const PART_CAPTIONS = new Set(REVIEW_PART_CAPTIONS.map((c) => labelKey(c.zh)));

/**
 * A line between the parts of table 四 printed as two tables (core's REVIEW_PART_CAPTIONS): the
 * second part's caption (（二）行政诉讼情况, its numbering any numeral) or a header line of it,
 * made only of the header's characters.
 */
export function isBetweenParts(key: string): boolean {
  let k = key;
  while (k && CHINESE_NUMERALS.includes(k[0] as string)) k = k.slice(1);
  return PART_CAPTIONS.has(k) || isHeaderWordsOnly(key, MAX_HEADER_LINE);
}

/** x of the 15 sub-headers when each of 维持/纠正/其他/审结/总计 is found three times. */
export function headerCentres(tokens: readonly Token[]): number[] | undefined {
  const xs: number[] = [];
  for (const w of HEADER_WORDS) {
    const hits = tokens.filter((t) => t.text.replace(/\s/g, "").includes(w)).map((t) => t.pos as number);
    if (hits.length !== REVIEW_GROUPS.length) return undefined;
    xs.push(...hits);
  }
  xs.sort((a, b) => a - b);
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) <= (xs[i - 1] as number)) return undefined;
  return xs;
}

/**
 * Table 四's cells by their labels, for a table printed one cell per row: the three groups, the
 * five outcomes (with their short forms), and 行政诉讼 above the two lawsuit groups.
 */
export const REVIEW_AXES: LabelAxes = {
  rows: REVIEW_GROUPS.map((g) => [labelKey(g.zh)]),
  cols: REVIEW_OUTCOMES.map((o) => [o.zh, ...(o.variants ?? [])].map(labelKey)),
  extra: [labelKey(REVIEW_HEADERS.lawsuit.zh)],
};

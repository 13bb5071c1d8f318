/**
 * Where the six sections and the three tables are in the line stream. Headings are matched by
 * their number (一…六) and a tolerant comparison of the title (variants such as
 * "五、政府信息公开工作存在的主要问题及改进情况" included); tables are found by their own
 * signatures too, because pages and extractions sometimes lose a heading or move a table (the
 * seed's table 四 floats after section 六).
 */
import {
  COUNT_UNITS,
  REVIEW_HEADERS,
  REVIEW_OUTCOMES,
  SECTIONS,
  type SectionKey,
  TABLE_MARKS,
} from "@gov-report/core/lite";
import type { SourceDoc } from "./doc.js";
import { bigrams, coverage, labelKey } from "./normalize.js";

interface HeadingDef {
  key: SectionKey;
  number: string;
  titles: { key: string; grams: number[] }[];
}

const HEADINGS: readonly HeadingDef[] = SECTIONS.map((s) => ({
  key: s.key,
  number: s.number,
  // The title and its variants from core's catalog.
  titles: [s.zh, ...(s.variants ?? [])].map((t) => {
    const key = labelKey(t);
    return { key, grams: bigrams(key) };
  }),
}));

/** The section a line is the heading of, if any. */
export function headingOf(key: string): SectionKey | undefined {
  if (key.length < 3) return undefined;
  for (const h of HEADINGS) {
    if (!key.startsWith(h.number)) continue;
    const rest = key.slice(h.number.length);
    for (const t of h.titles) {
      if (rest.length > t.key.length + 12) continue;
      const grams = new Set(bigrams(rest));
      if (coverage(t.grams, grams) >= 0.6) return h.key;
    }
  }
  return undefined;
}

export interface Layout {
  /** Line index of each section heading found (in order). */
  headings: Partial<Record<SectionKey, number>>;
  /** [start, end) line ranges of the tables. */
  proactive?: [number, number];
  applications?: [number, number];
  /** Line of table 四's header (行政复议 / 行政诉讼). */
  reviewsHeader?: number;
}

/** Words that find tables 二 and 三 without their headings: core's table marks, as line keys. */
const TABLE2_START = TABLE_MARKS.proactiveDisclosure.map(labelKey);
const TABLE3_START = TABLE_MARKS.applications.map(labelKey);

/** Table 四's header words, from core's catalog: its two group headers and the first outcome. */
const REVIEW = labelKey(REVIEW_HEADERS.review.zh);
const LAWSUIT = labelKey(REVIEW_HEADERS.lawsuit.zh);
const UPHELD = REVIEW_OUTCOMES.find((o) => o.key === "upheld");
const UPHELD_KEYS = UPHELD ? [UPHELD.zh, ...(UPHELD.variants ?? [])].map(labelKey) : [];
/** The format's unit of counts (件): prose quotes counts with it, a header never does. */
const COUNT_UNIT = COUNT_UNITS[0] as string;

/** The table-四 header: a short line naming 行政复议 (with 行政诉讼 or 结果维持, or 结果维持 right below). */
export function isReviewsHeader(doc: SourceDoc, i: number): boolean {
  const l = doc.lines[i];
  if (!l?.key.includes(REVIEW) || headingOf(l.key)) return false;
  // Prose quotes the same words with counts ("行政复议 351 件"): a header has no 件.
  if (l.key.length > 30)
    return !l.key.includes(COUNT_UNIT) && l.key.includes(LAWSUIT) && l.key.includes(UPHELD_KEYS[0] as string);
  if (l.key.includes(LAWSUIT)) return true;
  // A table printed one cell per row starts with its first cell: 行政复议 · 结果维持 · 15.
  if (!l.key.includes(COUNT_UNIT) && UPHELD_KEYS.some((k) => l.key.includes(k))) return true;
  const next = doc.lines[i + 1];
  return next !== undefined && (UPHELD_KEYS.some((k) => next.key.includes(k)) || next.key.includes(LAWSUIT));
}

export function findLayout(doc: SourceDoc): Layout {
  const headings: Partial<Record<SectionKey, number>> = {};
  let order = -1;
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || l.tableRow) continue;
    const h = headingOf(l.key);
    if (!h) continue;
    const idx = HEADINGS.findIndex((x) => x.key === h);
    if (idx > order && headings[h] === undefined) {
      headings[h] = i;
      order = idx;
    }
  }
  const layout: Layout = { headings };
  const find = (from: number, to: number, needles: readonly string[]) => {
    for (let i = Math.max(0, from); i < to; i++) {
      const k = (lines[i] as { key: string }).key;
      if (needles.some((n) => k.includes(n))) return i;
    }
    return -1;
  };
  const after = (k: SectionKey) => headings[k] ?? -1;
  const n = lines.length;

  // Table 三 first: it bounds table 二.
  let t3 = headings.applications ?? find(after("proactiveDisclosure") + 1, n, TABLE3_START);
  if (t3 < 0) t3 = find(0, n, TABLE3_START);
  let t2 = find(after("proactiveDisclosure"), t3 >= 0 ? t3 : n, TABLE2_START);
  if (t2 < 0 && headings.proactiveDisclosure !== undefined) t2 = headings.proactiveDisclosure;
  if (t2 >= 0) {
    const end = t3 >= 0 && t3 > t2 ? t3 : nextBoundary(headings, t2, n);
    layout.proactive = [t2, end];
  }
  // Table 四's header: after table 三 (or its heading), anywhere up to the end (it may float).
  const from4 = Math.max(t3, after("reviewsAndLawsuits"), 0);
  for (let i = from4; i < n; i++) {
    if (isReviewsHeader(doc, i)) {
      layout.reviewsHeader = i;
      break;
    }
  }
  // No header words (a converter's generic `| 类别 | 数据1 | …`): the table starts at its heading.
  if (layout.reviewsHeader === undefined) layout.reviewsHeader = headings.reviewsAndLawsuits;
  if (t3 >= 0) {
    let end = nextBoundary(headings, t3, n);
    if (layout.reviewsHeader !== undefined && layout.reviewsHeader > t3 && layout.reviewsHeader < end)
      end = layout.reviewsHeader;
    layout.applications = [t3, end];
  }
  return layout;
}

/** The first section heading after line `i`. */
export function nextBoundary(headings: Partial<Record<SectionKey, number>>, i: number, n: number): number {
  let end = n;
  for (const v of Object.values(headings)) if (v !== undefined && v > i && v < end) end = v;
  return end;
}

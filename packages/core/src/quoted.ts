/**
 * Figures the narrative quotes for table cells (invariant 10 of the format reference): which
 * words state which cells, as data. The validator checks the overview's figures against the
 * tables with it, and the parser reads the same figures as evidence for cells a table alone
 * cannot decide. Reading is a single forward scan with bounded look-ahead: linear in the text.
 */
import type { Edition } from "./catalog.js";
import type { Path } from "./cells.js";
import { COUNT_UNITS } from "./document-words.js";
import { toHalfWidth } from "./text.js";

export type QuotedMetric =
  | "received"
  | "carriedOver"
  | "disclosed"
  | "review"
  | "lawsuit"
  | "inForce"
  | "issued"
  | "repealed";

/** What a quoted figure is about, and the cells it may state. */
export interface QuotedMetricDef {
  readonly metric: QuotedMetric;
  /** What the figure counts, for messages. */
  readonly zh: string;
  readonly en: string;
  /** Words that introduce the figure ("收到…申请12件"). */
  readonly keywords: readonly string[];
  /** A word that must appear between the keyword and the figure. */
  readonly requires?: string;
  /**
   * Per edition, the readings of the figure: each a list of cells whose sum it states, the usual
   * one first ("行政诉讼N件" is both lawsuit groups; "制发规范性文件N件" the row, or both rows).
   * Empty: the edition has no such cell.
   */
  readonly cells: Readonly<Record<Edition, readonly (readonly Path[])[]>>;
}

const both = (cells: readonly (readonly Path[])[]) => ({ "2019": cells, "2021": cells });
const A = (...p: string[]): Path => ["applications", ...p];
const R = (group: string): Path => ["reviewsAndLawsuits", group, "total"];
/** 2021 表一 columns (本年制发 / 本年废止 / 现行有效): the 行政规范性文件 row, the 规章 row or both. */
const documents = (column: string, rulesAlone: boolean): readonly (readonly Path[])[] => {
  const nd: Path = ["proactiveDisclosure", "normativeDocuments", column];
  const rules: Path = ["proactiveDisclosure", "rules", column];
  return [[nd], ...(rulesAlone ? [[rules]] : []), [rules, nd]];
};

export const QUOTED_METRICS: Readonly<Record<QuotedMetric, QuotedMetricDef>> = {
  received: {
    metric: "received",
    zh: "收到申请",
    en: "applications received",
    keywords: ["收到", "受理", "新收", "接收"],
    requires: "申请",
    cells: both([[A("received", "total")]]),
  },
  carriedOver: {
    metric: "carriedOver",
    zh: "上年结转",
    en: "carried over",
    keywords: ["上年结转"],
    cells: both([[A("carriedOver", "total")]]),
  },
  disclosed: {
    metric: "disclosed",
    zh: "予以公开",
    en: "disclosed",
    keywords: ["予以公开"],
    cells: both([[A("outcomes", "disclosed", "total")]]),
  },
  review: {
    metric: "review",
    zh: "行政复议",
    en: "administrative reviews",
    keywords: ["行政复议"],
    cells: both([[R("administrativeReview")]]),
  },
  lawsuit: {
    metric: "lawsuit",
    zh: "行政诉讼",
    en: "lawsuits",
    keywords: ["行政诉讼"],
    cells: both([[R("lawsuitWithoutReview"), R("lawsuitAfterReview")]]),
  },
  inForce: {
    metric: "inForce",
    zh: "现行有效",
    en: "documents in force",
    keywords: ["现行有效"],
    cells: { "2019": [], "2021": documents("inForce", false) },
  },
  issued: {
    metric: "issued",
    zh: "本年制发",
    en: "documents issued",
    keywords: ["制发"],
    cells: { "2019": [], "2021": documents("issued", true) },
  },
  repealed: {
    metric: "repealed",
    zh: "本年废止",
    en: "documents repealed",
    keywords: ["废止"],
    cells: { "2019": [], "2021": documents("repealed", true) },
  },
};

export interface QuotedFigure {
  metric: QuotedMetric;
  value: number;
  /** Offset of the keyword in the text. */
  index: number;
  /** The words quoted, for messages. */
  excerpt: string;
}

const WINDOW = 24;
const UNITS = new Set(COUNT_UNITS);
const NEGATIONS = ["未", "没有", "无"];
/** What right after a number says it is not a count: a year, a month, a percentage, a decimal. */
const NOT_A_COUNT = new Set(["年", "%", "％", ".", "月"]);

const isDigit = (c: number) => c >= 48 && c <= 57; // false for NaN (past the end)
// Characters compared as UTF-16 codes: indexing a string by an ideograph allocates a string.
const codes = (xs: Iterable<string>) => new Set([...xs].filter((x) => x.length === 1).map((x) => x.charCodeAt(0)));
const UNIT_CODES = codes(UNITS);
const NOT_A_COUNT_CODES = codes(NOT_A_COUNT);
/** Where a clause ends: a figure after it is not the keyword's. */
const CLAUSE_END_CODES = codes(["。", "；", ";", "\n"]);
const COMMA = 44;
const SPACE = 32;

/** Figures the text quotes for the cells of QUOTED_METRICS, in text order. */
export function extractQuotedFigures(text: string): QuotedFigure[] {
  if (typeof text !== "string") return [];
  const t = toHalfWidth(text);
  const found: QuotedFigure[] = [];
  for (const p of Object.values(QUOTED_METRICS)) {
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

function readAfter(t: string, at: number, start: number, p: QuotedMetricDef): QuotedFigure | undefined {
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
    const ch = t.charCodeAt(i);
    if (CLAUSE_END_CODES.has(ch)) return undefined;
    if (p.requires && !sawRequired && t.startsWith(p.requires, i)) sawRequired = true;
    if (isDigit(ch)) {
      let j = i;
      while (j < t.length && (isDigit(t.charCodeAt(j)) || t.charCodeAt(j) === COMMA)) j++;
      const numText = t.slice(i, j).replaceAll(",", "");
      let k = j;
      while (k < t.length && t.charCodeAt(k) === SPACE) k++;
      // A year ("2023 年") or a percentage is not a count.
      if (NOT_A_COUNT_CODES.has(t.charCodeAt(k))) {
        i = j - 1;
        continue;
      }
      if (!UNIT_CODES.has(t.charCodeAt(k))) return undefined;
      if (!sawRequired) return undefined;
      return { metric: p.metric, value: Number(numText), index: at, excerpt: t.slice(at, k + 1) };
    }
  }
  return undefined;
}

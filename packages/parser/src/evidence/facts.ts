/**
 * The facts the evidence holds: figures the report's own text states (rule 10 of the format
 * reference) — for table 二's rows ("本年度制发行政规范性文件45件，废止21件，现行有效380件", read by
 * the catalog's row and column labels) and the cells of core's QUOTED_METRICS ("收到…申请12件",
 * "行政复议3件") — and what last year's report says about this year's cells (core's
 * crossYearConstraints: rules 7, 8 and 9).
 */
import {
  COUNT_UNITS,
  cellStatus,
  crossYearConstraints,
  type Edition,
  extractQuotedFigures,
  getAt,
  type Path,
  PROACTIVE_BLOCKS,
  type ProactiveBlockDef,
  QUOTED_METRICS,
  type Report,
} from "@gov-report/core/lite";
import { bigrams, labelKey, normalizeChars } from "../normalize.js";
import type { Evidence, Fact } from "./evidence.js";

/** Evidence names (the `by` of cells they decide). */
export const BY_TEXT = "text.quoted";
export const BY_PREVIOUS = "previous";

export function buildEvidence(edition: Edition, texts: Record<string, string>, previous?: Report): Evidence {
  const facts: Fact[] = [];
  for (const text of Object.values(texts)) facts.push(...proactiveStatements(edition, text));
  facts.push(...quotedFacts(edition, texts.overview ?? ""));
  if (previous) facts.push(...previousFacts(edition, previous));
  return { facts, ...(previous ? { previous } : {}) };
}

/** Longest text scanned for statements (an overview is a few hundred characters). */
const MAX_TEXT = 20_000;
/** Words kept before a figure: enough for any column label, bounded on texts without clause ends. */
const MAX_CLAUSE_WORDS = 256;

/** Clause ends: a statement about one row does not run past them (1 at their UTF-16 codes). */
const CLAUSE_END = new Uint8Array(0x10000);
for (const c of "。；;！!\n") CLAUSE_END[c.charCodeAt(0)] = 1;
/** The units a figure of a statement may be followed by, as codes (one character each). */
const UNIT_CODES = new Set(COUNT_UNITS.filter((u) => u.length === 1).map((u) => u.charCodeAt(0)));
const isDigitCode = (c: number) => c >= 48 && c <= 57; // false for NaN (past the end)

/**
 * "制发行政规范性文件45件，废止21件": in one clause, a figure followed by a unit belongs to the row
 * whose label was printed last before it, and to the column whose label shares a word (a bigram no
 * other column of the block has) with the words before the figure — or to the column of the
 * previous figure of the clause. Only count columns; amounts are not stated this way.
 */
interface LabelRow {
  block: (typeof PROACTIVE_BLOCKS)[Edition][number];
  key: string;
  label: string;
}
interface ProactiveLabels {
  /** Rows by the last UTF-16 code of their label key, longest label first (catalog order among equals). */
  byLastChar: Map<number, LabelRow[]>;
  /** 1 at the codes of byLastChar (a table lookup per character of the text, not a Map lookup). */
  isLastChar: Uint8Array;
}
const PROACTIVE_LABELS = new Map<Edition, ProactiveLabels>();

/** 表二's rows with their label keys, grouped by the last character of the key: built once per edition. */
function proactiveLabels(edition: Edition): ProactiveLabels {
  let labels = PROACTIVE_LABELS.get(edition);
  if (!labels) {
    const rows = PROACTIVE_BLOCKS[edition].flatMap((block) =>
      block.rows.map((r) => ({ block, key: r.key, label: labelKey(r.zh) })),
    );
    // A label can only start to match at its last character: the rows ending there are the only
    // ones tried, so the scan stays linear (a key per character made long texts several times slower).
    const byLastChar = new Map<number, LabelRow[]>();
    for (const r of [...rows].sort((a, b) => b.label.length - a.label.length)) {
      if (!r.label) continue;
      const c = r.label.charCodeAt(r.label.length - 1);
      byLastChar.set(c, [...(byLastChar.get(c) ?? []), r]);
    }
    const isLastChar = new Uint8Array(0x10000);
    for (const c of byLastChar.keys()) isLastChar[c] = 1;
    labels = { byLastChar, isLastChar };
    PROACTIVE_LABELS.set(edition, labels);
  }
  return labels;
}

/** The longest row label that the words ending at `end` end with (the words start at `from`). */
function rowEndingAt(text: string, from: number, end: number, candidates: readonly LabelRow[]): LabelRow | undefined {
  const k = labelKey(text.slice(Math.max(from, end - 24), end));
  for (const r of candidates) if (k.endsWith(r.label)) return r;
  return undefined;
}

export function proactiveStatements(edition: Edition, raw: string): Fact[] {
  const text = normalizeChars(raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw);
  const { byLastChar, isLastChar } = proactiveLabels(edition);
  const facts: Fact[] = [];
  let row: LabelRow | undefined;
  let column: string | undefined;
  // The words of the clause since its start or its last figure are text[words, i): indices, not
  // a string grown by a character at a time. Past MAX_CLAUSE_WORDS, only the last half is kept.
  let words = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (CLAUSE_END[c] === 1) {
      row = undefined;
      column = undefined;
      words = i + 1;
      continue;
    }
    if (!isDigitCode(c)) {
      if (i - words > MAX_CLAUSE_WORDS) words = i - MAX_CLAUSE_WORDS / 2;
      if (isLastChar[c] !== 1) continue;
      const hit = rowEndingAt(text, words, i + 1, byLastChar.get(c) as LabelRow[]);
      if (hit && hit !== row) row = hit;
      continue;
    }
    let j = i;
    while (isDigitCode(text.charCodeAt(j))) j++;
    if (row && UNIT_CODES.has(text.charCodeAt(j))) {
      column = columnOf(row.block, text.slice(words, i)) ?? column;
      if (column)
        facts.push(statement(row.key, column, Number(text.slice(i, j)), text.slice(Math.max(0, i - 12), j + 1)));
    }
    words = j;
    i = j - 1;
  }
  return facts;
}

/**
 * The figures 一、总体情况 quotes for table cells (core's QUOTED_METRICS, the data of rule 10):
 * "收到政府信息公开申请12件" states 表三's 一、本年新收 · 总计. A figure with one reading in the
 * edition is an exact fact; one with several ("现行有效N件": one row or both) confirms whichever
 * reading it fits and rules none out.
 */
export function quotedFacts(edition: Edition, overview: string): Fact[] {
  const text = overview.length > MAX_TEXT ? overview.slice(0, MAX_TEXT) : overview;
  const facts: Fact[] = [];
  for (const f of extractQuotedFigures(text)) {
    const readings = QUOTED_METRICS[f.metric].cells[edition];
    for (const cells of readings)
      facts.push({
        by: BY_TEXT,
        terms: cells.map((path) => ({ path, coef: 1 })),
        value: f.value,
        excerpt: f.excerpt,
        ...(readings.length > 1 ? { approximate: true } : {}),
      });
  }
  return facts;
}

function statement(row: string, column: string, value: number, excerpt: string): Fact {
  return { by: BY_TEXT, terms: [{ path: ["proactiveDisclosure", row, column], coef: 1 }], value, excerpt };
}

/** Per block: its count columns, each with the bigrams of its label that no other count column has. */
const DISTINCTIVE = new Map<ProactiveBlockDef, { key: string; grams: number[] }[]>();

function distinctiveGrams(block: ProactiveBlockDef): { key: string; grams: number[] }[] {
  let cols = DISTINCTIVE.get(block);
  if (!cols) {
    const counts = block.columns.filter((c) => c.kind === "count" || c.kind === "signedCount");
    const grams = counts.map((c) => new Set(bigrams(labelKey(c.zh))));
    cols = counts.map((c, i) => ({
      key: c.key,
      grams: [...(grams[i] as Set<number>)].filter((g) => grams.every((o, j) => j === i || !o.has(g))),
    }));
    DISTINCTIVE.set(block, cols);
  }
  return cols;
}

/** The count column whose distinctive bigrams occur in `words` most (the first of equals). */
function columnOf(block: ProactiveBlockDef, words: string): string | undefined {
  const have = new Set(bigrams(labelKey(words)));
  let best: string | undefined;
  let bestHits = 0;
  for (const c of distinctiveGrams(block)) {
    let hits = 0;
    for (const g of c.grams) if (have.has(g)) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      best = c.key;
    }
  }
  return best;
}

/** Last year's figure at `path`; undefined when it is not a number or was not read (its provenance). */
function lastYear(prev: Report, path: Path): number | undefined {
  const v = getAt(prev, path);
  if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
  const status = cellStatus(prev, path.join("."));
  return status === "unread" || status === "ambiguous" ? undefined : v;
}

/**
 * What last year's report says about this year's cells: each equation of core's
 * crossYearConstraints (rule 7 上年结转 = last year's 结转下年度; 2019 rule 8 上一年项目数量; 2021
 * rule 9 现行有效件数, approximate: it confirms a reading but rules none out) whose figures of last
 * year were all read.
 */
function previousFacts(edition: Edition, prev: Report): Fact[] {
  const facts: Fact[] = [];
  for (const c of crossYearConstraints(prev.edition, edition)) {
    let value = 0;
    for (const t of c.previous) {
      const v = lastYear(prev, t.path);
      if (v === undefined) {
        value = Number.NaN;
        break;
      }
      value += t.coef * v;
    }
    if (Number.isNaN(value)) continue;
    facts.push({
      by: BY_PREVIOUS,
      terms: c.current,
      value,
      excerpt: c.id,
      ...(c.approximate ? { approximate: true } : {}),
    });
  }
  return facts;
}

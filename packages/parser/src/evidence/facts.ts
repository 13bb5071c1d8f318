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

const UNITS = new Set(COUNT_UNITS);

/** Clause ends: a statement about one row does not run past them. */
const CLAUSE_END = new Set(["。", "；", ";", "！", "!", "\n"]);

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
const PROACTIVE_LABELS = new Map<Edition, { rows: LabelRow[]; lastChars: Set<string> }>();

/** 表二's rows with their label keys, and the last characters of those keys: built once per edition. */
function proactiveLabels(edition: Edition): { rows: LabelRow[]; lastChars: Set<string> } {
  let labels = PROACTIVE_LABELS.get(edition);
  if (!labels) {
    const rows = PROACTIVE_BLOCKS[edition].flatMap((block) =>
      block.rows.map((r) => ({ block, key: r.key, label: labelKey(r.zh) })),
    );
    // A label can only start to match at its last character: the key is looked up there alone,
    // so the scan stays linear (a key per character made long texts several times slower).
    labels = { rows, lastChars: new Set(rows.map((r) => r.label.slice(-1)).filter(Boolean)) };
    PROACTIVE_LABELS.set(edition, labels);
  }
  return labels;
}

export function proactiveStatements(edition: Edition, raw: string): Fact[] {
  const text = normalizeChars(raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw);
  const { rows, lastChars } = proactiveLabels(edition);
  const facts: Fact[] = [];
  let row: (typeof rows)[number] | undefined;
  let column: string | undefined;
  let words = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (CLAUSE_END.has(ch)) {
      row = undefined;
      column = undefined;
      words = "";
      continue;
    }
    if (ch < "0" || ch > "9") {
      words = words.length > MAX_CLAUSE_WORDS ? words.slice(-MAX_CLAUSE_WORDS / 2) + ch : words + ch;
      if (!lastChars.has(ch)) continue;
      const k = labelKey(words.slice(-24));
      const hit = rows.filter((r) => r.label && k.endsWith(r.label)).sort((a, b) => b.label.length - a.label.length)[0];
      if (hit && hit !== row) row = hit;
      continue;
    }
    let j = i;
    while (j < text.length && (text[j] as string) >= "0" && (text[j] as string) <= "9") j++;
    const unit = UNITS.has(text[j] as string);
    if (row && unit) {
      column = columnOf(row.block, words) ?? column;
      if (column)
        facts.push(statement(row.key, column, Number(text.slice(i, j)), text.slice(Math.max(0, i - 12), j + 1)));
    }
    words = "";
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

/** The count column whose distinctive bigrams occur in `words`. */
function columnOf(block: ProactiveBlockDef, words: string): string | undefined {
  const counts = block.columns.filter((c) => c.kind === "count" || c.kind === "signedCount");
  const grams = counts.map((c) => new Set(bigrams(labelKey(c.zh))));
  const have = new Set(bigrams(labelKey(words)));
  let best: string | undefined;
  let bestHits = 0;
  counts.forEach((c, i) => {
    let hits = 0;
    for (const g of grams[i] as Set<number>) if (have.has(g) && grams.every((o, j) => j === i || !o.has(g))) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      best = c.key;
    }
  });
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

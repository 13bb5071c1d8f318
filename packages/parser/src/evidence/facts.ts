/**
 * The facts the evidence holds: figures the report's own text states for table 二's cells
 * ("本年度制发行政规范性文件45件，废止21件，现行有效380件", rule 10 of the format reference), and
 * what last year's report says about this year's cells (rules 7, 8 and 9).
 */
import {
  applicationRows,
  type Edition,
  getAt,
  PROACTIVE_BLOCKS,
  type ProactiveBlockDef,
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
  if (previous) facts.push(...previousFacts(edition, previous));
  return { facts, ...(previous ? { previous } : {}) };
}

/** Longest text scanned for statements (an overview is a few hundred characters). */
const MAX_TEXT = 20_000;
/** Words kept before a figure: enough for any column label, bounded on texts without clause ends. */
const MAX_CLAUSE_WORDS = 256;

/** Clause ends: a statement about one row does not run past them. */
const CLAUSE_END = new Set(["。", "；", ";", "！", "!", "\n"]);

/**
 * "制发行政规范性文件45件，废止21件": in one clause, a figure followed by a unit belongs to the row
 * whose label was printed last before it, and to the column whose label shares a word (a bigram no
 * other column of the block has) with the words before the figure — or to the column of the
 * previous figure of the clause. Only count columns; amounts are not stated this way.
 */
export function proactiveStatements(edition: Edition, raw: string): Fact[] {
  const text = normalizeChars(raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw);
  const rows = PROACTIVE_BLOCKS[edition].flatMap((block) =>
    block.rows.map((r) => ({ block, key: r.key, label: labelKey(r.zh) })),
  );
  // A label can only start to match at its last character: the key is looked up there alone,
  // so the scan stays linear (a key per character made long texts several times slower).
  const lastChars = new Set(rows.map((r) => r.label.slice(-1)).filter(Boolean));
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
    const unit = text[j] === "件" || text[j] === "个" || text[j] === "项";
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

const num = (r: unknown, path: readonly string[]) => {
  const v = getAt(r, path);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
};

/**
 * What last year's report says: 二、上年结转 = last year's 四、结转下年度, per column (rule 7); 2019
 * 上一年项目数量 = last year's + its 本年增/减 (rule 8); 2021 现行有效件数 ≈ last year's + 本年制发 −
 * 本年废止 (rule 9, approximate: it confirms a reading but rules none out).
 */
function previousFacts(edition: Edition, prev: Report): Fact[] {
  const facts: Fact[] = [];
  const rows = applicationRows(edition);
  const over = rows.find((r) => r.role === "carriedOver");
  const forward = applicationRows(prev.edition).find((r) => r.role === "carriedForward");
  const columns = Object.keys((getAt(prev, ["applications", ...(forward?.path ?? [])]) as object) ?? {});
  for (const c of columns) {
    const v = num(prev, ["applications", ...(forward?.path ?? []), c]);
    if (over && v !== undefined)
      facts.push({
        by: BY_PREVIOUS,
        terms: [{ path: ["applications", ...over.path, c], coef: 1 }],
        value: v,
        excerpt: "",
      });
  }
  if (prev.edition !== edition) return facts;
  for (const block of PROACTIVE_BLOCKS[edition]) {
    const keys = block.columns.map((c) => c.key);
    for (const r of block.rows) facts.push(...carried(edition, prev, r.key, keys));
  }
  return facts;
}

/** Rules 8 and 9 for one row of table 二, when its block has those columns. */
function carried(edition: Edition, prev: Report, row: string, keys: readonly string[]): Fact[] {
  const at = (c: string) => ["proactiveDisclosure", row, c];
  if (edition === "2019" && keys.includes("previousCount") && keys.includes("change")) {
    const p = num(prev, at("previousCount"));
    const d = num(prev, at("change"));
    if (p === undefined || d === undefined) return [];
    return [{ by: BY_PREVIOUS, terms: [{ path: at("previousCount"), coef: 1 }], value: p + d, excerpt: "" }];
  }
  if (edition === "2021" && keys.includes("inForce") && keys.includes("issued") && keys.includes("repealed")) {
    const p = num(prev, at("inForce"));
    if (p === undefined) return [];
    const terms = [
      { path: at("inForce"), coef: 1 },
      { path: at("issued"), coef: -1 },
      { path: at("repealed"), coef: 1 },
    ];
    return [{ by: BY_PREVIOUS, terms, value: p, approximate: true, excerpt: "" }];
  }
  return [];
}

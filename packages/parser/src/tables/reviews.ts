/**
 * Table 四 政府信息公开行政复议、行政诉讼情况: one data row of 15 figures after the header
 * (行政复议 · 行政诉讼 / 未经复议直接起诉 · 复议后起诉 / 结果维持 … 总计). The header is searched
 * from table 三 to the end of the document, since extraction can float the table after 六.
 */
import {
  constraints,
  type Path,
  REVIEW_GROUPS,
  REVIEW_HEADERS,
  REVIEW_OUTCOMES,
  RULE_REVIEW_TOTAL,
} from "@gov-report/core/lite";
import { tableName, tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import { splitRuns } from "../digits.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";
import { weigh } from "../evidence/evidence.js";
import { labelKey } from "../normalize.js";
import { headingOf } from "../sections.js";
import { prefixCheck, rowCheck } from "../solve/rows.js";
import { gridCentres } from "../strategies/grid-columns.js";
import { REORDERED_RUNS, reorderRuns } from "../strategies/reordered-runs.js";
import { meets } from "../strategies/strategy.js";
import { clusterCentres, WRAPPED_ROW, wrappedRow } from "../strategies/wrapped-row.js";
import { isValue, orderedPlacements, placeByPosition, recordReadings, recordToken } from "./common.js";

const WIDTH = REVIEW_GROUPS.length * REVIEW_OUTCOMES.length;
/** The shortest printed form of each leaf header (结果维持 or 维持 …), from core's catalog. */
const HEADER_WORDS = REVIEW_OUTCOMES.map((o) =>
  [o.zh, ...(o.variants ?? [])].reduce((a, b) => (b.length < a.length ? b : a)),
);
const TABLE = "reviewsAndLawsuits" as const;
const PATHS: readonly Path[] = REVIEW_GROUPS.flatMap((g) => REVIEW_OUTCOMES.map((o) => [TABLE, g.key, o.key]));
/** Table 四's equations (each group's 总计) on its 15 figures in printed order, from core. Both editions share them. */
const groupsAddUp = rowCheck(constraints("2021"), PATHS);
const groupsSoFar = prefixCheck(constraints("2021"), PATHS);

export interface ReviewsResult {
  /** Last line of the table (the data row), so narrative can skip it. */
  end: number;
  found: boolean;
}

/** The figures after table 四's header, with the header tokens that give column positions. */
interface Gathered {
  values: Token[];
  /** Index of the run (figures with no words between) of each figure. */
  runOf: number[];
  headerTokens: Token[];
  end: number;
  firstValueLine: number;
}

export function readReviews(ctx: ReadContext, found: number | undefined): ReviewsResult {
  const { doc, diags } = ctx;
  // No header words (a converter's generic header `| 类别 | 数据1 | …`): the table starts at its heading.
  const header = found ?? headingLine(doc);
  if (header === undefined) {
    diags.emit("table.missing", { table: tableName(TABLE) }, { path: [TABLE] });
    return { end: -1, found: false };
  }
  const g = gather(doc, header);
  const source = refOf(doc, g.firstValueLine >= 0 ? g.firstValueLine : header);
  const where = { path: [TABLE], source };
  const band = meets(doc, WRAPPED_ROW)
    ? wrappedRow(doc, g.firstValueLine, g.values, headerCentres(g.headerTokens) ?? leafCentres(g.headerTokens), {
        width: WIDTH,
        addsUp: groupsAddUp,
        isHeaderWords: isHeaderWordsOnly,
      })
    : undefined;
  if (band) {
    diags.emit("cell.wrapped", { table: tableTag(TABLE), lines: band.lines, wrapped: band.wrapped }, where);
    PATHS.forEach((p, i) => {
      recordToken(ctx, p, band.tokens[i]);
    });
    return { end: Math.max(g.end, band.end), found: true };
  }
  const reordered =
    g.values.length === WIDTH && meets(doc, REORDERED_RUNS)
      ? reorderRuns(
          g.values.map((t) => t.value),
          g.runOf,
          groupsAddUp,
        )
      : undefined;
  if (reordered) recordReordered(ctx, reordered, where);
  else if (g.values.length >= WIDTH)
    PATHS.forEach((p, i) => {
      recordToken(ctx, p, g.values[i]);
    });
  else readShort(ctx, g, where);
  return { end: g.end, found: g.values.length > 0 };
}

/** The line of section 四's heading, when the document prints it. */
function headingLine(doc: SourceDoc): number | undefined {
  const i = doc.lines.findIndex((l) => headingOf(l.key) === TABLE);
  return i >= 0 ? i : undefined;
}

function gather(doc: SourceDoc, header: number): Gathered {
  const g: Gathered = { values: [], runOf: [], headerTokens: [], end: header, firstValueLine: -1 };
  let run = 0;
  let wordsSince = false;
  for (let i = header; i < doc.lines.length && g.values.length < WIDTH; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    if (i > header && (headingOf(l.key) || (l.key.length > 60 && !l.tableRow))) break;
    // Figures of one row: once they started, a line of words ends them — except a stray column
    // header (plain PDF-to-text output can print "总计" between the 14th and the 15th figure).
    const vals = l.tokens.filter(isValue);
    if (!vals.length && g.firstValueLine >= 0) {
      if (isHeaderWordsOnly(l.key)) {
        wordsSince = true;
        continue;
      }
      break;
    }
    if (vals.length && g.firstValueLine < 0) g.firstValueLine = i;
    for (const t of l.tokens) {
      if (isValue(t)) {
        if (wordsSince && g.values.length) run++;
        wordsSince = false;
        g.values.push(t);
        g.runOf.push(run);
      } else {
        if (t.pos !== undefined) g.headerTokens.push(t);
        wordsSince = true;
      }
    }
    g.end = i;
  }
  return g;
}

type Where = { path: Path; source: ReturnType<typeof refOf> };

function recordReordered(ctx: ReadContext, r: { candidates: number[][]; runs: number }, where: Where): void {
  const weighed = weigh(ctx.evidence, PATHS, r.candidates, (p) => ctx.cells.value(p));
  const readings = weighed.readings;
  if (readings.length === 1) ctx.diags.emit("row.reordered", { runs: r.runs, reading: readings[0] as number[] }, where);
  else
    ctx.diags.emit(
      "split.ambiguous",
      { row: tableTag(TABLE), candidates: readings, why: "order" },
      { ...where, candidates: readings.map((x) => [...x]) },
    );
  recordReadings(ctx, PATHS, readings, weighed.by ?? RULE_REVIEW_TOTAL);
}

/** Fewer than 15 figures: placed by header positions, split when run together, else by order. */
function readShort(ctx: ReadContext, g: Gathered, where: Where): void {
  const { values } = g;
  const centres = headerCentres(g.headerTokens) ?? leafCentres(g.headerTokens) ?? gridCentres(g.headerTokens, WIDTH);
  const grid = centres && values.length ? placeByGrid(values, centres) : undefined;
  if (grid && "readings" in grid) {
    // The header and the row may be one cell apart either way, and both placements add up.
    const weighed = weigh(ctx.evidence, PATHS, grid.readings, (p) => ctx.cells.value(p));
    if (weighed.readings.length > 1)
      ctx.diags.emit(
        "split.ambiguous",
        { row: tableTag(TABLE), candidates: weighed.readings },
        { ...where, candidates: weighed.readings.map((x) => [...x]) },
      );
    recordReadings(ctx, PATHS, weighed.readings, weighed.by ?? RULE_REVIEW_TOTAL);
    return;
  }
  const placed = grid?.placed;
  if (placed) {
    PATHS.forEach((p, i) => {
      recordToken(ctx, p, placed[i]);
    });
    return;
  }
  if (values.some((t) => t.digits)) {
    readRunTogether(ctx, values, where);
    return;
  }
  if (!values.length) {
    ctx.diags.emit("row.missing", { row: tableTag(TABLE) }, where);
    return;
  }
  const printed = values.map((t) => (t.kind === "num" ? (t.value as number) : 0));
  const readings = orderedPlacements(printed, WIDTH, groupsAddUp);
  const pool = readings.length ? readings : orderedPlacements(printed, WIDTH, () => true);
  const weighed = weigh(ctx.evidence, PATHS, pool, (p) => ctx.cells.value(p));
  ctx.diags.emit("cell.position-unknown", { row: tableTag(TABLE), count: values.length, width: WIDTH }, where);
  recordReadings(ctx, PATHS, weighed.readings, weighed.by ?? (readings.length ? RULE_REVIEW_TOTAL : "order"));
}

/** Grid columns a row of figures may be offset by against its header (an empty leading cell). */
const GRID_OFFSETS = [0, -1, 1];

/**
 * The figures placed by the header's positions, and one column over either way (a text table
 * whose data row has one more or one less leading cell than its header): the one placement that
 * adds up; the readings when several different ones do; else the positions as printed.
 */
function placeByGrid(
  values: readonly Token[],
  centres: readonly number[],
): { placed: (Token | undefined)[] | undefined } | { readings: number[][] } {
  let first: (Token | undefined)[] | undefined;
  const fits = new Map<string, (Token | undefined)[]>();
  for (const d of GRID_OFFSETS) {
    const moved = values.map((t) => (t.pos === undefined ? t : { ...t, pos: t.pos + d }));
    const placed = placeByPosition(moved, centres);
    if (!placed) continue;
    first ??= d === 0 ? placed : undefined;
    const nums = placed.map((t) => (t?.kind === "num" ? (t.value as number) : 0));
    if (groupsAddUp(nums) && !fits.has(nums.join(",")))
      fits.set(
        nums.join(","),
        placed.map((t) => (t ? (values[moved.indexOf(t)] as Token) : undefined)),
      );
  }
  if (fits.size > 1) return { readings: [...fits.keys()].map((k) => k.split(",").map(Number)) };
  return { placed: fits.values().next().value ?? first };
}

/** Figures run together: split so that every group total adds up; several splits stay ambiguous. */
function readRunTogether(ctx: ReadContext, values: readonly Token[], where: Where): void {
  const pieces = values.map((t) => ({ value: t.value ?? 0, digits: t.digits, signed: t.signed, frac: t.frac }));
  const split = splitRuns(pieces, WIDTH, groupsAddUp, 16, undefined, groupsSoFar);
  // When no split adds up (the document's own totals may be wrong), list the plain splits.
  const loose = split.candidates.length ? undefined : splitRuns(pieces, WIDTH, () => true, 8);
  const printed = values.map((t) => t.text).join(" ");
  const all = split.candidates.length ? split.candidates : loose && !loose.truncated ? loose.candidates : [];
  if (!all.length) {
    ctx.diags.emit("split.impossible", { row: tableTag(TABLE), printed }, where);
    return;
  }
  const weighed = weigh(ctx.evidence, PATHS, all, (p) => ctx.cells.value(p));
  const readings = weighed.readings;
  const by = weighed.by ?? (split.candidates.length ? RULE_REVIEW_TOTAL : "digits");
  if (readings.length === 1 && split.candidates.length)
    ctx.diags.emit(
      "split.run-together",
      { row: tableTag(TABLE), printed, reading: readings[0] as number[], by },
      where,
    );
  else
    ctx.diags.emit(
      "split.ambiguous",
      { row: tableTag(TABLE), candidates: readings, ...(split.candidates.length ? {} : { why: "no-total" as const }) },
      { ...where, candidates: readings.map((x) => [...x]) },
    );
  recordReadings(ctx, PATHS, readings, by);
}

/** Characters of the fifteen leaf headers (结果维持 … 总计), from the catalog. */
const LEAF_CHARS = new Set(REVIEW_OUTCOMES.flatMap((o) => [...o.zh]));

/**
 * Column positions from the leaf headers when they are printed one or two characters per line
 * ("结" / "果" / "维" / "持"): their pieces cluster into the fifteen columns.
 */
function leafCentres(tokens: readonly Token[]): number[] | undefined {
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
function isHeaderWordsOnly(key: string): boolean {
  if (!key || key.length > 16) return false;
  for (const ch of key) if (!HEADER_CHARS.has(ch)) return false;
  return true;
}

/** x of the 15 sub-headers when each of 维持/纠正/其他/审结/总计 is found three times. */
function headerCentres(tokens: readonly Token[]): number[] | undefined {
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

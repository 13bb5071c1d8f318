/**
 * Table 四's candidate readings, one strategy each, in the order they are asked (closest to the
 * source first): figures wrapped inside their cells, pieces printed out of order, the figures as
 * printed, placed by the header's columns, split where run together, placed in order. Each says
 * what it needs of the source; `choose` (src/solve/choose.ts) scores them and keeps one.
 */
import { type Path, RULE_REVIEW_TOTAL } from "@gov-report/core/lite";
import { tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { splitRuns } from "../../digits.js";
import { refOf, type SourceDoc, type Token } from "../../doc.js";
import type { Candidate } from "../../solve/choose.js";
import { gridCentres } from "../../strategies/grid-columns.js";
import { readLabelCells } from "../../strategies/label-cells.js";
import { ownRowColumns } from "../../strategies/pipe-grid.js";
import { REORDERED_RUNS, reorderRuns } from "../../strategies/reordered-runs.js";
import { meets, type Strategy } from "../../strategies/strategy.js";
import { WRAPPED_ROW, wrappedRow } from "../../strategies/wrapped-row.js";
import { isValue, orderedPlacements, placeByPosition, WRAPPED } from "../common.js";
import { headerCentres, isHeaderWordsOnly, leafCentres, REVIEW_AXES, WIDTH } from "./header.js";

/** The figures after table 四's header, with the header tokens that give column positions. */
export interface Gathered {
  values: Token[];
  /** Index of the run (figures with no words between) of each figure. */
  runOf: number[];
  headerTokens: Token[];
  end: number;
  firstValueLine: number;
  /** The line of the data row when it is a grid row whose cells are all empty. */
  blankRow?: number;
}

export type Where = { path: Path; source: ReturnType<typeof refOf> };

export interface ReviewsInput {
  ctx: ReadContext;
  /** The header line (or the section's heading when no header words are printed). */
  header: number;
  g: Gathered;
  where: Where;
  /** Table 四's equations (each group's 总计) on its 15 figures in printed order. */
  addsUp: (values: readonly number[]) => boolean;
  /** The same equations on the figures so far (a split stops early when a group fails). */
  soFar: (values: readonly number[]) => boolean;
}

export interface ReviewsCandidate extends Candidate {
  /** One token per cell when the cells are read as printed (printed, blank, a dash, joined pieces). */
  tokens?: readonly (Token | undefined)[];
  /** What decides the cells when they are not read as printed: a rule code or a strategy's word. */
  by: string;
  /** The reading's diagnostics once chosen, given the readings the evidence left. */
  report(readings: readonly (readonly number[])[], by: string): void;
  /** Last line of the table when the reading went past the gathered figures. */
  end?: number;
}

type ReviewsStrategy = Strategy<ReviewsInput, ReviewsCandidate>;

const TABLE = "reviewsAndLawsuits";

const valuesOf = (tokens: readonly (Token | undefined)[]) =>
  tokens.map((t) => (t?.kind === "num" ? (t.value as number) : 0));

const asTokens = (tokens: readonly (Token | undefined)[], printed: number, report = () => {}): ReviewsCandidate => ({
  tokens,
  readings: [valuesOf(tokens)],
  printed,
  by: "printed",
  report,
});

const wrapped: ReviewsStrategy = {
  ...WRAPPED_ROW,
  read: ({ ctx, g, where, addsUp }) => {
    const centres = headerCentres(g.headerTokens) ?? leafCentres(g.headerTokens);
    const band = wrappedRow(ctx.doc, g.firstValueLine, g.values, centres, {
      width: WIDTH,
      addsUp,
      isHeaderWords: isHeaderWordsOnly,
    });
    if (!band) return undefined;
    const report = () =>
      ctx.diags.emit("cell.wrapped", { table: tableTag(TABLE), lines: band.lines, wrapped: band.wrapped }, where);
    return { ...asTokens(band.tokens, 1 - band.wrapped.length / WIDTH, report), by: WRAPPED, end: band.end };
  },
};

const reordered: ReviewsStrategy = {
  ...REORDERED_RUNS,
  read: ({ ctx, g, where, addsUp }) => {
    const r =
      g.values.length === WIDTH
        ? reorderRuns(
            g.values.map((t) => t.value),
            g.runOf,
            addsUp,
          )
        : undefined;
    if (!r) return undefined;
    const report = (readings: readonly (readonly number[])[]) => {
      if (readings.length === 1)
        ctx.diags.emit("row.reordered", { runs: r.runs, reading: readings[0] as number[] }, where);
      else
        ctx.diags.emit(
          "split.ambiguous",
          { row: tableTag(TABLE), candidates: readings, why: "order" },
          { ...where, candidates: readings.map((x) => [...x]) },
        );
    };
    return { readings: r.candidates, printed: 0, by: RULE_REVIEW_TOTAL, report };
  },
};

/** One cell per row (行政复议 · 结果维持 · 15), or such a table extracted column by column: by the labels. */
const byLabels: ReviewsStrategy = {
  name: "label-cells",
  needs: [],
  read: ({ ctx, header }) => {
    const cells = readLabelCells(ctx.doc, header, REVIEW_AXES);
    if (!cells) return undefined;
    const where = { path: [TABLE], source: refOf(ctx.doc, cells.start) };
    const report = () => ctx.diags.emit("table.cell-per-row", { table: tableTag(TABLE), layout: cells.layout }, where);
    return { ...asTokens(cells.tokens, 1, report), end: cells.end };
  },
};

/** The data row of a table grid with every cell empty: fifteen blank cells, as printed. */
const blankRow: ReviewsStrategy = {
  name: "blank-row",
  needs: ["grid"],
  read: ({ g }) =>
    !g.values.length && g.blankRow !== undefined ? asTokens(new Array(WIDTH).fill(undefined), 1) : undefined,
};

/**
 * Fifteen figures: the row as printed. Fifteen whose groups do not add up with more figures after
 * them (in the row, or on the next line) may hold a wrapped figure's part or a
 * figure that is no cell: read as printed, and said (a 总计 printed 0 with nothing after it is the
 * report's own fault, for the validator to tell).
 */
const asPrinted: ReviewsStrategy = {
  name: "as-printed",
  needs: [],
  read: ({ ctx, g, where, addsUp }) => {
    if (g.values.length < WIDTH) return undefined;
    const c = asTokens(g.values.slice(0, WIDTH), 1);
    if (addsUp(c.readings[0] as number[])) return c;
    // More figures than cells (in the row, or on the next line): one may be a wrapped figure's
    // part or a figure that is no cell (an index, a line number).
    const more = g.values.length > WIDTH || figuresFollow(ctx.doc, g.end);
    if (!more) return c;
    const printed = g.values.map((t) => t.text).join(" ");
    return { ...c, report: () => ctx.diags.emit("cell.position-unsure", { row: tableTag(TABLE), printed }, where) };
  },
};

/** The line after `end` holds figures only: the rest of a wrapped figure, or more figures than cells. */
function figuresFollow(doc: SourceDoc, end: number): boolean {
  const next = doc.lines[end + 1];
  return !!next && next.tokens.length > 0 && next.tokens.every(isValue);
}

const byGrid: ReviewsStrategy = {
  name: "grid-columns",
  needs: [],
  read: ({ ctx, g, where, addsUp }) => {
    const { values } = g;
    if (!values.length || values.length >= WIDTH) return undefined;
    const centres = headerCentres(g.headerTokens) ?? leafCentres(g.headerTokens) ?? gridCentres(g.headerTokens, WIDTH);
    // A text table row of a label cell and fifteen cells: each figure in its own cell, when no
    // placement by the header adds up (its totals are then the validator's to tell).
    const own = ownRowColumns(values, WIDTH);
    const inOwnCells = own ? placeByPosition(values, own) : undefined;
    const grid = centres ? placeByGrid(values, centres, addsUp, inOwnCells) : undefined;
    if (!grid) return inOwnCells ? asTokens(inOwnCells, 1) : undefined;
    if ("placed" in grid) return grid.placed ? asTokens(grid.placed, 1) : undefined;
    // The header and the row may be one cell apart either way, and both placements add up.
    const report = (readings: readonly (readonly number[])[]) => {
      if (readings.length > 1)
        ctx.diags.emit(
          "split.ambiguous",
          { row: tableTag(TABLE), candidates: readings },
          { ...where, candidates: readings.map((x) => [...x]) },
        );
    };
    return { readings: grid.readings, printed: 1, by: RULE_REVIEW_TOTAL, report };
  },
};

/** Grid columns a row of figures may be offset by against its header (an empty leading cell). */
const GRID_OFFSETS = [0, -1, 1];

/**
 * The figures placed by the header's positions, and one column over either way (a text table
 * whose data row has one more or one less leading cell than its header): the one placement that
 * adds up; the readings when several different ones do; else the row's own cells when it has
 * them (`inOwnCells`), or the positions as printed.
 */
function placeByGrid(
  values: readonly Token[],
  centres: readonly number[],
  addsUp: (values: readonly number[]) => boolean,
  inOwnCells?: (Token | undefined)[],
): { placed: (Token | undefined)[] | undefined } | { readings: number[][] } {
  let first: (Token | undefined)[] | undefined;
  const fits = new Map<string, (Token | undefined)[]>();
  for (const d of GRID_OFFSETS) {
    const moved = values.map((t) => (t.pos === undefined ? t : { ...t, pos: t.pos + d }));
    const placed = placeByPosition(moved, centres);
    if (!placed) continue;
    first ??= d === 0 ? placed : undefined;
    const nums = valuesOf(placed);
    if (addsUp(nums) && !fits.has(nums.join(",")))
      fits.set(
        nums.join(","),
        placed.map((t) => (t ? (values[moved.indexOf(t)] as Token) : undefined)),
      );
  }
  if (fits.size > 1) return { readings: [...fits.keys()].map((k) => k.split(",").map(Number)) };
  return { placed: fits.values().next().value ?? inOwnCells ?? first };
}

/** Figures run together: split so that every group total adds up; with no such split, the plain splits. */
const runTogether: ReviewsStrategy = {
  name: "run-together",
  needs: ["runs"],
  read: ({ ctx, g, where, addsUp, soFar }) => {
    const { values } = g;
    if (values.length >= WIDTH || !values.some((t) => t.digits)) return undefined;
    const pieces = values.map((t) => ({ value: t.value ?? 0, digits: t.digits, signed: t.signed, frac: t.frac }));
    const split = splitRuns(pieces, WIDTH, addsUp, 16, undefined, soFar);
    const total = split.candidates.length > 0;
    // When no split adds up (the document's own totals may be wrong), list the plain splits.
    const loose = total ? undefined : splitRuns(pieces, WIDTH, () => true, 8);
    const all = total ? split.candidates : loose && !loose.truncated ? loose.candidates : [];
    const printed = values.map((t) => t.text).join(" ");
    const row = tableTag(TABLE);
    const report = (readings: readonly (readonly number[])[], by: string) => {
      if (!all.length) ctx.diags.emit("split.impossible", { row, printed }, where);
      else if (readings.length === 1 && total)
        ctx.diags.emit("split.run-together", { row, printed, reading: readings[0] as number[], by }, where);
      else
        ctx.diags.emit(
          "split.ambiguous",
          { row, candidates: readings, ...(total ? {} : { why: "no-total" as const }) },
          { ...where, candidates: readings.map((x) => [...x]) },
        );
    };
    return { readings: all, printed: 0, by: total ? RULE_REVIEW_TOTAL : "digits", report };
  },
};

/** Fewer figures than cells and nothing to place them by: every placement in order that adds up (else every one). */
const inOrder: ReviewsStrategy = {
  name: "in-order",
  needs: [],
  read: ({ ctx, g, where, addsUp }) => {
    const { values } = g;
    // Where cells can run together, a run of digits is the run-together strategy's to split.
    if (!values.length || values.length >= WIDTH || (values.some((t) => t.digits) && meets(ctx.doc, runTogether)))
      return undefined;
    const printed = valuesOf(values);
    const readings = orderedPlacements(printed, WIDTH, addsUp);
    const report = () =>
      ctx.diags.emit("cell.position-unknown", { row: tableTag(TABLE), count: values.length, width: WIDTH }, where);
    const pool = readings.length ? readings : orderedPlacements(printed, WIDTH, () => true);
    return { readings: pool, printed: 0, by: readings.length ? RULE_REVIEW_TOTAL : "order", report };
  },
};

/** Table 四's strategies, in the order they are asked. */
export const REVIEWS_STRATEGIES: readonly ReviewsStrategy[] = [
  blankRow,
  byLabels,
  wrapped,
  reordered,
  asPrinted,
  byGrid,
  runTogether,
  inOrder,
];

/**
 * Candidate readings of one table 三 row (a group of figures matched to a row of the form), one
 * strategy each, in the order they are asked: the figures as printed, a row printed blank, placed
 * by column positions, split where run together, the columns under the header's seven (a column
 * the format does not have left out), cut to the row's width, placed in order. `choose`
 * (src/solve/choose.ts) scores them by the row's total and the share printed; the readings a row
 * keeps then meet the column equations in the table reader.
 */
import { RULE_ROW_TOTAL } from "@gov-report/core/lite";
import type { ReadContext } from "../../context.js";
import type { Named } from "../../diagnostics.js";
import { splitRuns } from "../../digits.js";
import { refOf, type Token } from "../../doc.js";
import type { Candidate } from "../../solve/choose.js";
import { meetsNeed, type Strategy } from "../../strategies/strategy.js";
import { orderedPlacements, placeByPosition } from "../common.js";
import { type Group, WIDTH } from "../groups.js";

export interface RowInput {
  ctx: ReadContext;
  g: Group;
  /** The row's cells' parent path, for diagnostics. */
  path: readonly string[];
  /** The row's printed name, for diagnostics (looked up only when one is emitted). */
  row: () => Named;
  /** Column positions of the table (header or full rows), when the source has positions. */
  centres: number[] | undefined;
  /** The row's total (core's row equation). */
  fits: (row: readonly number[]) => boolean;
}

export interface RowCandidate extends Candidate {
  /** One token per cell when the cells are read as printed or blank. */
  tokens?: (Token | undefined)[];
  by: string;
  /** The figures as printed (for diagnostics of a split). */
  text(): string;
  /** The reading's diagnostics once chosen. */
  report(): void;
}

type RowStrategy = Strategy<RowInput, RowCandidate>;

const valuesOf = (tokens: readonly (Token | undefined)[]) =>
  tokens.map((t) => (t?.kind === "num" ? (t.value as number) : 0));
const whereOf = (i: RowInput) => ({ path: [...i.path], source: refOf(i.ctx.doc, i.g.line) });
const textOf = (i: RowInput) => i.g.tokens.map((t) => t.text).join(" ");

const tokensCandidate = (i: RowInput, tokens: (Token | undefined)[], report = () => {}): RowCandidate => ({
  tokens,
  readings: [valuesOf(tokens)],
  printed: 1,
  by: "printed",
  text: () => textOf(i),
  report,
});

/**
 * Seven figures: the row as printed. Outside a table grid — on a printed page, in a flow of text —
 * seven figures that break the row's total may be a wrapped figure's part and a column the format
 * does not have, or figures of two rows (blank cells print nothing): read as printed, and said.
 */
const asPrinted: RowStrategy = {
  name: "as-printed",
  needs: [],
  read: (i) => {
    if (i.g.tokens.length !== WIDTH) return undefined;
    const c = tokensCandidate(i, i.g.tokens);
    // In a table grid the seven are the row's cells: a total that fails is the report's own fault.
    if (meetsNeed(i.ctx.doc, "grid") || i.fits(c.readings[0] as number[])) return c;
    return { ...c, report: sayUnsure(i) };
  },
};

/** The report of a reading whose figures, placed as read, break the row's total. */
const sayUnsure = (i: RowInput) => () =>
  i.ctx.diags.emit("cell.position-unsure", { row: i.row(), printed: textOf(i) }, whereOf(i));

/** Fewer figures than columns, each under the nearest of the columns' positions (undefined without them). */
const placedByColumns = (i: RowInput) =>
  i.g.tokens.length < WIDTH && i.centres ? placeByPosition(i.g.tokens, i.centres) : undefined;

/** A row printed with its label and every cell blank. */
const blankRow: RowStrategy = {
  name: "blank-row",
  needs: [],
  read: (i) => (i.g.blank ? tokensCandidate(i, new Array<Token | undefined>(WIDTH).fill(undefined)) : undefined),
};

/** Fewer figures than columns in a table grid: each figure in its cell's column. */
const byPosition: RowStrategy = {
  name: "grid-columns",
  needs: ["grid"],
  read: (i) => {
    const placed = placedByColumns(i);
    return placed ? tokensCandidate(i, placed) : undefined;
  },
};

/**
 * Fewer figures than columns on a printed page (PDF, text laid out in columns): each figure under
 * the nearest column. Positions on a page are near, not exact (pdftotext shifts a line's figures
 * by its Chinese characters; a letter-spaced cell spreads): a placement that breaks the row's
 * total is not taken as printed, so the placements in order that keep it are weighed against it.
 */
const byPagePosition: RowStrategy = {
  name: "page-columns",
  needs: ["printed-page"],
  read: (i) => {
    const placed = placedByColumns(i);
    if (!placed) return undefined;
    const c = tokensCandidate(i, placed);
    return i.fits(c.readings[0] as number[]) ? c : { ...c, printed: i.g.tokens.length / WIDTH, report: sayUnsure(i) };
  },
};

const runTogether: RowStrategy = {
  name: "run-together",
  needs: ["runs"],
  read: (i) => {
    const tokens = i.g.tokens;
    if (tokens.length >= WIDTH || !tokens.some((t) => t.digits)) return undefined;
    const split = splitRuns(
      tokens.map((t) => ({ value: t.value ?? 0, digits: t.digits, signed: t.signed, frac: t.frac })),
      WIDTH,
      i.fits,
    );
    const text = textOf(i);
    const report = () => {
      const where = whereOf(i);
      if (!split.candidates.length) i.ctx.diags.emit("split.impossible", { row: i.row(), printed: text }, where);
      else if (split.candidates.length === 1)
        i.ctx.diags.emit(
          "split.run-together",
          { row: i.row(), printed: text, reading: split.candidates[0] as number[], by: RULE_ROW_TOTAL },
          where,
        );
    };
    return { readings: split.candidates, printed: 0, by: RULE_ROW_TOTAL, text: () => text, report };
  },
};

/** Tables whose rows told of a column the format does not have (one diagnostic per table). */
const EXTRA_COLUMN_TOLD = new WeakSet<ReadContext>();

/**
 * More figures than columns in a table grid whose header places the seven columns: the figures
 * under those headers, the others (a column the format does not have, such as a 小计 of the
 * 法人或其他组织) left out, said once for the table.
 */
const headerColumns: RowStrategy = {
  name: "header-columns",
  needs: ["grid"],
  read: (i) => {
    const centres = i.centres;
    if (i.g.tokens.length <= WIDTH || !centres) return undefined;
    const kept = i.g.tokens.filter((t) => t.pos !== undefined && centres.includes(t.pos));
    const placed = kept.length ? placeByPosition(kept, centres) : undefined;
    if (!placed) return undefined;
    const left = i.g.tokens.filter((t) => !kept.includes(t));
    return tokensCandidate(i, placed, () => {
      if (EXTRA_COLUMN_TOLD.has(i.ctx)) return;
      EXTRA_COLUMN_TOLD.add(i.ctx);
      const figures = left.map((t) => t.text).join(" ");
      i.ctx.diags.emit("column.extra", { row: i.row(), figures }, whereOf(i));
    });
  },
};

/**
 * One or two figures more than columns on a printed page (a 小计 column of 法人或其他组织, a note's
 * figure): the figures left out so that the row's total holds, each such choice a reading. The
 * total decides, never the order: cutting the last figures would take a 小计 for the 总计.
 */
const extraByTotal: RowStrategy = {
  name: "extra-by-total",
  needs: ["printed-page"],
  read: (i) => {
    const tokens = i.g.tokens;
    const extra = tokens.length - WIDTH;
    if (extra < 1 || extra > 2) return undefined;
    const values = valuesOf(tokens);
    const readings = dropsThatFit(values, extra, i.fits);
    if (!readings.length) return undefined;
    const report = () =>
      i.ctx.diags.emit("cell.extra-by-total", { row: i.row(), printed: textOf(i), width: WIDTH }, whereOf(i));
    return { readings, printed: 0, by: RULE_ROW_TOTAL, text: () => textOf(i), report };
  },
};

/** The rows of `values` with `extra` of them left out (in order) that pass `fits`, without repeats. */
function dropsThatFit(values: readonly number[], extra: number, fits: (r: readonly number[]) => boolean): number[][] {
  const out = new Map<string, number[]>();
  for (let a = 0; a < values.length; a++)
    for (let b = extra === 2 ? a + 1 : values.length; b <= values.length; b++) {
      const row = values.filter((_, k) => k !== a && k !== b);
      if (row.length === WIDTH && fits(row)) out.set(row.join(","), row);
    }
  return [...out.values()];
}

const extraCells: RowStrategy = {
  name: "extra-cells",
  needs: [],
  read: (i) =>
    i.g.tokens.length > WIDTH
      ? tokensCandidate(i, i.g.tokens.slice(0, WIDTH), () =>
          i.ctx.diags.emit("cell.extra", { row: i.row(), width: WIDTH }, whereOf(i)),
        )
      : undefined,
};

/** Fewer figures than columns, no positions: every placement in order that passes the row total (else every one). */
const inOrder: RowStrategy = {
  name: "in-order",
  needs: [],
  read: (i) => {
    const tokens = i.g.tokens;
    if (tokens.length >= WIDTH || tokens.some((t) => t.digits)) return undefined;
    const values = valuesOf(tokens);
    const readings = orderedPlacements(values, WIDTH, i.fits);
    const report = () =>
      i.ctx.diags.emit("cell.position-unknown", { row: i.row(), count: tokens.length, width: WIDTH }, whereOf(i));
    return readings.length
      ? { readings, printed: 0, by: RULE_ROW_TOTAL, text: () => textOf(i), report }
      : {
          readings: orderedPlacements(values, WIDTH, () => true),
          printed: 0,
          by: "order",
          text: () => textOf(i),
          report,
        };
  },
};

/** Table 三 row strategies, in the order they are asked. */
export const ROW_STRATEGIES: readonly RowStrategy[] = [
  asPrinted,
  blankRow,
  byPosition,
  byPagePosition,
  runTogether,
  headerColumns,
  extraByTotal,
  extraCells,
  inOrder,
];

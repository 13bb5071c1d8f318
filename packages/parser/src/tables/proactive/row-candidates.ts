/**
 * Candidate readings of one table 二 row (the figures printed for a row found by its label), one
 * strategy each, in the order they are asked: a dash glued between digits, the figures as
 * printed, cut to the row's width, placed by the block's column positions, a row printed blank,
 * split where run together, placed in order. `choose` (src/solve/choose.ts) scores them; table 二
 * has no sums, so the evidence (the text's figures, last year's report) is what narrows them.
 */
import type { Token } from "../../doc.js";
import type { Candidate } from "../../solve/choose.js";
import { gluedReadings, splitTokens } from "../../strategies/run-together-row.js";
import type { Strategy } from "../../strategies/strategy.js";
import { orderedPlacements, placeByPosition } from "../common.js";

export interface ProactiveRowInput {
  /** The figures printed for the row, in printed order. */
  tokens: readonly Token[];
  /** Column positions of the row's block (its header, a grid header, full rows), when known. */
  header: readonly number[] | undefined;
  /** The block's column count. */
  width: number;
  /** The column holding a signed change (本年增/减), or -1. */
  signedAt: number;
}

/** How the candidate read the row: what its diagnostics say once chosen. */
export type ProactiveHow = "placed" | "extra" | "split" | "order";

export interface ProactiveCandidate extends Candidate {
  how: ProactiveHow;
  /** One token per cell when the cells are read as printed, by position or blank. */
  tokens?: (Token | undefined)[];
}

type RowStrategy = Strategy<ProactiveRowInput, ProactiveCandidate>;

const valuesOf = (tokens: readonly (Token | undefined)[]) =>
  tokens.map((t) => (t?.kind === "num" ? (t.value as number) : 0));

const placed = (tokens: (Token | undefined)[], how: ProactiveHow = "placed"): ProactiveCandidate => ({
  how,
  tokens,
  readings: [valuesOf(tokens)],
  printed: 1,
});

/** The dash of "7-129" printed with no spaces: the glued token's index, when a number follows it. */
const gluedAt = (i: ProactiveRowInput) =>
  i.signedAt >= 0 ? i.tokens.findIndex((t, k) => t.glued && i.tokens[k + 1]?.kind === "num") : -1;

/**
 * "7-129" with no spaces and no column positions: a blank cell (7|-|129) or a negative change run
 * together (7|-12|9). Every reading keeps every printed character, so the candidate is printed in
 * full and ends the search with all its readings: the reading as printed is only one of them, and
 * only the evidence may choose.
 */
const gluedDash: RowStrategy = {
  name: "glued-dash",
  needs: [],
  read: (i) => {
    const at = i.header ? -1 : gluedAt(i);
    if (at < 0) return undefined;
    const readings = gluedReadings(i.tokens, at, i.width, i.signedAt);
    return readings.length ? { how: "split", readings, printed: 1 } : undefined;
  },
};

const asPrinted: RowStrategy = {
  name: "as-printed",
  needs: [],
  read: (i) => (i.tokens.length === i.width ? placed([...i.tokens]) : undefined),
};

/** More figures than columns: the first ones fill the row, the rest is said extra. */
const extraCells: RowStrategy = {
  name: "extra-cells",
  needs: [],
  read: (i) => (i.tokens.length > i.width ? placed(i.tokens.slice(0, i.width), "extra") : undefined),
};

const byPosition: RowStrategy = {
  name: "grid-columns",
  needs: [],
  read: (i) => {
    if (i.tokens.length >= i.width || !i.header) return undefined;
    const cells = placeByPosition(i.tokens, i.header);
    return cells ? placed(cells) : undefined;
  },
};

/** A row printed with its label and every cell blank. */
const blankRow: RowStrategy = {
  name: "blank-row",
  needs: [],
  read: (i) => (i.tokens.length ? undefined : placed(new Array<Token | undefined>(i.width).fill(undefined))),
};

const runTogetherSplits = (i: ProactiveRowInput) =>
  i.tokens.some((t) => t.digits) ? splitTokens(i.tokens, i.width, i.signedAt).candidates : [];

/** Fewer figures than columns, some run together: every split into the row's cells (the digits decide one). */
const runTogether: RowStrategy = {
  name: "run-together-row",
  needs: ["runs"],
  read: (i) => {
    if (i.tokens.length >= i.width) return undefined;
    const readings = runTogetherSplits(i);
    return readings.length ? { how: "split", readings, printed: 0 } : undefined;
  },
};

/** Fewer figures than columns that no split reads, nothing to place them by: every placement in order. */
const inOrder: RowStrategy = {
  name: "in-order",
  needs: [],
  read: (i) => {
    if (!i.tokens.length || i.tokens.length >= i.width || runTogetherSplits(i).length) return undefined;
    const readings = orderedPlacements(valuesOf(i.tokens), i.width, () => true);
    return { how: "order", readings, printed: 0 };
  },
};

/** Table 二 row strategies, in the order they are asked. */
export const PROACTIVE_ROW_STRATEGIES: readonly RowStrategy[] = [
  gluedDash,
  asPrinted,
  extraCells,
  byPosition,
  blankRow,
  runTogether,
  inOrder,
];

/**
 * What a strategy needs of the source, declared on the strategy as data. A table reader asks its
 * ordered list of strategies and uses those whose needs the source meets: no table reader tests
 * the kind of source itself, and a new layout is a new strategy with its needs.
 */
import type { SourceDoc } from "../doc.js";

export type Need =
  /** Tokens carry positions: x on a PDF page, the grid column of an HTML, Word or `|` table. */
  | "positions"
  /** Figures come as a flow of text with no positions: rows are told apart by their count. */
  | "text-flow"
  /** A printed page: a narrow cell wraps its figure over several lines. */
  | "printed-page"
  /** Positions are the columns of a table grid (HTML, Word, `|` text), exact, not x on a page. */
  | "grid"
  /**
   * The source may run a table's cells together ("640020470" for 64|0|0|2|0|4|70): text with no
   * positions, or a PDF page whose items merge across narrow columns. A table grid (HTML, Word,
   * `|` text) keeps every cell apart, so a figure there is one cell's, never several run together.
   */
  | "runs";

export interface StrategyInfo {
  /** Kebab-case name, as in the module's file name and the decision record. */
  readonly name: string;
  readonly needs: readonly Need[];
}

/** A strategy that reads an input into a reading, or says it does not apply (undefined). */
export interface Strategy<I, O> extends StrategyInfo {
  read(input: I): O | undefined;
}

const MET: Record<Need, (doc: SourceDoc) => boolean> = {
  positions: (doc) => doc.positional,
  "text-flow": (doc) => !doc.positional,
  "printed-page": (doc) => doc.kind === "pdf" || doc.laidOut === true,
  grid: (doc) => doc.positional && doc.kind !== "pdf" && !doc.laidOut,
  runs: (doc) => !doc.positional || doc.kind === "pdf" || doc.laidOut === true,
};

/** Whether the source gives the strategy everything it declares it needs. */
export function meets(doc: SourceDoc, strategy: StrategyInfo): boolean {
  for (const n of strategy.needs) if (!MET[n](doc)) return false;
  return true;
}

/** Whether the source meets one need (a strategy that reads differently by the source's kind of positions). */
export function meetsNeed(doc: SourceDoc, need: Need): boolean {
  return MET[need](doc);
}

/** The reading of the first strategy, in order, whose needs the source meets and which applies. */
export function firstReading<I, O>(doc: SourceDoc, strategies: readonly Strategy<I, O>[], input: I): O | undefined {
  for (const s of strategies) {
    if (!meets(doc, s)) continue;
    const out = s.read(input);
    if (out !== undefined) return out;
  }
  return undefined;
}

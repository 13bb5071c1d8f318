/**
 * Candidate readings of a table (or a row group), asked of strategies in order and scored: by the
 * constraints (every reading of the candidate satisfies the format's equations), by the evidence
 * (the report's own figures and last year's report narrow its readings) and by the share of
 * cells read as printed. The strategies are asked lazily, cheapest and closest to the source
 * first: a candidate printed in full ends the search, since the strategies after it only guess
 * what the source already says (when its totals fail, the validator reports the table as printed).
 */
import type { SourceDoc } from "../doc.js";
import { meets, type Strategy } from "../strategies/strategy.js";

/** A strategy's reading of the cells, in the table's cell order. */
export interface Candidate {
  /** The readings the strategy leaves: one when it is sure, none when the figures fit no reading. */
  readings: readonly (readonly number[])[];
  /**
   * Share of the cells read as printed or blank (1: the source fixes every cell). A candidate
   * printed in full may still carry several readings when the print itself reads several ways (a
   * dash glued between digits, a row one grid cell off its header): it ends the search all the
   * same, so a later candidate holding only one of those readings (the one as printed) cannot drop
   * the others; only the evidence narrows them.
   */
  printed: number;
}

export interface Judge {
  /** Whether a reading satisfies every equation of the table (core's constraints). */
  fits(reading: readonly number[]): boolean;
  /** The readings the evidence leaves (asked only of several), and the name of the evidence when it narrowed them. */
  weigh(readings: readonly (readonly number[])[]): { readings: (readonly number[])[]; by?: string };
}

export interface Chosen<C extends Candidate> {
  candidate: C;
  /** The candidate's readings left by the evidence. */
  readings: (readonly number[])[];
  /** The evidence that narrowed them, if any. */
  by?: string;
  fits: boolean;
}

/** Better: satisfies the constraints, then more printed, then fewer readings left; ties keep the earlier. */
function better(a: Chosen<Candidate>, b: Chosen<Candidate>): boolean {
  if (a.fits !== b.fits) return a.fits;
  if (a.candidate.printed !== b.candidate.printed) return a.candidate.printed > b.candidate.printed;
  return a.readings.length < b.readings.length;
}

/** The best-scoring candidate of the strategies whose needs the source meets, or undefined when none reads. */
export function choose<I, C extends Candidate>(
  doc: SourceDoc,
  strategies: readonly Strategy<I, C>[],
  input: I,
  judge: Judge,
): Chosen<C> | undefined {
  let best: Chosen<C> | undefined;
  for (const s of strategies) {
    if (!meets(doc, s)) continue;
    const candidate = s.read(input);
    if (!candidate) continue;
    const fits = candidate.readings.length > 0 && candidate.readings.every((r) => judge.fits(r));
    // One reading leaves the evidence nothing to choose between.
    const weighed =
      candidate.readings.length > 1 ? judge.weigh(candidate.readings) : { readings: [...candidate.readings] };
    const scored: Chosen<C> = {
      candidate,
      readings: weighed.readings,
      fits,
      ...(weighed.by ? { by: weighed.by } : {}),
    };
    if (!best || better(scored, best)) best = scored;
    if (candidate.printed === 1) break;
  }
  return best;
}

/**
 * Strategy "wrapped row": on a printed page, figures too wide for their narrow cells wrap
 * ("100" over "6") with the other cells of the row centred between, so one row spans several
 * lines. The lines are stacked column by column (by the header's positions, or by clusters of the
 * figures' own positions) and the result taken when the row's equations then hold.
 */
import type { SourceDoc, Token } from "../doc.js";
import { isValue, stackColumns } from "../tables/common.js";
import type { StrategyInfo } from "./strategy.js";

/** The lines are stacked by the figures' positions. */
export const WRAPPED_ROW: StrategyInfo = { name: "wrapped-row", needs: ["positions"] };

/** The row's width, its equations, and the words that may sit between its lines (header pieces). */
export interface WrappedRowShape {
  width: number;
  addsUp: (values: readonly number[]) => boolean;
  isHeaderWords: (key: string) => boolean;
}

/**
 * Figures too wide for table 四's narrow cells wrap ("100" over "6"), the other cells centred
 * between: the data row then spans up to six lines (a figure can wrap twice). When the figures as
 * read do not make three groups that add up, the lines from the first figure on are stacked
 * column by column (by the header's positions) and taken if they do.
 */
export function wrappedRow(
  doc: SourceDoc,
  first: number,
  values: readonly Token[],
  header: readonly number[] | undefined,
  shape: WrappedRowShape,
): { tokens: (Token | undefined)[]; wrapped: string[]; lines: number; end: number } | undefined {
  const { width, addsUp, isHeaderWords } = shape;
  if (first < 0 || (values.length === width && addsUp(values.map((t) => t.value ?? 0)))) return undefined;
  const lines: Token[][] = [];
  for (let i = first; i < doc.lines.length && lines.length < 6; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    const vals = l.tokens.filter(isValue);
    if (!vals.length) {
      if (isHeaderWords(l.key) || !l.key) continue;
      break;
    }
    lines.push(vals);
    if (lines.length < 2) continue;
    // The header's positions, else (or when they stack nothing that adds up: figures aligned to
    // one side of uneven cells stand away from their header) the figures' own columns.
    for (const centres of [header, clusterCentres(lines.flat(), width, columnGap(lines))]) {
      if (!centres) continue;
      const stacked = stackColumns(lines, centres, true);
      if (stacked?.wrapped.length && addsUp(stacked.tokens.map((t) => t?.value ?? 0)))
        return { ...stacked, lines: lines.length, end: i };
    }
  }
  return undefined;
}

/**
 * Column positions from the figures themselves when the header's are not known (a header printed
 * one character per line): positions closer than CLUSTER_GAP are one column; `width` columns or none.
 */
export function clusterCentres(tokens: readonly Token[], width: number, gap = CLUSTER_GAP): number[] | undefined {
  const xs = tokens.map((t) => t.pos).filter((x): x is number => x !== undefined);
  xs.sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && x - (last[last.length - 1] as number) < gap) last.push(x);
    else out.push([x]);
  }
  if (out.length !== width) return undefined;
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** Points between the centres of two figures of one column (half a digit apart at most when wrapped). */
const CLUSTER_GAP = 12;

/**
 * How far apart two figures of one column may stand: CLUSTER_GAP, or less than half the closest
 * two figures of the row's fullest line when its columns are closer (text laid out in columns,
 * whose positions are characters, not points).
 */
function columnGap(lines: readonly Token[][]): number {
  const fullest = lines.reduce((a, b) => (b.length > a.length ? b : a), [] as Token[]);
  const xs = fullest.map((t) => t.pos).filter((x): x is number => x !== undefined);
  xs.sort((a, b) => a - b);
  let closest = Number.POSITIVE_INFINITY;
  for (let k = 1; k < xs.length; k++) closest = Math.min(closest, (xs[k] as number) - (xs[k - 1] as number));
  return Math.min(CLUSTER_GAP, closest / 2);
}

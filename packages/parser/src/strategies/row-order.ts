/**
 * Strategy "rows in order": a table's figures, in text order, read as its rows with no label to
 * place them — each stretch of rows printed across, or column by column (a cell block of n rows
 * whose columns are text flows), or with a page's last columns after its other figures. Every row
 * must pass its own total and the whole the column equations; a reading is taken only when it is
 * the only one (plain PDF-to-text output, see tables/applications.ts).
 */
import type { StrategyInfo } from "./strategy.js";

/**
 * Rows matched by label but short of figures are read in order too where figures are a text flow
 * (plain output of a table that runs onto another page prints its last columns after the table);
 * in a grid a short row is a row with blank cells.
 */
export const SHORT_ROWS_IN_ORDER: StrategyInfo = { name: "row-order:short-rows", needs: ["text-flow"] };

/** The rows' width and their own check (总计 = the sum of the parts). */
export interface RowShape {
  width: number;
  rowAddsUp: (row: readonly number[]) => boolean;
}

export interface SplitReading {
  rows: number[][];
  columnBlocks: number;
  /** Where a page's last columns came after its other figures: first row, and how many columns. */
  splits: { row: number; columns: number }[];
}

/** Readings kept per stretch of rows; the callers need one, and to know if there are more. */
const MAX_PARTIAL = 4;
/** Stretches tried in all (rows × rows × 7 at most; real tables need far fewer). */
const MAX_SPLIT_TRIES = 1500;

/**
 * The table as stretches of rows (one per page): each stretch is either whole rows (across or in
 * column blocks), or the first m figures of each of its rows followed by their last 7 − m (again
 * across or in column blocks). Memoized over the first row of a stretch; the reading is taken
 * when exactly one passes the column totals.
 */
export function readSplitColumns(
  values: readonly number[],
  n: number,
  shape: RowShape,
  accept: (rows: readonly number[][]) => boolean,
): SplitReading | undefined {
  const { width } = shape;
  const memo = new Map<number, SplitReading[]>();
  let budget = MAX_SPLIT_TRIES;
  const solve = (r: number): SplitReading[] => {
    if (r === n) return [{ rows: [], columnBlocks: 0, splits: [] }];
    const hit = memo.get(r);
    if (hit) return hit;
    const out: SplitReading[] = [];
    for (let end = n; end > r && out.length < MAX_PARTIAL && budget > 0; end--) {
      const rest = solve(end);
      if (!rest.length) continue;
      for (let m = width; m >= 1 && out.length < MAX_PARTIAL && budget-- > 0; m--) {
        for (const piece of stretchPieces(values, r, end - r, m, shape)) {
          for (const tail of rest) {
            if (out.length >= MAX_PARTIAL) break;
            out.push({
              rows: [...piece.rows, ...tail.rows],
              columnBlocks: piece.columnBlocks + tail.columnBlocks,
              splits: [...(m === width ? [] : [{ row: r, columns: width - m }]), ...tail.splits],
            });
          }
        }
      }
    }
    memo.set(r, out);
    return out;
  };
  const readings = solve(0);
  if (budget <= 0) return undefined;
  return onlyAccepted(readings, accept);
}

/**
 * Readings of `count` rows from row `r`: whole rows (m = 7), or the first m figures of each row
 * followed by their last 7 − m; each row must add up.
 */
function stretchPieces(
  values: readonly number[],
  r: number,
  count: number,
  m: number,
  { width, rowAddsUp }: RowShape,
): { rows: number[][]; columnBlocks: number }[] {
  const at = r * width;
  if (m === width)
    return cutIntoRows(
      values.slice(at, at + count * width),
      width,
      (_, row) => rowAddsUp(row),
      () => true,
    ).readings;
  const heads = Array.from({ length: count }, (_, i) => values.slice(at + i * m, at + (i + 1) * m));
  const tails = cutIntoRows(
    values.slice(at + count * m, at + count * width),
    width - m,
    (i, tail) => rowAddsUp([...(heads[i] as number[]), ...tail]),
    () => true,
  );
  return tails.readings.map((t) => ({
    rows: t.rows.map((tail, i) => [...(heads[i] as number[]), ...tail]),
    columnBlocks: t.columnBlocks,
  }));
}

/** The one distinct reading with a split that `accept` takes, or undefined (none, or several). */
function onlyAccepted(readings: readonly SplitReading[], accept: (rows: readonly number[][]) => boolean) {
  const found: SplitReading[] = [];
  const seen = new Set<string>();
  for (const reading of readings) {
    if (!reading.splits.length || !accept(reading.rows)) continue;
    const key = reading.rows.map((row) => row.join(",")).join(";");
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(reading);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Longest stretch of rows printed column by column that is looked for (table 三 has 26 rows). */
const MAX_BLOCK_ROWS = 32;
/** Bound on the search for a reading (pieces tried); real tables need a few dozen. */
const MAX_STEPS = 20_000;
/** Readings collected before the search stops: the callers want one, and to know if there are more. */
const MAX_READINGS = 4;

/**
 * Cuts figures (rows × width, in text order) into rows: each piece is one row printed across, or
 * k rows printed column by column; every resulting row must pass `rowOk` (e.g. 总计 = the sum of
 * the six) and the whole must pass `accept` (the column totals). Depth-first over the row
 * boundaries, rows printed across tried first, pruned by which boundaries can still reach the
 * end. A block of zeros reads the same either way and is not tried as a block. Returns the
 * distinct readings found (at most MAX_READINGS) and whether the search was complete.
 */
export function cutIntoRows(
  values: readonly number[],
  width: number,
  rowOk: (index: number, row: readonly number[]) => boolean,
  accept: (rows: readonly number[][]) => boolean,
): { readings: { rows: number[][]; columnBlocks: number }[]; complete: boolean } {
  const none = { readings: [], complete: true };
  if (values.length % width) return { readings: [], complete: true };
  const n = values.length / width;
  if (!n) return { readings: [{ rows: [], columnBlocks: 0 }], complete: true };
  const v = (i: number) => values[i] as number;
  const across = (r: number) => values.slice(r * width, (r + 1) * width) as number[];
  // A block of k rows starting at row r: column c of its row i is figure r·width + c·k + i.
  const blockRows = (r: number, k: number) =>
    Array.from({ length: k }, (_, i) => Array.from({ length: width }, (_, c) => v(r * width + c * k + i)));
  const blockOk = (r: number, k: number) => {
    const rows = blockRows(r, k);
    return rows.every((row, i) => rowOk(r + i, row)) && rows.some((row) => row.some((x) => x !== 0));
  };
  // reach[r]: the pieces from row r that can still be continued to the end.
  const reach: number[][] = Array.from({ length: n + 1 }, () => []);
  const ok: boolean[] = new Array(n + 1).fill(false);
  ok[n] = true;
  for (let r = n - 1; r >= 0; r--) {
    const steps = reach[r] as number[];
    if (ok[r + 1] && rowOk(r, across(r))) steps.push(1);
    if (width > 1)
      for (let k = 2; k <= MAX_BLOCK_ROWS && r + k <= n; k++) if (ok[r + k] && blockOk(r, k)) steps.push(k);
    ok[r] = steps.length > 0;
  }
  if (!ok[0]) return none;
  const found: { rows: number[][]; columnBlocks: number }[] = [];
  const rows: number[][] = [];
  let budget = MAX_STEPS;
  const same = (a: number[][], b: number[][]) => a.every((row, i) => row.every((x, c) => x === b[i]?.[c]));
  const dfs = (r: number, blocks: number) => {
    if (found.length >= MAX_READINGS || budget-- <= 0) return;
    if (r === n) {
      if (accept(rows) && !found.some((f) => same(f.rows, rows)))
        found.push({ rows: rows.map((x) => [...x]), columnBlocks: blocks });
      return;
    }
    for (const k of reach[r] as number[]) {
      const piece = k === 1 ? [across(r)] : blockRows(r, k);
      rows.push(...piece);
      dfs(r + k, blocks + (k === 1 ? 0 : 1));
      rows.length -= k;
    }
  };
  dfs(0, 0);
  return { readings: found, complete: budget > 0 && found.length < MAX_READINGS };
}

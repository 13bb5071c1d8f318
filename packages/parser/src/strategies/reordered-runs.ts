/**
 * Strategy "reordered runs": figures printed in pieces out of order (plain PDF-to-text output of
 * table 四 prints each group's four results, then its total, apart). The runs — figures with no
 * words between them — are put in every order; the orders in which every group adds up are the
 * candidates, fewest pieces moved first.
 */
import type { StrategyInfo } from "./strategy.js";

/** Pieces out of order come from a text flow; a grid keeps each figure in its column. */
export const REORDERED_RUNS: StrategyInfo = { name: "reordered-runs", needs: ["text-flow"] };

/** Most runs whose orders are tried (7! = 5,040 orders). */
const MAX_RUNS = 7;

/**
 * Plain PDF-to-text output can print table 四's 15 figures in pieces and out of order (each
 * group's four results, then its total, apart). When the figures as printed do not make three
 * groups whose 总计 is the sum of the other four, the pieces are put in every order: the orders
 * that do, fewest pieces moved first, are the candidates. Undefined when the order as printed
 * adds up, there is one piece, or no order adds up (the totals may really be wrong).
 */
export function reorderRuns(
  nums: readonly (number | undefined)[],
  runOf: readonly number[],
  groupsAddUp: (values: readonly number[]) => boolean,
): { candidates: number[][]; runs: number } | undefined {
  if (nums.some((v) => typeof v !== "number")) return undefined;
  const flat = nums as number[];
  if (groupsAddUp(flat)) return undefined;
  const runs: number[][] = [];
  flat.forEach((v, i) => {
    const r = runOf[i] as number;
    if (!runs[r]) runs[r] = [];
    (runs[r] as number[]).push(v);
  });
  if (runs.length < 2 || runs.length > MAX_RUNS) return undefined;
  const found: { order: number[]; moved: number; values: number[] }[] = [];
  const order: number[] = [];
  const used = new Array<boolean>(runs.length).fill(false);
  const permute = () => {
    if (order.length === runs.length) {
      const v = order.flatMap((r) => runs[r] as number[]);
      if (!groupsAddUp(v)) return;
      let moved = 0;
      for (let i = 0; i < order.length; i++)
        for (let j = i + 1; j < order.length; j++) if ((order[i] as number) > (order[j] as number)) moved++;
      if (!found.some((f) => f.values.every((x, i) => x === v[i]))) found.push({ order: [...order], moved, values: v });
      return;
    }
    for (let r = 0; r < runs.length; r++) {
      if (used[r]) continue;
      used[r] = true;
      order.push(r);
      permute();
      order.pop();
      used[r] = false;
    }
  };
  permute();
  if (!found.length) return undefined;
  found.sort((a, b) => a.moved - b.moved);
  return { candidates: found.slice(0, 8).map((f) => f.values), runs: runs.length };
}

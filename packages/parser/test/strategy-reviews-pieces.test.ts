/** Strategies "reordered runs" and "grid columns" (table 四's pieces and a generic grid header). */
import { describe, expect, it } from "vitest";
import type { Token } from "../src/doc.js";
import { gridCentres } from "../src/strategies/grid-columns.js";
import { reorderRuns } from "../src/strategies/reordered-runs.js";

// Two groups of three: two results and their total.
const groupsAddUp = (v: readonly number[]) => v[2] === (v[0] ?? 0) + (v[1] ?? 0) && v[5] === (v[3] ?? 0) + (v[4] ?? 0);

describe("reordered runs", () => {
  it("puts pieces printed out of order back so that every group adds up", () => {
    // Printed: group 2's results, then group 1, then group 2's total: runs [4 1] [2 3 5] [5].
    const r = reorderRuns([4, 1, 2, 3, 5, 5], [0, 0, 1, 1, 1, 2], groupsAddUp);
    expect(r?.runs).toBe(3);
    // Both orders add up (the caller weighs them or reports them ambiguous); fewest moves first.
    expect(r?.candidates).toEqual([
      [4, 1, 5, 2, 3, 5],
      [2, 3, 5, 4, 1, 5],
    ]);
  });

  it("leaves figures that add up as printed, and says nothing when no order adds up", () => {
    expect(reorderRuns([2, 3, 5, 4, 1, 5], [0, 0, 0, 1, 1, 1], groupsAddUp)).toBeUndefined();
    expect(reorderRuns([1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 2, 2], groupsAddUp)).toBeUndefined();
    expect(reorderRuns([1, undefined, 1], [0, 1, 2], groupsAddUp)).toBeUndefined();
  });
});

const cell = (text: string, pos: number, line = 0): Token => ({ kind: "text", text, pos, line });

describe("grid columns", () => {
  it("takes the positions of a header row with one cell per column, after its corner cell", () => {
    const header = [cell("类别", 0), cell("数据1", 1), cell("数据2", 2), cell("数据3", 3)];
    expect(gridCentres(header, 3)).toEqual([1, 2, 3]);
    expect(gridCentres(header.slice(1), 3)).toEqual([1, 2, 3]);
    // Without its corner cell the header may be one cell off the rows: refused when asked.
    expect(gridCentres(header.slice(1), 3, true)).toBeUndefined();
    expect(gridCentres(header, 3, true)).toEqual([1, 2, 3]);
  });

  it("a row with another number of cells, or cells out of order, gives no columns", () => {
    expect(gridCentres([cell("类别", 0), cell("数据1", 1)], 3)).toBeUndefined();
    expect(gridCentres([cell("a", 2), cell("b", 1), cell("c", 3)], 3)).toBeUndefined();
  });
});

import type { Constraint } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { type Locate, zeroRows } from "../src/solve/rows.js";

// Rows 0–2 are parts, row 3 their total, in two columns: row3[c] = row0[c] + row1[c] + row2[c].
const COLUMN_TOTALS: Constraint[] = [0, 1].map((col) => ({
  id: `t:${col}`,
  code: "applications.column-total",
  terms: [
    ...[0, 1, 2].map((row) => ({ path: [`r${row}`, `c${col}`], coef: 1 })),
    { path: ["r3", `c${col}`], coef: -1 },
  ],
}));
const locate: Locate = (path) => ({ row: Number(String(path[0]).slice(1)), col: Number(String(path[1]).slice(1)) });

describe("zeroRows", () => {
  it("proves a row with no figures 0 when the other rows balance the total exactly", () => {
    const known = new Map([
      [0, [3, 1]],
      [1, [2, 0]],
      [3, [5, 1]],
    ]);
    expect(zeroRows(COLUMN_TOTALS, locate, known, [2], 2)).toEqual(new Map([[2, "applications.column-total"]]));
  });

  it("proves two such rows together (counts are never negative)", () => {
    const known = new Map([
      [0, [3, 1]],
      [3, [3, 1]],
    ]);
    expect([...zeroRows(COLUMN_TOTALS, locate, known, [1, 2], 2).keys()]).toEqual([1, 2]);
  });

  it("proves nothing when the total is not balanced (the row's figures may be elsewhere)", () => {
    const known = new Map([
      [0, [3, 1]],
      [1, [2, 0]],
      [3, [6, 1]],
    ]);
    expect(zeroRows(COLUMN_TOTALS, locate, known, [2], 2).size).toBe(0);
  });

  it("proves nothing when the total itself is missing too, or only some columns balance", () => {
    expect(
      zeroRows(
        COLUMN_TOTALS,
        locate,
        new Map([
          [0, [3, 1]],
          [1, [2, 0]],
        ]),
        [2, 3],
        2,
      ).size,
    ).toBe(0);
    const oneColumn = new Map([
      [0, [3, 1]],
      [1, [2, 0]],
      [3, [5, 4]],
    ]);
    expect(zeroRows(COLUMN_TOTALS, locate, oneColumn, [2], 2).size).toBe(0);
  });
});

/** Strategy "rows in order": figures read as rows by their totals, across, in column blocks or with a page's last columns apart. */
import { describe, expect, it } from "vitest";
import { cutIntoRows, readSplitColumns } from "../src/strategies/row-order.js";

// Rows of three cells whose last is the sum of the other two, like a 总计 column.
const rowAddsUp = (row: readonly number[]) => row[2] === (row[0] ?? 0) + (row[1] ?? 0);
const anyRows = () => true;

describe("rows in order", () => {
  it("reads rows printed across", () => {
    const r = cutIntoRows([1, 2, 3, 4, 5, 9], 3, (_, row) => rowAddsUp(row), anyRows);
    expect(r.readings).toEqual([
      {
        rows: [
          [1, 2, 3],
          [4, 5, 9],
        ],
        columnBlocks: 0,
      },
    ]);
    expect(r.complete).toBe(true);
  });

  it("reads a block of rows printed column by column", () => {
    // Column 1 of both rows, then column 2, then the totals: 1 4 | 2 5 | 3 9.
    const r = cutIntoRows([1, 4, 2, 5, 3, 9], 3, (_, row) => rowAddsUp(row), anyRows);
    expect(r.readings.map((x) => x.rows)).toEqual([
      [
        [1, 2, 3],
        [4, 5, 9],
      ],
    ]);
    expect(r.readings[0]?.columnBlocks).toBe(1);
  });

  it("finds no reading when no row adds up, and keeps every reading the totals allow", () => {
    expect(cutIntoRows([1, 1, 5, 2, 2, 9], 3, (_, row) => rowAddsUp(row), anyRows).readings).toEqual([]);
    // Zeros read the same across and in blocks: one reading, not two.
    expect(cutIntoRows([0, 0, 0, 0, 0, 0], 3, (_, row) => rowAddsUp(row), anyRows).readings).toHaveLength(1);
  });

  it("puts back a page's last column printed after the page's other figures", () => {
    // Row 0 whole; rows 1–2 give their first two figures, then their totals (9, 4) follow.
    const values = [1, 2, 3, 4, 5, 2, 2, 9, 4];
    const accept = (rows: readonly number[][]) => rows.length === 3;
    const r = readSplitColumns(values, 3, { width: 3, rowAddsUp }, accept);
    expect(r?.rows).toEqual([
      [1, 2, 3],
      [4, 5, 9],
      [2, 2, 4],
    ]);
    expect(r?.splits).toEqual([{ row: 1, columns: 1 }]);
  });

  it("takes no split reading when the column equations reject it", () => {
    expect(readSplitColumns([1, 2, 3, 4, 5, 2, 2, 9, 4], 3, { width: 3, rowAddsUp }, () => false)).toBeUndefined();
  });
});

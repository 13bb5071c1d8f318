/** Strategy "wrapped row": a row whose wide figures wrap inside their cells, stacked back by column. */
import { describe, expect, it } from "vitest";
import { makeLine, type SourceDoc, type Token } from "../src/doc.js";
import { clusterCentres, wrappedRow } from "../src/strategies/wrapped-row.js";

const num = (text: string, pos: number, line: number): Token => ({ kind: "num", text, value: Number(text), pos, line });
const docOf = (rows: Token[][]): SourceDoc => ({
  kind: "pdf",
  positional: true,
  lines: rows.map((tokens, i) =>
    makeLine({ text: tokens.map((t) => t.text).join(" "), tokens, lineNo: i + 1, indent: false, trailingSpace: false }),
  ),
});
// One group of three: two parts and their total.
const shape = {
  width: 3,
  addsUp: (v: readonly number[]) => v[2] === (v[0] ?? 0) + (v[1] ?? 0),
  isHeaderWords: () => false,
};

describe("wrapped row", () => {
  // 5 | 95 | 100 printed with "100" wrapped as "10" over "0", the other cells centred between
  // (columns at x = 10, 50, 90: farther apart than the figures of one column).
  const rows = [[num("10", 90, 0)], [num("5", 10, 1), num("95", 50, 1)], [num("0", 90, 2)]];

  it("stacks the lines column by column when the row then adds up", () => {
    const r = wrappedRow(docOf(rows), 0, rows.flat(), [10, 50, 90], shape);
    expect(r?.tokens.map((t) => t?.value)).toEqual([5, 95, 100]);
    expect(r?.wrapped).toEqual(["10/0"]);
    expect(r?.lines).toBe(3);
  });

  it("finds the columns from the figures' own positions when the header gives none", () => {
    const r = wrappedRow(docOf(rows), 0, rows.flat(), undefined, shape);
    expect(r?.tokens.map((t) => t?.value)).toEqual([5, 95, 100]);
  });

  it("leaves a row that already adds up, or that no stacking makes add up", () => {
    const whole = [[num("5", 10, 0), num("95", 50, 0), num("100", 90, 0)]];
    expect(wrappedRow(docOf(whole), 0, whole.flat(), [10, 50, 90], shape)).toBeUndefined();
    const wrong = [[num("10", 90, 0)], [num("5", 10, 1), num("9", 50, 1)], [num("0", 90, 2)]];
    expect(wrappedRow(docOf(wrong), 0, wrong.flat(), [10, 50, 90], shape)).toBeUndefined();
  });

  it("clusters positions into the columns, or gives none for another count", () => {
    const tokens = [num("1", 10, 0), num("2", 11, 1), num("3", 40, 0), num("4", 80, 0)];
    expect(clusterCentres(tokens, 3)).toEqual([10.5, 40, 80]);
    expect(clusterCentres(tokens, 4)).toBeUndefined();
  });
});

/** Strategy "run-together row": splits of table 二's figures printed with no separator. */
import { describe, expect, it } from "vitest";
import { gluedReadings, splitTokens } from "../src/strategies/run-together-row.js";
import { tokenize } from "../src/tokens.js";

describe("run-together row", () => {
  it("a dash glued between digits is a blank cell or the sign of the next figure", () => {
    const tokens = tokenize("7-129", 0);
    const glued = tokens.findIndex((t) => t.glued);
    // Columns: 上一年项目数量 | 本年增/减 (signed) | 处理决定数量.
    expect(gluedReadings(tokens, glued, 3, 1)).toEqual([
      [7, 0, 129],
      [7, -1, 29],
      [7, -12, 9],
    ]);
  });

  it("every split of a run of digits into the row's cells is a candidate", () => {
    const split = splitTokens(tokenize("4521380", 0), 3, -1);
    expect(split.candidates).toContainEqual([45, 21, 380]);
    expect(split.candidates).toContainEqual([4, 52, 1380]);
    expect(split.candidates.every((c) => c.length === 3 && c.join("") === "4521380")).toBe(true);
  });

  it("figures already apart split only one way", () => {
    expect(splitTokens(tokenize("3 1 12", 0), 3, -1).candidates).toEqual([[3, 1, 12]]);
  });
});

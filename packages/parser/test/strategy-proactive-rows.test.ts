/** Table 二 row candidates (src/tables/proactive/row-candidates.ts) asked and scored by `choose`. */
import { describe, expect, it } from "vitest";
import type { SourceDoc, Token } from "../src/doc.js";
import { choose, type Judge } from "../src/solve/choose.js";
import { PROACTIVE_ROW_STRATEGIES, type ProactiveRowInput } from "../src/tables/proactive/row-candidates.js";
import { tokenize } from "../src/tokens.js";

const doc: SourceDoc = { kind: "text", lines: [], positional: false };
/** Table 二 has no sums: every reading fits; this evidence says nothing. */
const silent: Judge = { fits: () => true, weigh: (readings) => ({ readings: [...readings] }) };
/** Columns 上一年项目数量 | 本年增/减 (signed) | 处理决定数量, as in 第（五）项. */
const row = (text: string, header?: number[]): ProactiveRowInput => ({
  tokens: tokenize(text, 0),
  header,
  width: 3,
  signedAt: 1,
});
const read = (input: ProactiveRowInput, judge = silent) => choose(doc, PROACTIVE_ROW_STRATEGIES, input, judge);

describe("table 二 row candidates", () => {
  it("a glued dash keeps every reading, the one as printed among them, for the evidence to choose", () => {
    const chosen = read(row("7-129"));
    expect(chosen?.candidate.how).toBe("split");
    expect(chosen?.readings).toEqual([
      [7, 0, 129],
      [7, -1, 29],
      [7, -12, 9],
    ]);
  });

  it("the evidence narrows a glued dash to one reading and names itself", () => {
    const text: Judge = {
      fits: () => true,
      weigh: (readings) => ({ readings: readings.filter((r) => r[1] === -12), by: "text" }),
    };
    const chosen = read(row("7-129"), text);
    expect(chosen?.readings).toEqual([[7, -12, 9]]);
    expect(chosen?.by).toBe("text");
  });

  it("with column positions the glued dash is a cell of its own, placed as printed", () => {
    const tokens = tokenize("7-129", 0).map((t, i): Token => ({ ...t, pos: i * 10 }));
    const chosen = read({ tokens, header: [0, 10, 20], width: 3, signedAt: 1 });
    expect(chosen?.candidate.how).toBe("placed");
    expect(chosen?.readings).toEqual([[7, 0, 129]]);
  });

  it("one figure per column is read as printed; more are cut to the row and said extra", () => {
    expect(read(row("3 1 12"))?.candidate).toMatchObject({ how: "placed", readings: [[3, 1, 12]], printed: 1 });
    expect(read(row("3 1 12 8"))?.candidate).toMatchObject({ how: "extra", readings: [[3, 1, 12]] });
  });

  it("a row with no figure is blank; fewer figures go by the header's positions when there are some", () => {
    expect(read(row(""))?.candidate.tokens).toEqual([undefined, undefined, undefined]);
    const tokens = tokenize("4 9", 0).map((t, i): Token => ({ ...t, pos: i * 20 }));
    const chosen = read({ tokens, header: [0, 10, 20], width: 3, signedAt: -1 });
    expect(chosen?.readings).toEqual([[4, 0, 9]]);
  });

  it("run-together digits are split into the row's cells; figures no split reads are placed in order", () => {
    const split = read({ ...row("4521380"), signedAt: -1 });
    expect(split?.candidate.how).toBe("split");
    expect(split?.readings).toContainEqual([45, 21, 380]);
    expect(split?.readings.every((r) => r.join("") === "4521380")).toBe(true);
    const order = read({ ...row("5 7"), signedAt: -1 });
    expect(order?.candidate.how).toBe("order");
    expect(order?.readings).toEqual([
      [5, 7, 0],
      [5, 0, 7],
      [0, 5, 7],
    ]);
  });
});

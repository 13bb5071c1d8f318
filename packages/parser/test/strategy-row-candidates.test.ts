/** Table 三 row candidates: which strategy reads a group of figures, and what it leaves. */
import { describe, expect, it } from "vitest";
import { CellBook } from "../src/cells/book.js";
import type { ReadContext } from "../src/context.js";
import { Diagnostics } from "../src/diagnostics.js";
import type { SourceDoc, Token } from "../src/doc.js";
import { NO_EVIDENCE } from "../src/evidence/evidence.js";
import { choose } from "../src/solve/choose.js";
import { ROW_STRATEGIES, type RowInput } from "../src/tables/applications/row-candidates.js";
import type { Group } from "../src/tables/groups.js";

const doc: SourceDoc = {
  kind: "text",
  lines: [{ text: "", key: "", tokens: [], lineNo: 1, indent: false, trailingSpace: false }],
  positional: false,
};
const num = (v: number, pos?: number, digits?: string): Token => ({
  kind: "num",
  text: String(v),
  value: v,
  line: 0,
  ...(pos !== undefined ? { pos } : {}),
  ...(digits ? { digits } : {}),
});
/** 总计 (the last of seven) is the sum of the other six. */
const fits = (r: readonly number[]) => r.slice(0, 6).reduce((a, b) => a + b, 0) === r[6];

/** A table grid (HTML, Word, `|` text): positions are its columns. */
const grid: SourceDoc = { ...doc, kind: "html", positional: true };
/** A printed page: positions are x, near the columns, not on them. */
const page: SourceDoc = { ...doc, kind: "pdf", positional: true };

function read(g: Group, centres?: number[], source: SourceDoc = doc) {
  const ctx: ReadContext = {
    doc: source,
    diags: new Diagnostics(),
    cells: new CellBook("2021"),
    edition: "2021",
    evidence: NO_EVIDENCE,
  };
  const input: RowInput = {
    ctx,
    g,
    path: ["applications", "received"],
    row: () => ({ zh: "行", en: "row" }),
    centres,
    fits,
  };
  const chosen = choose(source, ROW_STRATEGIES, input, { fits, weigh: (readings) => ({ readings: [...readings] }) });
  chosen?.candidate.report();
  return { chosen, codes: ctx.diags.list.map((d) => d.code) };
}

describe("table 三 row candidates", () => {
  it("seven figures are the row as printed", () => {
    const { chosen } = read({ tokens: [1, 2, 0, 0, 0, 0, 3].map((v) => num(v)), before: "", line: 0 });
    expect(chosen?.candidate.tokens?.map((t) => t?.value)).toEqual([1, 2, 0, 0, 0, 0, 3]);
    expect(chosen?.fits).toBe(true);
  });

  it("fewer figures with positions go to their columns; a label-only row is blank", () => {
    const centres = [0, 1, 2, 3, 4, 5, 6];
    for (const source of [grid, page]) {
      const { chosen } = read({ tokens: [num(4, 0), num(4, 6)], before: "", line: 0 }, centres, source);
      expect(chosen?.candidate.readings).toEqual([[4, 0, 0, 0, 0, 0, 4]]);
    }
    const blank = read({ tokens: [], before: "", line: 0, blank: true });
    expect(blank.chosen?.candidate.tokens).toEqual(new Array(7).fill(undefined));
  });

  it("on a printed page, a placement by position that breaks the row total gives way to the orders that keep it", () => {
    const centres = [0, 1, 2, 3, 4, 5, 6];
    // 454 printed a little left of 总计 lands under 其他: the row no longer adds up.
    const tokens = [num(447, 0), num(7, 1), num(454, 5.4)];
    const onPage = read({ tokens, before: "", line: 0 }, centres, page);
    expect(onPage.chosen?.fits).toBe(true);
    expect(onPage.chosen?.candidate.readings).toContainEqual([447, 7, 0, 0, 0, 0, 454]);
    expect(onPage.codes).toContain("cell.position-unknown");
    // No order keeps the total: the placement stays, said to be unsure.
    const broken = read({ tokens: [num(5, 0), num(7, 1), num(3, 5.4)], before: "", line: 0 }, centres, page);
    expect(broken.chosen?.candidate.readings).toEqual([[5, 7, 0, 0, 0, 3, 0]]);
    expect(broken.codes).toContain("cell.position-unsure");
    // In a table grid a position is the cell's column: read as printed, whatever the total.
    const inGrid = read({ tokens: [num(5, 0), num(7, 1), num(3, 5)], before: "", line: 0 }, centres, grid);
    expect(inGrid.chosen?.candidate.readings).toEqual([[5, 7, 0, 0, 0, 3, 0]]);
    expect(inGrid.codes).not.toContain("cell.position-unsure");
  });

  it("on a printed page, a figure more than the columns is left out by the row total (a 小计 column)", () => {
    // 3001 53 0 0 61 4 | 118 (小计 of 法人或其他组织) | 3119.
    const tokens = [3001, 53, 0, 0, 61, 4, 118, 3119].map((v) => num(v));
    const { chosen, codes } = read({ tokens, before: "", line: 0 }, undefined, page);
    expect(chosen?.candidate.readings).toEqual([[3001, 53, 0, 0, 61, 4, 3119]]);
    expect(codes).toContain("cell.extra-by-total");
    // In a table grid the header tells the columns: the total does not choose there.
    expect(read({ tokens, before: "", line: 0 }, undefined, grid).codes).not.toContain("cell.extra-by-total");
  });

  it("outside a grid, seven figures that break the row total are read as printed, and said", () => {
    const tokens = [3001, 118, 53, 0, 0, 61, 4].map((v) => num(v));
    for (const source of [page, doc]) {
      const read7 = read({ tokens, before: "", line: 0 }, undefined, source);
      expect(read7.chosen?.candidate.readings).toEqual([[3001, 118, 53, 0, 0, 61, 4]]);
      expect(read7.codes, source.kind).toContain("cell.position-unsure");
    }
    expect(read({ tokens, before: "", line: 0 }, undefined, grid).codes).not.toContain("cell.position-unsure");
  });

  it("figures with no positions are placed in every order that passes the row total", () => {
    const { chosen, codes } = read({ tokens: [num(2), num(2)], before: "", line: 0 });
    // 2 in one of the six parts and 2 in 总计.
    expect(chosen?.candidate.readings).toHaveLength(6);
    expect(chosen?.candidate.by).toBe("applications.row-total");
    expect(codes).toContain("cell.position-unknown");
  });

  it("a run of digits is split so that the row adds up; more than seven figures are cut, and said so", () => {
    const { chosen } = read({ tokens: [num(1000001, undefined, "1000001")], before: "", line: 0 });
    expect(chosen?.candidate.readings).toContainEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(chosen?.fits).toBe(true);
    const extra = read({ tokens: [1, 0, 0, 0, 0, 0, 1, 9].map((v) => num(v)), before: "", line: 0 });
    expect(extra.chosen?.candidate.tokens).toHaveLength(7);
    expect(extra.codes).toContain("cell.extra");
  });
});

/** Strategy "label numbers": digits that belong to a label's words are not figures. */
import { describe, expect, it } from "vitest";
import { type Line, makeLine, type Token } from "../src/doc.js";
import { parseHtml } from "../src/index.js";
import { foldNotes } from "../src/strategies/cell-notes.js";
import { mergeLabelNumbers } from "../src/strategies/label-numbers.js";
import { gridTokens, pipeCells } from "../src/strategies/pipe-grid.js";
import { tokenize } from "../src/tokens.js";

const textLine = (text: string, tokens = tokenize(text, 0), tableRow = false): Line =>
  makeLine({ text, tokens, lineNo: 1, indent: false, trailingSpace: false, ...(tableRow ? { tableRow } : {}) });
const gridLine = (text: string) => textLine(text, gridTokens(pipeCells(text) as string[], 0), true);
const shape = (tokens: readonly Token[]) => tokens.map((t) => (t.kind === "num" ? t.value : t.text));

describe("label numbers", () => {
  it("（1） numbering before a label's words is part of the label", () => {
    const merged = mergeLabelNumbers(textLine("（1）属于国家秘密 0 3 0 0 0 0 3")) as Token[];
    expect(shape(merged)).toEqual(["（1）属于国家秘密", 0, 3, 0, 0, 0, 0, 3]);
  });

  it("(1) with ASCII brackets in a table row keeps the row's figures in their columns", () => {
    const merged = mergeLabelNumbers(gridLine("| (2)重复申请 | 7 | 0 |  | 1 |  |  | 8 |")) as Token[];
    expect(merged.filter((t) => t.kind === "num").map((t) => [t.value, t.pos])).toEqual([
      [7, 1],
      [0, 2],
      [1, 4],
      [8, 7],
    ]);
    expect(merged[0]?.text).toBe("(2)重复申请");
  });

  it("generic header cells 数据1 … 数据6 are words, not a row of figures", () => {
    const merged = mergeLabelNumbers(gridLine("| 类别 | 数据1 | 数据2 | 数据3 | 总计 |")) as Token[];
    expect(merged.every((t) => t.kind === "text")).toBe(true);
    expect(shape(merged)).toEqual(["类别", "数据1", "数据2", "数据3", "总计"]);
  });

  it("a figure in its own cell, a cell note and run-together crawler text stay figures", () => {
    expect(mergeLabelNumbers(gridLine("| 规章 | 0 |  | 12 |"))).toBeUndefined();
    // Outside a table row, words right before digits are crawler text run together, not a label.
    expect(mergeLabelNumbers(textLine("规章000行政规范性文件4521380"))).toBeUndefined();
    // A bracketed figure with no words after it is a note on the figure before.
    expect(mergeLabelNumbers(textLine("18（5） 7"))).toBeUndefined();
    const note = "| 行政规范性文件 | 18（其中修订5件） | 2 | 41 |";
    const line = gridLine(note);
    const folded = foldNotes(line.tokens, note) as Token[];
    expect(mergeLabelNumbers({ ...line, tokens: folded })).toBeUndefined();
    // Without folding first, the note's words are not taken for a label either.
    expect(mergeLabelNumbers(line)).toBeUndefined();
  });

  it("an HTML 表三 numbered （1） … reads every row's figures in their columns", () => {
    const rows = [
      ["（1）本机关不掌握相关政府信息", [3, 0, 0, 1, 0, 0, 4]],
      ["（2）没有现成信息需要另行制作", [0, 2, 0, 0, 0, 0, 2]],
      ["（3）补正后申请内容仍不明确", [1, 0, 0, 0, 0, 1, 2]],
    ] as const;
    const tr = rows.map(([label, v]) => `<tr><td>${label}</td>${v.map((x) => `<td>${x}</td>`).join("")}</tr>`).join("");
    const html = `<html><body><p>三、收到和处理政府信息公开申请情况</p><table>
<tr><td>（四）无法提供</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
${tr}</table></body></html>`;
    const r = parseHtml(html, { edition: "2021", year: 2024 });
    const unavailable = r.report.applications.outcomes.unavailable as Record<string, Record<string, number>>;
    expect(Object.values(unavailable.notHeld ?? {})).toEqual([3, 0, 0, 1, 0, 0, 4]);
    expect(Object.values(unavailable.requiresCreation ?? {})).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(Object.values(unavailable.unclearAfterCorrection ?? {})).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(r.diagnostics.some((d) => d.code === "cell.extra")).toBe(false);
  });
});

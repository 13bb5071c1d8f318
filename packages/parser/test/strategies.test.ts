/** The reading strategies, each on its own: pipe grids and cell notes. */
import { describe, expect, it } from "vitest";
import { parseHtml, parseText } from "../src/index.js";
import { foldNotes, noteOf } from "../src/strategies/cell-notes.js";
import { gridTokens, isSeparatorRow, ownRowColumns, pipeCells } from "../src/strategies/pipe-grid.js";
import { tokenize } from "../src/tokens.js";

describe("pipe grid", () => {
  it("keeps every blank cell's column", () => {
    const cells = pipeCells("| 412 | 17 |  |  | 3 | 1 | 433") as string[];
    expect(cells).toEqual(["412", "17", "", "", "3", "1", "433"]);
    const t = gridTokens(["（一）予以公开", ...cells], 0).filter((x) => x.kind === "num");
    expect(t.map((x) => [x.value, x.pos])).toEqual([
      [412, 1],
      [17, 2],
      [3, 5],
      [1, 6],
      [433, 7],
    ]);
  });

  it("a label broken over the first cells counts as one label cell", () => {
    const t = gridTokens(["（", "3.其他", "", "2", "", "519", "2", "", "523"], 0).filter((x) => x.kind === "num");
    expect(t.map((x) => x.pos)).toEqual([2, 4, 5, 7]);
  });

  it("a row of one label cell and one cell per column gives its own columns", () => {
    const row = gridTokens(pipeCells("|  | 0 |  | 434 |") as string[], 0).filter((t) => t.kind === "num");
    expect(ownRowColumns(row, 3)).toEqual([1, 2, 3]);
    // Another shape (an extra cell behind) says nothing about the columns.
    const wide = gridTokens(pipeCells("| 规章 | 0 |  | 434 |  |") as string[], 0).filter((t) => t.kind === "num");
    expect(ownRowColumns(wide, 3)).toBeUndefined();
    expect(ownRowColumns(tokenize("0 434", 0), 3)).toBeUndefined();
  });

  it("Markdown separator rows and lines without separators", () => {
    expect(isSeparatorRow(pipeCells("| --- | :---: |") as string[])).toBe(true);
    expect(isSeparatorRow(pipeCells("| 规章 | 0 |") as string[])).toBe(false);
    expect(pipeCells("本年度制发规章0件")).toBeUndefined();
  });

  it("a |-separated 表二 row with a blank cell reads that cell as blank", () => {
    const text = [
      "二、主动公开政府信息情况",
      "| 第二十条第（一）项 |  |  |  |",
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
      "| 规章 | 5 |  | 12 |",
      "| 行政规范性文件 | 1 | 2 | 3 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure).toMatchObject({ rules: { issued: 5, repealed: 0, inForce: 12 } });
    expect(r.report.provenance?.["proactiveDisclosure.rules.repealed"]).toEqual({ status: "blank" });
  });
});

describe("cell notes", () => {
  it("18（其中修订5件） is the figure 18 with its note", () => {
    const folded = foldNotes(tokenize("18（其中修订5件） 7", 0), "18（其中修订5件） 7") as ReturnType<typeof tokenize>;
    expect(folded.map((t) => t.text)).toEqual(["18", "7"]);
    expect(noteOf(folded[0] as (typeof folded)[number])).toBe("其中修订5件");
  });

  it("17（新制定） is the figure 17 with a note of words; the row's other figures stay in their cells", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "信息内容 本年制发件数 本年废止件数 现行有效件数",
      "规章 1 2 3",
      "行政规范性文件 17（新制定） 9 158",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure).toMatchObject({
      normativeDocuments: { issued: 17, repealed: 9, inForce: 158 },
    });
    expect(r.report.provenance?.["proactiveDisclosure.normativeDocuments.issued"]).toEqual({
      status: "printed",
      note: "新制定",
    });
  });

  it("a note in a PDF cell, whose tokens' positions are x centres, is folded; in a grid row the cell must match", () => {
    const text = "26（含自然失效12件）";
    // One PDF text item: each token's position interpolated across the item's width.
    const printed = [...tokenize("8", 0, { x0: 250, x1: 260 }), ...tokenize(text, 0, { x0: 320, x1: 420 })];
    printed.push(...tokenize("66", 0, { x0: 445, x1: 455 }));
    const folded = foldNotes(printed, `8 ${text} 66`, false) as ReturnType<typeof tokenize>;
    expect(folded.map((t) => t.text)).toEqual(["8", "26", "66"]);
    expect(noteOf(folded[1] as (typeof folded)[number])).toBe("含自然失效12件");
    expect(foldNotes(printed, `8 ${text} 66`, true)).toBeUndefined();
  });

  it("a numbering in brackets after a figure starts the next label, it is not a note", () => {
    const folded = foldNotes(tokenize("17（二）部分公开 5", 0), "17（二）部分公开 5");
    expect(folded).toBeUndefined();
    expect(foldNotes(tokenize("17（二） 5", 0), "17（二） 5")).toBeUndefined();
  });

  it("a line without notes is left as it is", () => {
    expect(foldNotes(tokenize("规章 5 0 12", 0))).toBeUndefined();
  });

  it("the note goes to the cell's provenance and a diagnostic", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "信息内容 本年制发件数 本年废止件数 现行有效件数",
      "规章 18（其中修订5件） 0 41（含自然失效12件）",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure).toMatchObject({ rules: { issued: 18, repealed: 0, inForce: 41 } });
    expect(r.report.provenance?.["proactiveDisclosure.rules.inForce"]).toEqual({
      status: "printed",
      note: "含自然失效12件",
    });
    expect(r.diagnostics.filter((d) => d.code === "cell.note")).toHaveLength(2);
  });
});

describe("label variants from core's catalog", () => {
  const rows2021 = (label: string) => [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容 本年制发件数 本年废止件数 现行有效件数",
    "规章 1 2 3",
    `${label} 45 21 380`,
  ];
  it("规范性文件 in a 2021 report's text fills 行政规范性文件", () => {
    const r = parseText(rows2021("规范性文件").join("\n"), { year: 2024 });
    expect(r.report.edition).toBe("2021");
    expect(r.report.proactiveDisclosure).toMatchObject({
      normativeDocuments: { issued: 45, repealed: 21, inForce: 380 },
    });
    expect(r.report.provenance?.["proactiveDisclosure.normativeDocuments.issued"]).toEqual({ status: "printed" });
  });

  it("…and in its HTML table", () => {
    const tr = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
    const html = `<p>二、主动公开政府信息情况</p><table>${[
      tr(["第二十条第（一）项"]),
      tr(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
      tr(["规章", "1", "2", "3"]),
      tr(["规范性文件", "45", "21", "380"]),
    ].join("")}</table>`;
    const r = parseHtml(html, { year: 2024 });
    expect(r.report.proactiveDisclosure).toMatchObject({
      normativeDocuments: { issued: 45, repealed: 21, inForce: 380 },
    });
  });
});

describe("agency and year from titles", () => {
  const body = ["一、总体情况", "本年度工作情况。"].join("\n");
  it.each([
    ["# 某某综合实验区2024年度政府信息公开工作年度报告", "某某综合实验区", 2024],
    ["**XX县人民政府2025年政府信息公开工作年度报告**", "XX县人民政府", 2025],
  ])("%s", (title, agency, year) => {
    const r = parseText(`${title}\n${body}`);
    expect(r.report.agency.name).toBe(agency);
    expect(r.report.year).toBe(year);
  });
});

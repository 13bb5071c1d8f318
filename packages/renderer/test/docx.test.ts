import { describe, expect, it } from "vitest";
import { renderDocx } from "../src/index.js";
import { loadFixture, parseXml, unzipEntry, type XmlElement, xmlElements, xmlText } from "./helpers.js";

interface WordCell {
  text: string;
  col: number;
  gridSpan: number;
  /** "restart", "continue", or undefined when the cell is not merged down. */
  vMerge?: string;
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);

/** The rows of each w:tbl as cells with their grid column, gridSpan and vMerge. */
function wordTables(xml: string): WordCell[][][] {
  const body = parseXml(xml);
  return [...xmlElements(body, "w:tbl")].map((tbl) =>
    tbl.children
      .filter((c) => c.name === "w:tr")
      .map((tr) => {
        let col = 0;
        return tr.children
          .filter((c) => c.name === "w:tc")
          .map((tc) => {
            const pr = child(tc, "w:tcPr");
            const span = pr && child(pr, "w:gridSpan");
            const merge = pr && child(pr, "w:vMerge");
            const gridSpan = Number(span?.attrs["w:val"] ?? 1);
            const cell: WordCell = {
              text: [...xmlElements(tc, "w:t")].map(xmlText).join(""),
              col,
              gridSpan,
              ...(merge ? { vMerge: merge.attrs["w:val"] ?? "continue" } : {}),
            };
            col += gridSpan;
            return cell;
          });
      }),
  );
}

async function documentXml(name: string): Promise<string> {
  const bytes = await renderDocx(loadFixture(name));
  expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
  return unzipEntry(bytes, "word/document.xml").toString("utf8");
}

describe("renderDocx", () => {
  for (const [name, outcomeRows] of [
    ["seed-2020", 20],
    ["huaian-2024", 22],
  ] as const) {
    it(`${name}: table 三 keeps the 3×3 勾稽 corner and 三、本年度办理结果 merged over ${outcomeRows} rows`, async () => {
      const tables = wordTables(await documentXml(name));
      expect(tables).toHaveLength(3);
      const t3 = tables[1] as WordCell[][];
      // Corner: gridSpan 3 in the first three rows, merged down (restart, continue, continue).
      const corner = t3.slice(0, 3).map((r) => r[0]);
      expect(corner.map((c) => [c?.gridSpan, c?.vMerge])).toEqual([
        [3, "restart"],
        [3, "continue"],
        [3, "continue"],
      ]);
      expect(corner[0]?.text).toContain("勾稽关系");
      const start = t3.findIndex((r) => r[0]?.text === "三、本年度办理结果");
      expect(t3[start]?.[0]?.vMerge).toBe("restart");
      let continued = 0;
      for (let r = start + 1; r < t3.length && t3[r]?.[0]?.vMerge === "continue" && t3[r]?.[0]?.col === 0; r++)
        continued++;
      expect(1 + continued).toBe(outcomeRows);
      // Header: 申请人情况 spans 7 columns, 法人或其他组织 5.
      expect(t3[0]?.find((c) => c.text === "申请人情况")?.gridSpan).toBe(7);
      expect(t3[1]?.find((c) => c.text === "法人或其他组织")?.gridSpan).toBe(5);
      // Every row covers the 10 grid columns.
      for (const row of t3) expect(row.reduce((n, c) => n + c.gridSpan, 0)).toBe(10);
    });
  }

  it("prints the figures, signs and title, with header rows that repeat on each page", async () => {
    const xml = await documentXml("seed-2020");
    const text = [...xmlElements(parseXml(xml), "w:t")].map(xmlText);
    expect(text[0]).toBe("2020年政府信息公开工作年度报告");
    expect(text).toContain("+19");
    expect(text).toContain("25.6835");
    expect(text).toContain("一、总体情况");
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("<w:cantSplit/>");
    const t4 = wordTables(xml)[2] as WordCell[][];
    expect(t4[0]?.map((c) => [c.text, c.gridSpan])).toEqual([
      ["行政复议", 5],
      ["行政诉讼", 10],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  AMOUNT_UNITS,
  APPLICATION_L1,
  APPLICATIONS_NOTE,
  BLANK_CELL_MARKS,
  BODY_NAME_ENDINGS,
  COUNT_UNITS,
  cellAt,
  createEmptyReport,
  EDITIONS,
  extractQuotedFigures,
  FIGURE_WORD_SUFFIXES,
  governmentOfOffice,
  ORDINAL_MARKS,
  PAGE_NUMBER_WORDS,
  PROACTIVE_BLOCKS,
  printedDate,
  QUOTED_METRICS,
  REPORT_NAME,
  setAt,
  TABLE_MARKS,
  TITLE_WORDS,
  validateReport,
} from "../src/index.js";

describe("the words around the tables", () => {
  it("table marks are pieces of the catalog's own labels", () => {
    for (const b of [...PROACTIVE_BLOCKS["2019"], ...PROACTIVE_BLOCKS["2021"]])
      expect(b.caption.zh.startsWith(TABLE_MARKS.proactiveDisclosure[0])).toBe(true);
    const [note, header, firstRow] = TABLE_MARKS.applications;
    expect(APPLICATIONS_NOTE.zh).toContain(note);
    expect(header).toBe("申请人情况");
    expect(APPLICATION_L1.received.zh).toContain(firstRow);
  });

  it("the title mark ends the document's name; amounts convert to 万元", () => {
    expect(REPORT_NAME.zh.endsWith(TITLE_WORDS.mark.zh)).toBe(true);
    expect(12_345 * AMOUNT_UNITS.yuan.inWanYuan).toBeCloseTo(1.2345, 10);
    expect(AMOUNT_UNITS.wanYuan.inWanYuan).toBe(1);
  });

  it("the marks of figures that are not cells are single characters or short forms", () => {
    for (const c of [...FIGURE_WORD_SUFFIXES, ...ORDINAL_MARKS]) expect([...c]).toHaveLength(1);
    expect(BLANK_CELL_MARKS).toContain("无");
    expect(BLANK_CELL_MARKS.every((m) => m.length <= 2)).toBe(true);
    expect(FIGURE_WORD_SUFFIXES).not.toContain(COUNT_UNITS[0]);
    expect(`${PAGE_NUMBER_WORDS.ordinal}3${PAGE_NUMBER_WORDS.page}`).toBe("第3页");
  });

  it("printedDate reads Arabic and Chinese numerals, refuses what is not a calendar date", () => {
    expect(printedDate("2025年1月20日")).toBe("2025-01-20");
    expect(printedDate("二〇二五年一月二十日")).toBe("2025-01-20");
    expect(printedDate("二〇二四年十二月三十一日")).toBe("2024-12-31");
    expect(printedDate("二〇二五年二月二十九日")).toBeUndefined();
    expect(printedDate("2025年13月1日")).toBeUndefined();
    expect(printedDate("1999年1月1日")).toBeUndefined();
    expect(printedDate("2025年1月20日发布")).toBeUndefined();
    expect(printedDate(42 as unknown as string)).toBeUndefined();
    expect(printedDate(`${"2".repeat(100_000)}年1月1日`)).toBeUndefined();
  });

  it("governmentOfOffice: a people's government's office stands for the government", () => {
    expect(governmentOfOffice("淮安市人民政府办公室")).toBe("淮安市人民政府");
    expect(governmentOfOffice("某某省人民政府办公厅")).toBe("某某省人民政府");
    expect(governmentOfOffice("淮安市财政局办公室")).toBe("淮安市财政局办公室");
    expect(governmentOfOffice("淮安市人民政府")).toBe("淮安市人民政府");
    expect(BODY_NAME_ENDINGS).toContain("人民政府");
  });
});

describe("QUOTED_METRICS", () => {
  it("every reading names cells of its edition", () => {
    for (const m of Object.values(QUOTED_METRICS))
      for (const e of EDITIONS)
        for (const cells of m.cells[e])
          for (const p of cells) expect(cellAt(e, p), `${m.metric} ${p.join(".")}`).toBeDefined();
  });

  it("reads 制发 and 废止 figures (2021 表二) and the validator compares them with the table", () => {
    const text = "本年度制发行政规范性文件45件，废止21件，现行有效380件；收到政府信息公开申请12件。";
    expect(extractQuotedFigures(text).map((f) => [f.metric, f.value])).toEqual([
      ["issued", 45],
      ["repealed", 21],
      ["inForce", 380],
      ["received", 12],
    ]);
    const r = createEmptyReport({ year: 2024 }) as unknown as Record<string, unknown>;
    r.overview = text;
    for (const [col, v] of [
      ["issued", 45],
      ["repealed", 21],
      ["inForce", 380],
    ] as const)
      setAt(r, ["proactiveDisclosure", "normativeDocuments", col], v);
    setAt(r, ["applications", "received", "naturalPerson"], 12);
    setAt(r, ["applications", "received", "total"], 12);
    setAt(r, ["applications", "outcomes", "disclosed", "naturalPerson"], 12);
    setAt(r, ["applications", "outcomes", "disclosed", "total"], 12);
    setAt(r, ["applications", "outcomes", "total", "naturalPerson"], 12);
    setAt(r, ["applications", "outcomes", "total", "total"], 12);
    const mismatches = () => validateReport(r).issues.filter((i) => i.code === "text.figure-mismatch");
    expect(mismatches()).toEqual([]);
    setAt(r, ["proactiveDisclosure", "normativeDocuments", "repealed"], 20);
    expect(mismatches().map((i) => [i.expected, i.actual])).toEqual([[20, 21]]);
    // 规章 alone is a reading of 制发/废止 too: "废止规章0件" is not a mismatch.
    r.overview = "废止规章0件，废止行政规范性文件20件。";
    expect(mismatches()).toEqual([]);
  });
});

/**
 * Text laid out as on the printed page (pdftotext -layout): figures keep the columns the spaces
 * give them, so a row with blank cells reads its figures in their cells instead of taking the
 * next row's; other text keeps the flow reading.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { isColumnar, isLaidOut, piecesOf } from "../src/sources/layout-text.js";
import { textSource } from "../src/sources/text.js";
import { CORPUS, FIXTURES } from "./helpers.js";

describe("text laid out in columns", () => {
  it("cuts a line at runs of two or more spaces, each piece with its character columns", () => {
    expect(piecesOf("一、本年新收  3001 53    61")).toEqual([
      { text: "一、本年新收", x0: 0, x1: 5 },
      { text: "3001 53", x0: 8, x1: 14 },
      { text: "61", x0: 19, x1: 20 },
    ]);
  });

  it("tells a row laid out in columns from other lines", () => {
    expect(isColumnar("二、上年结转政府信息公开申请数量           34                                         34")).toBe(
      true,
    );
    expect(isColumnar("一、本年新收政府信息 300 53       61 4 3119")).toBe(true);
    // Figures one space apart, figures alone at random spacing, `|` tables, prose: no.
    expect(isColumnar("一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119")).toBe(false);
    expect(isColumnar("0  0  0   0  0  0 0  ")).toBe(false);
    expect(isColumnar("| 一、本年新收 | 3001  | 53  | 0 |")).toBe(false);
    expect(isColumnar("全年收到申请3119件，上年结转34件。")).toBe(false);
  });

  it("is told by the text's lines: pdftotext -layout yes, plain pdftotext and the seed's extract no", () => {
    const lines = (f: string) => readFileSync(f, "utf8").split("\n");
    expect(isLaidOut(lines(join(CORPUS, "huaian-2024.layout.txt")))).toBe(true);
    expect(isLaidOut(lines(join(CORPUS, "huaian-2024.plain.txt")))).toBe(false);
    expect(isLaidOut(lines(join(FIXTURES, "seed-2020.txt")))).toBe(false);
    // A narrow table whose figures stand one space apart: told by its header's gaps after words.
    const narrow = Array.from({ length: 8 }, () => "和，等于第三项加第四 人 商业 科研 社会   法律 总计");
    expect(isLaidOut(narrow)).toBe(true);
    expect(isLaidOut(narrow.map((l) => l.replace(/ +/g, " ")))).toBe(false);
    expect(textSource(readFileSync(join(CORPUS, "huaian-2024.blank-cells-layout.txt"), "utf8")).positional).toBe(true);
  });

  it.each(["blank-cells", "mixed-blanks"])(
    "reads every cell of huaian-2024.%s-layout.txt (blank cells are only spaces)",
    (variant) => {
      const r = parseText(readFileSync(join(CORPUS, `huaian-2024.${variant}-layout.txt`), "utf8"));
      const want = JSON.parse(readFileSync(join(FIXTURES, "huaian-2024.expected.json"), "utf8"));
      expect(r.report.applications).toEqual(want.applications);
      expect(r.report.proactiveDisclosure).toEqual(want.proactiveDisclosure);
      expect(r.report.reviewsAndLawsuits).toEqual(want.reviewsAndLawsuits);
    },
    30_000,
  );
});

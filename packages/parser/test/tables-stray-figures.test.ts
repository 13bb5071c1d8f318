/**
 * A bare page number among 表三's figures in text with no positions (pdftotext puts every cell on
 * a line of its own, and many PDFs print the page number as a bare "2"): the row totals find it.
 */
import { APPLICANT_COLUMNS, applicationRows, getAt, sectionDef } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { expected } from "./helpers.js";

const ROWS = applicationRows("2021");

const read = (text: string) => parseText(text, { edition: "2021", year: 2024 });
const cellsOf = (report: unknown) =>
  ROWS.map((r) => APPLICANT_COLUMNS.map((c) => getAt(report, ["applications", ...r.path, c.key])));

/** The 淮安 2024 fixture's 表三, row by row (every total adds up). */
const figures = (): number[][] => cellsOf(expected("huaian-2024")) as number[][];

/** 表三 as pdftotext gives it: each label, then each figure on a line of its own. */
function table(rows: number[][], stray?: { row: number; after: number; text: string }): string {
  const lines = [sectionDef("applications").heading, ...APPLICANT_COLUMNS.map((c) => c.zh)];
  ROWS.forEach((r, i) => {
    lines.push(r.labels[r.labels.length - 1]?.zh ?? "");
    (rows[i] as number[]).forEach((v, c) => {
      lines.push(String(v));
      if (stray && stray.row === i && stray.after === c) lines.push("", stray.text, "");
    });
  });
  return lines.join("\n");
}

describe("stray figures in 表三", () => {
  it("a bare page number that shifts the rows after it is taken out, and reported", () => {
    const rows = figures();
    const r = read(table(rows, { row: 5, after: 3, text: "2" }));
    expect(cellsOf(r.report)).toEqual(rows);
    const stray = r.diagnostics.filter((d) => d.code === "numbers.stray");
    expect(stray.map((d) => d.messageEn)).toEqual([expect.stringContaining('"2"')]);
    expect(r.validation?.issues.filter((i) => i.code === "applications.row-total")).toEqual([]);
  });

  it("a row that does not add up (the report's own fault) keeps its figures: nothing is taken out", () => {
    const rows = figures();
    (rows[5] as number[])[6] = ((rows[5] as number[])[6] as number) + 1;
    const r = read(table(rows));
    expect(cellsOf(r.report)).toEqual(rows);
    expect(r.diagnostics.filter((d) => d.code === "numbers.stray")).toEqual([]);
  });
});

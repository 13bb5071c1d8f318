/**
 * Tables copied from a spreadsheet or a word processor as text: tab-separated (Excel, Word) or
 * CSV. A blank cell is an empty one between two separators and keeps its column, as in a `|` table.
 */
import type { Report } from "@gov-report/core/lite";
import { renderMarkdown } from "@gov-report/renderer";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { textSource } from "../src/sources/text.js";
import { pipeGrid } from "../src/strategies/pipe-grid.js";
import { csvCells, tabCells } from "../src/strategies/sheet-rows.js";
import { expected } from "./helpers.js";

type Cells = (cells: string[]) => string;

/**
 * The fixture's report as Markdown, each table row written by `row` (separator rows dropped), with
 * 表三's column headers as the form prints them (商业企业 under 法人或其他组织, not one cell of both).
 */
function sheetOf(stem: string, row: Cells, cell: (c: string) => string = (c) => c): string {
  const md = renderMarkdown(expected(stem) as unknown as Report).replaceAll("法人或其他组织·", "");
  return md
    .split("\n")
    .filter((l) => !/^\|(?:\s*-+:?\s*\|)+$/.test(l))
    .map((l) =>
      l.startsWith("|")
        ? row(
            l
              .slice(1, -1)
              .split("|")
              .map((c) => cell(c.trim())),
          )
        : l,
    )
    .join("\n");
}

const blankZero = (c: string) => (c === "0" ? "" : c);
/** Figures of four digits or more printed with thousands separators ("447,228"). */
const grouped = (c: string) => (/^\d{4,}(?:\.\d+)?$/.test(c) ? c.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : c);
const tsv: Cells = (cells) => cells.join("\t");
const csv: Cells = (cells) => cells.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",");
/** A hand-made CSV: figures with thousands separators not quoted. */
const looseCsv: Cells = (cells) => cells.join(",");

function expectRead(stem: string, text: string) {
  const r = parseText(text);
  const want = expected(stem);
  expect(r.report.proactiveDisclosure).toEqual(want.proactiveDisclosure);
  expect(r.report.applications).toEqual(want.applications);
  expect(r.report.reviewsAndLawsuits).toEqual(want.reviewsAndLawsuits);
  const statuses = new Set(Object.values(r.report.provenance ?? {}).map((p) => p?.status));
  expect([...statuses].filter((s) => s !== "printed" && s !== "blank")).toEqual([]);
  return r;
}

describe("tab-separated tables", () => {
  it("hongze-2024 with its zeros as blank cells: every blank cell keeps its column", () => {
    const r = expectRead("hongze-2024", sheetOf("hongze-2024", tsv, blankZero));
    expect(r.report.provenance?.["applications.received.business"]).toEqual({ status: "blank" });
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("the same with its zeros printed, and huaian-2024, read as before", () => {
    expectRead("hongze-2024", sheetOf("hongze-2024", tsv));
    expectRead("huaian-2024", sheetOf("huaian-2024", tsv));
  });

  it("headings padded to the sheet's width are headings, a tab-indented paragraph is text", () => {
    const padded = sheetOf("hongze-2024", tsv, blankZero)
      .split("\n")
      .map((l) => (l.startsWith("## ") ? `${l}\t\t\t\t` : l))
      .join("\n");
    const r = expectRead("hongze-2024", `${padded}\n\t本年度，本机关按时发布年度报告。`);
    expect(r.diagnostics.map((d) => d.code)).not.toContain("section.missing");
    const doc = pipeGrid(
      textSource("规章\t1\t\t3\n行政许可\t2\t\t\n行政处罚\t\t4\t\n\t本年度，本机关按时发布年度报告。"),
    );
    expect(doc.lines.map((l) => Boolean(l.tableRow))).toEqual([true, true, true, false]);
    expect(tabCells("\t\t3.其他\t108\t\t110")).toEqual(["", "", "3.其他", "108", "", "110"]);
  });

  it("a document with a single tabbed line is not read as a sheet", () => {
    const doc = pipeGrid(textSource("规章\t1\t0\t3\n行政规范性文件 1 0 3"));
    expect(doc.positional).toBe(false);
    expect(doc.lines.some((l) => l.tableRow)).toBe(false);
  });
});

describe("CSV tables", () => {
  it("hongze-2024 exported as CSV with its zeros as empty fields", () => {
    expectRead("hongze-2024", sheetOf("hongze-2024", csv, blankZero));
  });

  it("huaian-2024 with thousands separators: quoted, as CSV writes them, or not (the table's width decides)", () => {
    const cell = (c: string) => grouped(blankZero(c));
    expect(sheetOf("huaian-2024", csv, cell)).toContain('"447,228"');
    expectRead("huaian-2024", sheetOf("huaian-2024", csv, cell));
    expectRead("huaian-2024", sheetOf("huaian-2024", looseCsv, cell));
  });

  it("splits fields in one scan, quotes kept together; a text flow with thousands separators is not CSV", () => {
    expect(csvCells('行政许可,"447,228",,')).toEqual(["行政许可", "447,228", "", ""]);
    expect(csvCells('"说""明""",1')).toEqual(['说"明"', "1"]);
    expect(csvCells("本年度制发规章0件")).toBeUndefined();
    const text = ["行政许可 447,228", "行政处罚 3,985,758", "一、本年新收政府信息公开申请数量 3,001 53 0 0 61 4 3,119"];
    const doc = pipeGrid(textSource(text.join("\n")));
    expect(doc.lines.some((l) => l.tableRow)).toBe(false);
  });
});

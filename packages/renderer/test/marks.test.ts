/**
 * Cells whose value is not known (provenance `unread` or `ambiguous`) print a mark, never their
 * placeholder, in every format; the report ends with one legend; everything else prints as before.
 */
import { getAt, type Report } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import {
  cellMarks,
  MARK_CSS,
  markLegend,
  REPORT_CSS,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderText,
  UNREAD_MARK,
} from "../src/index.js";
import { loadFixture, parseXml, readTables, unzipEntry, xmlElements, xmlText } from "./helpers.js";
import {
  AMBIGUOUS,
  AMBIGUOUS_AMOUNT,
  AMBIGUOUS_BARE,
  COLUMNS,
  fieldsOf,
  LEGEND,
  parsed,
  TOTAL,
  UNREAD,
} from "./marked-report.js";

/** A text or Markdown table row by its label: the cells after the label. */
function rowCells(out: string, label: string): string[] {
  const line = out.split("\n").find((l) => l.includes(label));
  if (!line) throw new Error(`no row ${label}`);
  const cells = line.split("|").map((c) => c.trim());
  const at = cells.findIndex((c) => c.includes(label));
  return cells.slice(at + 1, -1);
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("the marks of cells whose value is not known", () => {
  it("are decided once: 未读, the candidates as 45/4?, ? without candidates; a legend naming them", () => {
    const report = parsed();
    const marks = cellMarks(report, fieldsOf(report));
    expect([...marks.keys()].sort()).toEqual([...UNREAD, AMBIGUOUS, AMBIGUOUS_AMOUNT, AMBIGUOUS_BARE].sort());
    expect(marks.get(UNREAD[0] as string)?.text).toBe(UNREAD_MARK);
    expect(marks.get(AMBIGUOUS)?.text).toBe("45/4?");
    expect(marks.get(AMBIGUOUS_AMOUNT)?.text).toBe("96171.6/9617.16?");
    expect(marks.get(AMBIGUOUS_BARE)?.text).toBe("?");
    expect(markLegend(marks)).toBe(LEGEND);
    expect(markLegend(marks, "en")).toMatch(/^Note: "未读" \(unread\): .*not 0; "45\/4\?": the source reads several/);
    expect(markLegend(cellMarks(loadFixture("huaian-2024"), fieldsOf(report)))).toBeUndefined();
  });

  it("text: the unread row prints 未读, ambiguous cells their candidates, totals as held; one legend", () => {
    const out = renderText(parsed());
    expect(rowCells(out, "3.要求提供公开出版物")).toEqual(COLUMNS.map(() => UNREAD_MARK));
    expect(rowCells(out, "行政规范性文件")[0]).toBe("45/4?");
    expect(rowCells(out, "行政事业性收费")[0]).toBe("96171.6/9617.16?");
    expect(rowCells(out, "（七）总计").at(-1)).toBe(String(getAt(parsed(), TOTAL.split("."))));
    expect(count(out, LEGEND)).toBe(1);
    const annotated = renderText(parsed(), { annotate: true });
    expect(rowCells(annotated, "3.要求提供公开出版物")[0]).toMatch(/^未读 \[\d+\]$/);
    expect(count(annotated, LEGEND)).toBe(1);
  });

  it("Markdown: the same marks in the table rows, the legend once (escaped)", () => {
    const out = renderMarkdown(parsed());
    expect(rowCells(out, "3.要求提供公开出版物")).toEqual(COLUMNS.map(() => UNREAD_MARK));
    expect(rowCells(out, "行政规范性文件")[0]).toBe("45/4?");
    expect(count(out, LEGEND)).toBe(1);
    expect(rowCells(renderMarkdown(parsed(), { annotate: true }), "3.要求提供公开出版物")[0]).toMatch(
      /^未读 \\\[\d+\\\]$/,
    );
  });

  it("HTML: marked cells at their labels, with a class and a tooltip; the legend once; the marks' style", () => {
    for (const annotate of [false, true]) {
      const html = renderHtml(parsed(), { annotate });
      const cells = readTables(html).flatMap((t) => t.rows.flat());
      const cell = (id: string) => cells.find((c) => c.attrs["data-field"] === id);
      for (const id of UNREAD) {
        expect(cell(id)?.text).toBe(UNREAD_MARK);
        expect(cell(id)?.attrs.class).toContain("gr-unread");
      }
      expect(cell(AMBIGUOUS)?.text).toBe("45/4?");
      expect(cell(AMBIGUOUS)?.attrs.class).toContain("gr-ambiguous");
      if (!annotate) expect(cell(AMBIGUOUS)?.attrs.title).toBe("原文有几种读法，可能为 45、4");
      expect(cell(TOTAL)?.text).toBe(String(getAt(parsed(), TOTAL.split("."))));
      expect(count(html, `<p class="gr-legend">${LEGEND}</p>`)).toBe(1);
      expect(html).toContain(MARK_CSS);
    }
    expect(renderHtml(parsed(), { fragment: true })).not.toContain("<style");
  });

  it("Word: marked cells in the document XML, the legend once as its own paragraph", async () => {
    const xml = unzipEntry(await renderDocx(parsed()), "word/document.xml").toString("utf8");
    const rows = [...xmlElements(parseXml(xml), "w:tr")].map((tr) =>
      [...xmlElements(tr, "w:tc")].map((tc) => [...xmlElements(tc, "w:t")].map(xmlText).join("")),
    );
    const row = (label: string) => rows.find((r) => r.includes(label)) ?? [];
    expect(row("3.要求提供公开出版物").slice(-7)).toEqual(COLUMNS.map(() => UNREAD_MARK));
    expect(row("行政规范性文件").slice(-3)[0]).toBe("45/4?");
    expect(row("行政事业性收费").at(-1)).toBe("96171.6/9617.16?");
    const paragraphs = [...xmlElements(parseXml(xml), "w:p")].map((p) =>
      [...xmlElements(p, "w:t")].map(xmlText).join(""),
    );
    expect(paragraphs.filter((p) => p === LEGEND)).toHaveLength(1);
    expect(paragraphs.at(-1)).toBe(LEGEND);
  });

  it("a report without provenance, or whose cells were all read, renders byte for byte as before", async () => {
    const plain = loadFixture("huaian-2024");
    const read = {
      ...plain,
      provenance: { [TOTAL]: { status: "printed" }, [UNREAD[0] as string]: { status: "blank" } },
    };
    expect(renderHtml(read as Report)).toBe(renderHtml(plain));
    expect(renderHtml(plain)).not.toContain(MARK_CSS.trim());
    expect(renderHtml(plain)).toContain(REPORT_CSS);
    for (const annotate of [false, true]) {
      expect(renderText(read as Report, { annotate })).toBe(renderText(plain, { annotate }));
      expect(renderMarkdown(read as Report, { annotate })).toBe(renderMarkdown(plain, { annotate }));
      expect(renderHtml(read as Report, { annotate, fragment: true })).toBe(
        renderHtml(plain, { annotate, fragment: true }),
      );
    }
    const xmlOf = async (r: Report) => unzipEntry(await renderDocx(r), "word/document.xml").toString("utf8");
    expect(await xmlOf(read as Report)).toBe(await xmlOf(plain));
    expect(renderText(plain)).not.toContain(UNREAD_MARK);
  });
});

/**
 * Marks printed in a table cell after its figure, and Word markup around rows and runs, that
 * are no figures of the table: note marks (`264注`, `264注2`, `264*`, `264[1]`), superscripts
 * after a figure (HTML <sup>, Word w:vertAlign), rows inside content controls, text moved away
 * under tracked changes (w:moveFrom). Every cell must read as printed, never shifted or glued.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx, parseHtml } from "../src/index.js";
import { docxSource } from "../src/sources/docx.js";
import { htmlSource } from "../src/sources/html.js";
import { textSource } from "../src/sources/text.js";
import { pipeGrid } from "../src/strategies/pipe-grid.js";
import { CORPUS, expected } from "./helpers.js";
import { docx } from "./sources-zip.js";

const STEM = "hongze-2023";
const TABLES = ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const;

function expectTables(report: Record<string, unknown>) {
  const want = expected(STEM);
  for (const key of TABLES) expect(report[key], key).toEqual(want[key]);
}

const renderedHtml = () => readFileSync(join(CORPUS, `${STEM}.rendered.html`), "utf8");
const VALUE_CELL = /(<td class="gr-v"[^>]*>)(\d+(?:\.\d+)?)<\/td>/g;

/** Marks after a figure, one per value cell in turn. */
const HTML_MARKS = [
  () => "<sup>注</sup>",
  (d: number) => `注${d}`,
  () => "*",
  (d: number) => `<sup>[${d}]</sup>`,
  (d: number) => `<sup>${d}</sup>`,
  () => "※",
  (d: number) => `【注${d}】`,
];

describe("note marks after a figure in its cell", () => {
  it("HTML: a mark after every figure (注, 注2, *, [1], a superscript digit…): every cell as printed", () => {
    let n = 0;
    const html = renderedHtml().replace(VALUE_CELL, (_, open: string, figure: string) => {
      const mark = HTML_MARKS[n % HTML_MARKS.length] as (d: number) => string;
      n++;
      return `${open}${figure}${mark((n % 9) + 1)}</td>`;
    });
    expect(n).toBe(200);
    expectTables(parseHtml(html).report as unknown as Record<string, unknown>);
  });

  it("keeps the mark as the cell's note, and leaves a superscript after words as it is", () => {
    const doc = htmlSource("<table><tr><td>规章</td><td>264<sup>3</sup></td><td>m<sup>2</sup></td></tr></table>");
    expect(doc.lines[0]?.text).toContain("264[3]");
    expect(doc.lines[0]?.text).toContain("m2");
    const r = parseHtml(
      renderedHtml().replace(VALUE_CELL, (_, open: string, f: string) => `${open}${f}<sup>注</sup></td>`),
    );
    const notes = Object.values(r.report.provenance ?? {}).filter((p) => p?.note === "注");
    expect(notes.length).toBeGreaterThan(100);
  });

  it("figures after words that are no label in a grid row are reported, never dropped silently", () => {
    let done = false;
    const html = renderedHtml().replace(VALUE_CELL, (all, open: string, figure: string) => {
      if (done || !open.includes("proactiveDisclosure.rules.repealed")) return all;
      done = true;
      return `${open}${figure}Δ2</td>`;
    });
    expect(done).toBe(true);
    const r = parseHtml(html);
    expect(r.diagnostics.some((d) => d.code === "numbers.unassigned" && d.severity === "warning")).toBe(true);
  });

  it("Word: a superscript run after a figure is its note, not more digits", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(CORPUS, `${STEM}.rendered.docx`))));
    let n = 0;
    const xml = strFromU8(files["word/document.xml"] as Uint8Array).replace(
      /(<w:t[^>]*>\d+(?:\.\d+)?<\/w:t><\/w:r>)/g,
      (run: string) => {
        n++;
        return `${run}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>${n % 10}</w:t></w:r>`;
      },
    );
    expect(n).toBe(200);
    files["word/document.xml"] = strToU8(xml);
    expectTables(parseDocx(zipSync(files)).report as unknown as Record<string, unknown>);
  });
});

describe("a figure wrapped inside its cell", () => {
  /** Figures of two or more digits broken before their last digit; zeros left blank. */
  const wrap = (figure: string, br: string) =>
    figure === "0"
      ? ""
      : figure.length > 1 && !figure.includes(".")
        ? `${figure.slice(0, -1)}${br}${figure.slice(-1)}`
        : figure;

  it("HTML: a <br> or a new paragraph between the digits is one figure, also beside blank cells", () => {
    const zeros = expected(STEM) as Record<string, unknown>;
    for (const br of ["<br>", "<br/>", "</p><p>"]) {
      const html = renderedHtml().replace(
        VALUE_CELL,
        (_, open: string, f: string) => `${open}<p>${wrap(f, br)}</p></td>`,
      );
      const r = parseHtml(html);
      for (const key of TABLES) expect(r.report[key], `${key} ${br}`).toEqual(zeros[key]);
    }
  });

  it("Word: a w:br or a second paragraph between the digits is one figure", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(CORPUS, `${STEM}.rendered.docx`))));
    let n = 0;
    const xml = strFromU8(files["word/document.xml"] as Uint8Array).replace(
      /<w:t([^>]*)>(\d{2,})<\/w:t><\/w:r>/g,
      (_, attrs: string, f: string) => {
        n++;
        const head = `<w:t${attrs}>${f.slice(0, -1)}</w:t>`;
        const tail = `<w:t>${f.slice(-1)}</w:t></w:r>`;
        return n % 2 ? `${head}<w:br/>${tail}` : `${head}</w:r></w:p><w:p><w:r>${tail}`;
      },
    );
    expect(n).toBeGreaterThan(8);
    files["word/document.xml"] = strToU8(xml);
    expectTables(parseDocx(zipSync(files)).report as unknown as Record<string, unknown>);
  });

  it("keeps a figure and a note on two lines of a cell apart, and two words as words", () => {
    const doc = htmlSource("<table><tr><td>规章</td><td>12<br>（含修订3件）</td><td>行政<br>许可</td></tr></table>");
    expect(doc.lines[0]?.text).toBe("规章 12 （含修订3件） 行政 许可");
  });
});

describe("Word markup around rows and runs", () => {
  it("reads rows inside content controls (a repeating section) and custom XML", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(CORPUS, `${STEM}.rendered.docx`))));
    let n = 0;
    const xml = strFromU8(files["word/document.xml"] as Uint8Array).replace(/<w:tr>[\s\S]*?<\/w:tr>/g, (row) => {
      n++;
      return n % 2
        ? `<w:sdt><w:sdtPr/><w:sdtContent>${row}</w:sdtContent></w:sdt>`
        : `<w:customXml>${row}</w:customXml>`;
    });
    expect(n).toBeGreaterThan(40);
    files["word/document.xml"] = strToU8(xml);
    expectTables(parseDocx(zipSync(files)).report as unknown as Record<string, unknown>);
  });

  it("skips text moved away under tracked changes and reads where it was moved to", () => {
    const body =
      "<w:p><w:moveFrom><w:r><w:t>3</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>256</w:t></w:r></w:moveTo></w:p>" +
      "<w:moveTo><w:p><w:r><w:t>移入的段落</w:t></w:r></w:p></w:moveTo>";
    expect(docxSource(docx(body)).lines.map((l) => l.text)).toEqual(["256", "移入的段落"]);
  });
});

describe("table 三's header rows", () => {
  it("are never taken for a row printed blank when the data rows are missing", () => {
    const html = renderedHtml().replace(
      /<tr class="gr-data">(?:(?!<\/tr>)[\s\S])*?data-field="applications[^"]*"(?:(?!<\/tr>)[\s\S])*?<\/tr>/g,
      "",
    );
    const r = parseHtml(html);
    const prov = r.report.provenance ?? {};
    const statuses = new Set(
      Object.entries(prov)
        .filter(([k]) => k.startsWith("applications."))
        .map(([, p]) => p?.status),
    );
    expect([...statuses]).toEqual(["unread"]);
  });
});

describe("a `|` table cell with a converter's <br>", () => {
  it("joins a figure's digits and reads other lines as words", () => {
    const md = [
      "二、主动公开政府信息情况",
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
      "| --- | --- | --- | --- |",
      "| 规章 | 29<br>8 | 264 | 21<br/>5 |",
    ].join("\n");
    const doc = pipeGrid(textSource(md));
    const figures = doc.lines[3]?.tokens.filter((t) => t.kind === "num").map((t) => t.value);
    expect(figures).toEqual([298, 264, 215]);
  });
});

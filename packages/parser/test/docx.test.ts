import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderDocx } from "@gov-report/renderer";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx, parseReport } from "../src/index.js";
import { docxToHtml } from "../src/sources/docx.js";
import { CORPUS, expected, STEMS } from "./helpers.js";

const TABLES = ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const;
const corpus = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));

function expectTables(report: Record<string, unknown>, stem: string) {
  const want = expected(stem);
  for (const key of TABLES) expect(report[key], key).toEqual(want[key]);
  expect([report.edition, report.year]).toEqual([want.edition, want.year]);
}

// Two Word writers: our renderer (gridSpan + vMerge restart/continue) and LibreOffice saving the
// rendered HTML as .docx (its own XML: different run splitting, table properties, merges).
describe("Word (.docx) files", () => {
  it.each(STEMS)(
    "%s: our .docx, every table cell",
    async (stem) => {
      const r = await parseReport({ docx: corpus(`${stem}.rendered.docx`) });
      expectTables(r.report as unknown as Record<string, unknown>, stem);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    },
    60_000,
  );

  it.each(STEMS)(
    "%s: LibreOffice's .docx, every table cell",
    (stem) => {
      const r = parseDocx(corpus(`${stem}.libreoffice.docx`));
      expectTables(r.report as unknown as Record<string, unknown>, stem);
    },
    60_000,
  );

  it.each(STEMS)(
    "%s: LibreOffice's PDF export of the .docx, every table cell",
    async (stem) => {
      const r = await parseReport({ pdf: corpus(`${stem}.libreoffice.pdf`) });
      expectTables(r.report as unknown as Record<string, unknown>, stem);
    },
    60_000,
  );

  it("reads the year, agency and narrative text", () => {
    const r = parseDocx(corpus("huaian-2024.rendered.docx"));
    const want = expected("huaian-2024") as { agency: { name: string }; overview: string };
    expect(r.report.agency.name).toBe(want.agency.name);
    expect(r.report.overview.slice(0, 40)).toBe(want.overview.slice(0, 40));
  }, 60_000);

  it("merged cells become rowspan/colspan in the intermediate HTML", () => {
    const html = docxToHtml(corpus("huaian-2024.rendered.docx"));
    expect(html).toMatch(/rowspan="\d+"/);
    expect(html).toMatch(/colspan="\d+"/);
  });

  it("markup typed into the Word text stays text", async () => {
    const report = expected("huaian-2024") as { overview: string };
    report.overview = `<script>alert(1)</script> & <b>粗体</b> ${report.overview}`;
    const bytes = await renderDocx(report as never);
    const html = docxToHtml(bytes);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;");
    const r = parseDocx(bytes);
    expect(r.report.overview).toContain("<script>alert(1)</script> & <b>粗体</b>");
  }, 60_000);
});

describe("Word files that cannot be read", () => {
  const unreadable = (r: { diagnostics: { code: string; severity: string; message: string }[] }) =>
    r.diagnostics.find((d) => d.code === "input.unreadable" && d.severity === "error");

  it("a legacy .doc (OLE2) is named as such, with what to do", () => {
    const bytes = new Uint8Array(512);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(unreadable(parseDocx(bytes))?.message).toContain("另存为 .docx 或 PDF");
  });

  it("bytes that are not a zip, a truncated .docx, a zip without document.xml", () => {
    const full = corpus("seed-2020.rendered.docx");
    expect(unreadable(parseDocx(strToU8("not a word file")))).toBeDefined();
    expect(unreadable(parseDocx(full.subarray(0, full.length >> 1)))).toBeDefined();
    expect(unreadable(parseDocx(zipSync({ "hello.txt": strToU8("hi") })))).toBeDefined();
  });

  it("a document.xml that is not XML gives an empty reading, not a throw", () => {
    const files = unzipSync(corpus("seed-2020.rendered.docx"));
    files["word/document.xml"] = strToU8("<w:document><w:body><w:p><w:r><w:t>未闭合");
    const r = parseDocx(zipSync(files));
    expect(r.report).toBeDefined();
    expect(r.confidence).toBeLessThan(0.5);
    expect(strFromU8(files["word/document.xml"] as Uint8Array)).toContain("未闭合");
  });
});

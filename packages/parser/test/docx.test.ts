import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderDocx } from "@gov-report/renderer";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx, parseReport } from "../src/index.js";
import { LIMITS } from "../src/limits.js";
import { DocxReadError, docxSource } from "../src/sources/docx.js";
import { htmlSource } from "../src/sources/html.js";
import { readZipEntries, ZipArchive } from "../src/sources/zip.js";
import { CORPUS, expected, STEMS } from "./helpers.js";
import { docx, zip } from "./sources-zip.js";

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

  it.each(STEMS)(
    "%s: the .docx's table rows are those of the same report's HTML page (one table model)",
    (stem) => {
      const rows = (doc: ReturnType<typeof htmlSource>) =>
        doc.lines.filter((l) => l.tableRow).map((l) => `${l.text}|${l.tokens.map((t) => t.pos).join(",")}`);
      const word = rows(docxSource(corpus(`${stem}.rendered.docx`)));
      expect(word.length).toBeGreaterThan(40);
      expect(word).toEqual(rows(htmlSource(readFileSync(join(CORPUS, `${stem}.rendered.html`), "utf8"))));
    },
    60_000,
  );

  it("markup typed into the Word text stays text", async () => {
    const report = expected("huaian-2024") as { overview: string };
    report.overview = `<script>alert(1)</script> & <b>粗体</b> ${report.overview}`;
    const bytes = await renderDocx(report as never);
    expect(docxSource(bytes).lines.some((l) => l.text.startsWith("<script>alert(1)</script> & <b>粗体</b>"))).toBe(
      true,
    );
    const r = parseDocx(bytes);
    expect(r.report.overview).toContain("<script>alert(1)</script> & <b>粗体</b>");
  }, 60_000);
});

const wp = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

describe("Word's model, read as a stream of tags", () => {
  it("runs, tabs, breaks, tables with merges, content controls and text boxes become these lines", () => {
    const body = [
      // Paragraph properties, deleted text, field codes and CDATA are not what the page shows.
      '<w:p><w:pPr><w:t>样式</w:t></w:pPr><w:r><w:t>甲</w:t><w:tab/><w:t xml:space="preserve">乙 &amp; &lt;丙&gt;</w:t></w:r>',
      "<w:r><w:br/><w:delText>删</w:delText><w:instrText>PAGE</w:instrText><w:t><![CDATA[注]]>丁</w:t></w:r></w:p>",
      `<w:del>${wp("不读")}</w:del>`,
      // A row shifted by w:gridBefore, a cell spanning two grid columns and merged with the one
      // below (w:vMerge restart / continue), a cell inside a content control.
      '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>',
      `${wp("合")}</w:tc><w:sdt><w:sdtContent><w:tc>${wp("1")}</w:tc></w:sdtContent></w:sdt></w:tr>`,
      '<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc>',
      `<w:tc>${wp("2")}</w:tc></w:tr></w:tbl>`,
      // A text box (its fallback copy is not read twice).
      "<w:p><w:r><w:t>框外</w:t><mc:AlternateContent><mc:Choice><w:txbxContent>",
      `${wp("框一")}${wp("框二")}</w:txbxContent></mc:Choice>`,
      `<mc:Fallback><w:txbxContent>${wp("副本")}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    ].join("");
    // Line, its number (the place among the lines), table row or block, grid columns of its figures:
    // the merged cell spans columns 0–1 and rows 1–2, so "1" is in column 2 and "2" in column 3.
    const lines = docxSource(docx(body)).lines.map((l) => [
      l.text,
      l.lineNo,
      l.tableRow === true,
      l.tokens.filter((t) => t.kind === "num").map((t) => t.pos),
    ]);
    expect(lines).toEqual([
      ["甲 乙 & <丙>", 1, false, []],
      ["丁", 2, false, []],
      ["合 1", 3, true, [2]],
      ["2", 4, true, [3]],
      ["框外", 5, false, []],
      ["框一", 6, false, []],
      ["框二", 7, false, []],
    ]);
  });

  it("text and tags across the slices the XML is decoded in are read whole", () => {
    // Paragraphs of 1–97 three-byte characters: the 64 KiB slice boundaries fall inside
    // characters, tag names and attribute values alike.
    const texts = Array.from({ length: 3000 }, (_, i) => `${"字".repeat((i % 97) + 1)}${i}`);
    const body = texts.map((t, i) => `<w:p><w:pPr><w:jc w:val="${i}"/></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`);
    const doc = docxSource(docx(body.join("")));
    expect(doc.refused).toBeUndefined();
    expect(doc.lines.map((l) => l.text)).toEqual(texts);
  }, 60_000);

  it("the title of docProps/core.xml is the document's title, markup in it as text", () => {
    const core =
      '<cp:coreProperties xmlns:dc="d"><dc:title> 某&amp;局&lt;b&gt; 2024 年报告 </dc:title></cp:coreProperties>';
    const bytes = docx(wp("一、总体情况"), 0, [{ name: "docProps/core.xml", data: Buffer.from(core) }]);
    expect(docxSource(bytes).title).toBe("某&局<b> 2024 年报告");
  });

  it("docProps/core.xml is read within the same limits as the body", () => {
    const deep = `<cp:coreProperties>${"<a>".repeat(20_000)}</cp:coreProperties>`;
    const bytes = docx(wp("一、总体情况"), 0, [{ name: "docProps/core.xml", data: Buffer.from(deep) }]);
    expect(docxSource(bytes).refused?.limit).toBe("maxXmlDepth");
    const many = `<cp:coreProperties>${"<a/>".repeat(LIMITS.maxElements)}</cp:coreProperties>`;
    const wide = docx(wp("一、总体情况"), 0, [{ name: "docProps/core.xml", data: Buffer.from(many) }]);
    expect(docxSource(wide).refused?.limit).toBe("maxElements");
  }, 60_000);
});

describe("zip entries, whole or streamed", () => {
  const text = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `第${i}段。`).join(""));

  it("a streamed entry comes in pieces that add up to the entry read whole", () => {
    for (const deflate of [true, false]) {
      const bytes = zip([{ name: "a.xml", data: text, deflate }]);
      const pieces: Uint8Array[] = [];
      expect(new ZipArchive(bytes).stream("a.xml", (c) => pieces.push(c))).toBe(true);
      expect(pieces.length).toBeGreaterThan(1);
      expect(Buffer.concat(pieces).equals(text)).toBe(true);
      expect(Buffer.from(readZipEntries(bytes, ["a.xml"]).get("a.xml") as Uint8Array).equals(text)).toBe(true);
      expect(new ZipArchive(bytes).stream("b.xml", () => {})).toBe(false);
    }
  });

  it("a damaged stream is damage even when its reader stopped before the damage", () => {
    const deep = `${"<w:sdt>".repeat(LIMITS.maxXmlDepth + 1)}${wp("深")}`;
    const body = `${deep}${Array.from({ length: 20_000 }, (_, i) => wp(`第${i}段`)).join("")}`;
    const whole = docx(body);
    expect(docxSource(whole).refused?.limit).toBe("maxXmlDepth");
    // The document's compressed size (central directory record, offset 20) cut to half: its
    // deflate stream ends early, after the part that is too deep.
    const cut = Buffer.from(whole);
    const dir = cut.lastIndexOf(Buffer.from("word/document.xml")) - 46;
    cut.writeUInt32LE(cut.readUInt32LE(dir + 20) >> 1, dir + 20);
    expect(() => docxSource(cut)).toThrow(DocxReadError);
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

/**
 * Generators of hostile inputs, one family per row of the adversarial table (issue 10) and more
 * of the same families. Each writes its files into a folder and returns nothing: the cases in
 * cases.ts say how the CLI is run on them and what it must do.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readZipEntries } from "../../packages/parser/src/sources/zip.js";
import { docx, zip } from "../../packages/parser/test/sources-zip.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const MB = 1024 * 1024;

export const fixture = (name: string) => readFileSync(join(ROOT, "fixtures", name), "utf8");
export const corpus = (name: string) => readFileSync(join(ROOT, "packages/parser/test/corpus", name), "utf8");
export const report = (stem: string) => JSON.parse(fixture(`${stem}.expected.json`)) as Record<string, unknown>;

export function write(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** Random ideographs (xorshift, seeded): text whose trigrams do not saturate a small alphabet. */
export function ideographs(n: number, seed: number): string {
  const codes = new Uint16Array(n);
  let s = seed | 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    codes[i] = 0x4e00 + ((s >>> 0) % 20_000);
  }
  return new TextDecoder("utf-16le").decode(codes);
}

/** 1.3 MB of cells spanning 200 rows and 64 columns each, in one table. */
export function spanBomb(): string {
  const cell = "<td rowspan=200 colspan=64>1</td>";
  const row = `<tr>${cell.repeat(200)}</tr>\n`;
  return `<html><body><p>三、收到和处理政府信息公开申请情况</p><table>${row.repeat(Math.ceil((1.3 * MB) / row.length))}</table></body></html>`;
}

/** A .docx whose central directory names one 60 MB document.xml 5,000 times (376 KB on disk). */
export function duplicateEntryBomb(): Uint8Array {
  return docx(Buffer.alloc(60 * MB, 32), 5000);
}

/** A .docx of tiny paragraphs: `mb` megabytes of XML in a few hundred kilobytes. */
export function tinyParagraphs(mb: number): Uint8Array {
  const p = "<w:p><w:r><w:t>1</w:t></w:r></w:p>";
  return docx(p.repeat(Math.ceil((mb * MB) / p.length)));
}

/**
 * A published report as a .docx (the corpus's huaian-2024, as the renderer writes it) whose last
 * section is padded with narrative paragraphs until its document.xml is `mb` megabytes: within
 * every reader limit, so it must be read whole.
 */
export function paddedReportDocx(mb: number): Uint8Array {
  const original = readFileSync(join(ROOT, "packages/parser/test/corpus/huaian-2024.rendered.docx"));
  const xml = new TextDecoder().decode(readZipEntries(original, ["word/document.xml"]).get("word/document.xml"));
  const inner = xml.slice(xml.indexOf(">", xml.indexOf("<w:body")) + 1, xml.lastIndexOf("</w:body>"));
  const sentence =
    "本年度，我局依法做好政府信息主动公开工作，通过政府网站、政务新媒体和政务公开栏公开各类信息，及时回应社会关切。";
  const p = `<w:p><w:r><w:t>${sentence.repeat(3)}</w:t></w:r></w:p>`;
  const pad = p.repeat(Math.ceil((mb * MB - Buffer.byteLength(inner)) / Buffer.byteLength(p)));
  const at = inner.lastIndexOf("<w:sectPr");
  return docx(at >= 0 ? `${inner.slice(0, at)}${pad}${inner.slice(at)}` : `${inner}${pad}`);
}

/** A .docx nested `depth` deep by tables, content controls or text boxes. */
export function deepDocx(kind: "tables" | "sdt" | "txbx", depth = 20_000): Uint8Array {
  const [open, close] = (
    {
      tables: ["<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"],
      sdt: ["<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"],
      txbx: ["<w:p><w:r><w:txbxContent>", "</w:txbxContent></w:r></w:p>"],
    } as const
  )[kind];
  return docx(`${open.repeat(depth)}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>${close.repeat(depth)}`);
}

/** A .docx whose central directory has more records than the reader takes. */
export function manyEntries(n: number): Uint8Array {
  return zip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }], { 0: n });
}

/** A report (JSON) with one key replaced. */
export function reportWith(stem: string, edit: (r: Record<string, unknown>) => void): string {
  const r = report(stem);
  edit(r);
  return JSON.stringify(r);
}

/** The report moved to another year (for cross-year pairs): carried figures kept consistent. */
export function nextYear(r: Record<string, unknown>): Record<string, unknown> {
  const n = structuredClone(r);
  n.year = (r.year as number) + 1;
  const apps = n.applications as Record<string, Record<string, number>>;
  apps.carriedOver = { ...(r.applications as Record<string, Record<string, number>>).carriedForward };
  return n;
}

/** `count` unknown keys at the top level of a valid report. */
export function unknownKeys(count: number): string {
  return reportWith("seed-2020", (r) => {
    for (let i = 0; i < count; i++) r[`unknown${i}`] = i;
  });
}

/** Terminal control: retitle the window, clear the screen, ring the bell. */
export const ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u001b[31m";

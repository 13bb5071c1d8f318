/**
 * A .docx read as its package says rather than as Word happens to write it: the main document is
 * the target of the officeDocument relationship (`_rels/.rels`), WordprocessingML is matched by
 * namespace whatever its prefix (Python's ElementTree writes `ns0:`), and a body held as an HTML
 * or MHT part (w:altChunk: html-docx-js, portals' "export to Word" buttons) is read through the
 * HTML reader — all within the reader limits.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx } from "../src/index.js";
import { LIMITS } from "../src/limits.js";
import { docxSource } from "../src/sources/docx.js";
import { htmlSource } from "../src/sources/html.js";
import { chunkHtml } from "../src/sources/mime.js";
import { CORPUS, expected, expectFixtureTables } from "./helpers.js";
import { docx, zip } from "./sources-zip.js";

const STEM = "huaian-2024";
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const word = (): Record<string, Uint8Array> =>
  unzipSync(new Uint8Array(readFileSync(join(CORPUS, `${STEM}.rendered.docx`))));
const page = readFileSync(join(CORPUS, `${STEM}.rendered.html`), "utf8");

function expectTables(bytes: Uint8Array) {
  const report = parseDocx(bytes).report as unknown as Record<string, unknown>;
  const want = expected(STEM);
  expectFixtureTables(report, STEM);
  expect([report.year, (report.agency as { name: string }).name]).toEqual([
    want.year,
    (want.agency as { name: string }).name,
  ]);
}

const rels = (...list: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}">${list.join("")}</Relationships>`;
const rel = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`;

describe("Word: the main document part is the one the package names", () => {
  it.each(["word/report.xml", "/word/report.xml", "./word/./sub/../report.xml"])(
    "word/document.xml saved as word/report.xml, _rels/.rels Target %s: every cell",
    (target) => {
      const files = word();
      files["word/report.xml"] = files["word/document.xml"] as Uint8Array;
      files["word/_rels/report.xml.rels"] = files["word/_rels/document.xml.rels"] as Uint8Array;
      delete files["word/document.xml"];
      delete files["word/_rels/document.xml.rels"];
      files["_rels/.rels"] = strToU8(rels(rel("rId1", "officeDocument", target)));
      expectTables(zipSync(files));
    },
  );

  it("a relationship to a missing or external part: word/document.xml is read", () => {
    const files = word();
    files["_rels/.rels"] = strToU8(
      rels(rel("rId0", "officeDocument", "http://x/y.xml", true), rel("rId1", "officeDocument", "word/none.xml")),
    );
    expectTables(zipSync(files));
  });
});

/** The document's XML with prefix `w` written as `prefix` (as ElementTree writes it). */
function otherPrefix(xml: string, prefix: string): string {
  return xml
    .replace(/<(\/?)w:/g, `<$1${prefix}:`)
    .replace(/ w:([A-Za-z]+)=/g, ` ${prefix}:$1=`)
    .replace(`xmlns:w="${W}"`, `xmlns:${prefix}="${W}"`);
}

describe("Word: elements are matched by namespace, not by prefix", () => {
  it("WordprocessingML under ns0: every cell (merges, spans read from ns0: attributes)", () => {
    const files = word();
    const xml = otherPrefix(strFromU8(files["word/document.xml"] as Uint8Array), "ns0");
    expect(xml).not.toContain("<w:");
    files["word/document.xml"] = strToU8(xml);
    expectTables(zipSync(files));
  });

  it("the default namespace, a prefix bound on an inner element and out of scope after it", () => {
    const xml = (body: string) =>
      strToU8(`<?xml version="1.0"?><document xmlns="${W}"><body>${body}</body></document>`);
    const bytes = (body: string) =>
      zip([
        { name: "[Content_Types].xml", data: strToU8("<Types/>") },
        { name: "word/document.xml", data: xml(body) },
      ]);
    const lines = (body: string) => docxSource(bytes(body)).lines.map((l) => l.text);
    expect(
      lines("<p><r><t>一、总体情况</t></r></p><p><r><rPr><vanish/></rPr><t>隐藏</t></r><r><t>正文</t></r></p>"),
    ).toEqual(["一、总体情况", "正文"]);
    // Out of the element that binds it, `x` is bound to nothing: x:t is no w:t there.
    expect(lines(`<p><x:r xmlns:x="${W}"><x:t>里</x:t></x:r><x:r><x:t>外</x:t></x:r></p>`)).toEqual(["里"]);
    expect(lines(`<p xmlns:x="urn:other"><x:r><x:t>别的</x:t></x:r><r><t>字</t></r></p>`)).toEqual(["字"]);
  });
});

/** The page as Word's MHT writes it: quoted-printable, lines of at most 76 characters. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = "";
  let line = "";
  for (const b of bytes) {
    const c =
      b === 61 || b > 126 || (b < 32 && b !== 10)
        ? `=${b.toString(16).toUpperCase().padStart(2, "0")}`
        : String.fromCharCode(b);
    if (b === 10) {
      out += `${line}\r\n`;
      line = "";
    } else if (line.length + c.length > 75) {
      out += `${line}=\r\n`;
      line = c;
    } else line += c;
  }
  return out + line;
}

/** The page in GBK (an encoder built from the platform's GBK decoder). */
function gbk(text: string): Uint8Array {
  const pairs: number[] = [];
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) pairs.push(hi, lo);
  const decoded = new TextDecoder("gbk").decode(new Uint8Array(pairs));
  const code = new Map<string, number>();
  for (let i = 0; i < decoded.length; i++) if (!code.has(decoded[i] as string)) code.set(decoded[i] as string, i);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 128) out.push(ch.charCodeAt(0));
    else {
      const k = code.get(ch);
      if (k === undefined) throw new Error(`no GBK code for ${ch}`);
      out.push(pairs[2 * k] as number, pairs[2 * k + 1] as number);
    }
  }
  return new Uint8Array(out);
}

const mht = (headers: string, body: string, boundary = "----=_NextPart_01DA0000") =>
  `MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary="${boundary}";\r\n\ttype="text/html"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n` +
  `--${boundary}\r\nContent-Location: file:///C:/x/styles.css\r\nContent-Type: text/css\r\n\r\np{margin:0}\r\n\r\n` +
  `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n\r\n--${boundary}--\r\n`;

/**
 * A .docx whose body is a w:altChunk (`times` times) naming `target`, the part holding `chunk`,
 * then `after`.
 */
function altChunkDocx(target: string, chunk: Uint8Array, times = 1, after = ""): Uint8Array {
  const body = `${'<w:altChunk r:id="htmlChunk"/>'.repeat(times)}${after}<w:sectPr/>`;
  const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`;
  return zip([
    { name: "[Content_Types].xml", data: strToU8("<Types/>") },
    { name: "_rels/.rels", data: strToU8(rels(rel("rId1", "officeDocument", "word/document.xml"))) },
    { name: "word/document.xml", data: strToU8(doc) },
    { name: "word/_rels/document.xml.rels", data: strToU8(rels(rel("htmlChunk", "aFChunk", target))) },
    { name: "word/afchunk.mht", data: chunk },
  ]);
}

describe("Word: a body held as an HTML or MHT part (w:altChunk) is read as a page", () => {
  it("an MHT part, quoted-printable UTF-8: every cell", () => {
    const part = mht(
      'Content-Location: file:///C:/x/document.html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="utf-8"',
      quotedPrintable(strToU8(page)),
    );
    expectTables(altChunkDocx("/word/afchunk.mht", strToU8(part)));
  });

  it("an MHT part, base64 GBK (charset gb2312, a nested multipart): every cell", () => {
    const b64 = Buffer.from(gbk(page)).toString("base64").replace(/.{76}/g, "$&\r\n");
    const inner = mht("Content-Transfer-Encoding: base64\r\nContent-Type: text/html; charset=gb2312", b64, "inner");
    const outer = `Content-Type: multipart/alternative; boundary=outer\r\n\r\n--outer\r\nContent-Type: text/plain\r\n\r\n纯文本\r\n--outer\r\n${inner.replace("MIME-Version: 1.0\r\n", "")}\r\n--outer--\r\n`;
    expectTables(altChunkDocx("afchunk.mht", strToU8(outer)));
  });

  it("an HTML part: every cell; the page's title is the document's when core.xml has none", () => {
    const bytes = altChunkDocx("afchunk.mht", strToU8(page));
    expectTables(bytes);
    expect(docxSource(bytes).title).toBe(htmlSource(page).title);
  });

  it("a part named a thousand times is read once; a part of another kind (RTF) is not read", () => {
    const once = docxSource(altChunkDocx("afchunk.mht", strToU8(page))).lines.length;
    expect(once).toBeGreaterThan(50);
    expect(docxSource(altChunkDocx("afchunk.mht", strToU8(page), 1000)).lines.length).toBe(once);
    expect(docxSource(altChunkDocx("afchunk.mht", strToU8("{\\rtf1 一、总体情况}"))).lines).toEqual([]);
  });

  it("the document and its chunk inflate from one budget: together over it, the file is refused", () => {
    const size = Math.ceil(LIMITS.maxInflatedBytes * 0.6);
    const chunk = strToU8(`<p>${" ".repeat(size)}</p>`);
    const padding = `<w:p><w:r><w:t>${" ".repeat(size)}</w:t></w:r></w:p>`;
    // Each part alone is within the budget: read apart, nothing is refused.
    expect(docxSource(altChunkDocx("afchunk.mht", chunk)).refused).toBeUndefined();
    expect(docxSource(docx(padding)).refused).toBeUndefined();
    // The chunk is read while the document is streamed: the rest of the document is over the budget.
    const both = altChunkDocx("afchunk.mht", chunk, 1, padding);
    expect(docxSource(both).refused?.limit).toBe("maxInflatedBytes");
  }, 60_000);

  it("an MHT part of any bytes never throws", () => {
    const piece = fc.constantFrom(
      "MIME-Version: 1.0\r\n",
      'Content-Type: multipart/related; boundary="b"\r\n',
      "Content-Type: text/html; charset=x-unknown\r\n",
      "Content-Transfer-Encoding: base64\r\n",
      "Content-Transfer-Encoding: quoted-printable\r\n",
      "\r\n",
      "\n",
      "--b\r\n",
      "--b--",
      "=E4=B8=80=\r\n",
      "=Z",
      "5LiA",
      "<p>1</p>",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
        const bytes = strToU8(parts.join(""));
        expect(() => chunkHtml(bytes)).not.toThrow();
        expect(() => docxSource(altChunkDocx("afchunk.mht", bytes))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

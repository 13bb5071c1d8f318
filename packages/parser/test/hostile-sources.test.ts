/**
 * The readers on arbitrary input: text and HTML never throw; a .docx reader throws only
 * DocxReadError (a file that is not a readable .docx), whatever the bytes — random, or a valid
 * archive with bytes flipped anywhere.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocxReadError, docxSource } from "../src/sources/docx.js";
import { htmlSource } from "../src/sources/html.js";
import { textSource } from "../src/sources/text.js";
import { docx } from "./sources-zip.js";

const MARKUP = fc.constantFrom(
  "<table>",
  "</table>",
  "<tr>",
  "<td rowspan=999999 colspan=999999>",
  "<td>",
  "<p>",
  "</p>",
  "<",
  "</",
  "<!--",
  "-->",
  "<script>",
  "<svg><path/>",
  "<textarea>",
  '<a title=">">',
  "&lt;",
  "\uFDD0",
  "\uFFFE",
  "三、收到和处理政府信息公开申请情况",
  "1 2 3",
  "\n",
);

describe("readers on arbitrary input", () => {
  it("text and HTML never throw and keep every line within the limits", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(MARKUP, fc.string({ maxLength: 20 })), { maxLength: 200 }), (parts) => {
        const s = parts.join("");
        for (const doc of [textSource(s), htmlSource(s)]) {
          expect(Array.isArray(doc.lines)).toBe(true);
          for (const l of doc.lines) expect(typeof l.key).toBe("string");
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("a .docx with any byte changed gives a document or a DocxReadError, nothing else", () => {
    const bytes = docx(
      "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    );
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.nat({ max: 255 }), (at, value) => {
        const copy = new Uint8Array(bytes);
        copy[at] = value;
        try {
          expect(Array.isArray(docxSource(copy).lines)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(DocxReadError);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("a .docx of any sequence of Word's tags, balanced or not, gives a document", () => {
    const NAMES = ["w:p", "w:r", "w:t", "w:tbl", "w:tr", "w:tc", "w:tcPr", "w:trPr", "w:gridSpan", "w:gridBefore"];
    const MORE = ["w:vMerge", "w:sdt", "w:sdtContent", "w:txbxContent", "w:tab", "w:br", "w:del", "mc:Fallback"];
    const name = fc.constantFrom(...NAMES, ...MORE, "w:body", "dc:title");
    const attr = fc.constantFrom("", ' w:val="restart"', ' w:val="2"', ' w:val="-1"', ' w:val="99"', " w:val='x'");
    const tag = fc.oneof(
      fc.tuple(name, attr).map(([n, a]) => `<${n}${a}>`),
      fc.tuple(name, attr).map(([n, a]) => `<${n}${a}/>`),
      name.map((n) => `</${n}>`),
      fc.constantFrom("1", "一、总体情况", "&amp;", "&bogus;", "<![CDATA[x]]>", "<!-- c", "<", "\uFFFE"),
    );
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 120 }), (parts) => {
        const doc = docxSource(docx(parts.join("")));
        for (const l of doc.lines) expect(typeof l.text).toBe("string");
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("random bytes after a zip signature are a DocxReadError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        expect(() => docxSource(bytes)).toThrow(DocxReadError);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

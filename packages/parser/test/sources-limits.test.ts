/**
 * The readers' limits: inputs over a limit are refused as a whole (a document with no lines that
 * names the limit), never read in part; the nesting guard counts only what the HTML parser nests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collapseDiagnostics, LIMITS } from "../src/limits.js";
import { DocxReadError, docxSource } from "../src/sources/docx.js";
import { htmlSource, limitNesting } from "../src/sources/html.js";
import { textSource } from "../src/sources/text.js";
import type { Diagnostic } from "../src/types.js";
import { CORPUS, STEMS } from "./helpers.js";
import { docx, zip } from "./sources-zip.js";

const OPTIONAL_END_TAGS = /<\/(p|td|tr|li|th|option)>/gi;
const view = (html: string) =>
  htmlSource(html).lines.map((l) => `${l.text}|${l.tokens.map((t) => `${t.text}@${t.pos}`).join(",")}`);

describe("HTML nesting guard", () => {
  it("a page without its optional end tags reads exactly as with them (every cell, every position)", () => {
    for (const stem of STEMS) {
      const html = readFileSync(join(CORPUS, `${stem}.rendered.html`), "utf8");
      const stripped = html.replace(OPTIONAL_END_TAGS, "");
      expect(stripped.length).toBeLessThan(html.length);
      expect(limitNesting(stripped)).toBe(stripped);
      expect(view(stripped)).toEqual(view(html));
    }
  });

  it("thousands of unclosed <p>, <li> and <td> are not nesting", () => {
    const page = `<body>${"<p>段落".repeat(3000)}<ul>${"<li>项".repeat(3000)}</ul><table><tr>${"<td>1".repeat(500)}</table>`;
    expect(limitNesting(page)).toBe(page);
  });

  it("markup really nested 100,000 deep keeps its text and is cut to the depth limit", () => {
    const page = `${"<div>".repeat(100_000)}深处的文字${"</div>".repeat(100_000)}<p>后面的段落</p>`;
    const cut = limitNesting(page);
    expect(cut.length).toBeLessThan(page.length);
    expect(cut.split("<div>").length - 1).toBe(LIMITS.maxHtmlDepth);
    const lines = htmlSource(page).lines.map((l) => l.text);
    expect(lines).toEqual(["深处的文字", "后面的段落"]);
  }, 60_000);

  it("a '>' inside a quoted attribute does not end the tag", () => {
    const page = `${'<div title="a>b">'.repeat(LIMITS.maxHtmlDepth + 5)}x`;
    expect(limitNesting(page).split("<div").length - 1).toBe(LIMITS.maxHtmlDepth);
  });
});

describe("HTML limits", () => {
  it("a table whose spans expand past the grid limit is refused, naming the limit", () => {
    const cells = "<td rowspan=200 colspan=64>1</td>".repeat(40);
    const page = `<table>${`<tr>${cells}</tr>`.repeat(200)}</table>`;
    const doc = htmlSource(page);
    expect(doc.lines).toEqual([]);
    expect(doc.refused?.limit).toBe("maxGridSlots");
    expect(doc.refused?.message).toContain(String(LIMITS.maxGridSlots));
    expect(doc.refused?.messageEn).toContain("maxGridSlots");
  }, 60_000);

  it("a page of more elements than the limit is refused before a tree is built", () => {
    const doc = htmlSource("<b>1</b>".repeat(LIMITS.maxElements + 1));
    expect(doc.refused?.limit).toBe("maxElements");
  }, 60_000);

  it("a page of more tokens than the limit is refused", () => {
    const doc = htmlSource(`<p>${"1 ".repeat(1000)}</p>`.repeat(LIMITS.maxTokens / 1000 + 1));
    expect(doc.refused?.limit).toBe("maxTokens");
  }, 60_000);

  it("a block of more figures than any row has is text, not figures", () => {
    const doc = htmlSource(`<p>${"1,".repeat(LIMITS.maxLineTokens * 100)}</p>`);
    expect(doc.refused).toBeUndefined();
    expect(doc.lines[0]?.tokens.map((t) => t.kind)).toEqual(["text"]);
  }, 60_000);

  it("a text node of 2 MB of '<' and spaces is one line, read in linear time", () => {
    const doc = htmlSource(`<p>${"< ".repeat(1 << 20)}</p>`);
    expect(doc.refused).toBeUndefined();
    expect(doc.lines).toHaveLength(1);
    expect(doc.lines[0]?.text.length).toBe((1 << 21) - 1);
  }, 60_000);

  it("'<' that starts no tag is text, kept as printed", () => {
    expect(htmlSource("<p>a < b, 1<2</p><p><<>></p>").lines.map((l) => l.text)).toEqual(["a < b, 1<2", "<<>>"]);
    const doc = htmlSource("<".repeat(1 << 20));
    expect(doc.lines[0]?.text).toBe("<".repeat(1 << 20));
  }, 60_000);

  it("line numbers follow the newlines of the page", () => {
    const doc = htmlSource("<p>一</p>\n\n<p>二</p>\n<table><tr><td>三</td><td>4</td></tr></table>\n<p>五</p>");
    expect(doc.lines.map((l) => [l.text, l.lineNo])).toEqual([
      ["一", 1],
      ["二", 3],
      ["三 4", 4],
      ["五", 5],
    ]);
  });
});

describe("text limits", () => {
  it("a line of a million '1 ' after a 表三 label is one text token", () => {
    const doc = textSource(`三、收到和处理政府信息公开申请情况\n${"1 ".repeat(1_000_000)}`);
    expect(doc.refused).toBeUndefined();
    expect(doc.lines[1]?.tokens).toHaveLength(1);
    expect(doc.lines[1]?.tokens[0]?.kind).toBe("text");
  }, 60_000);

  it("a line of 10 million '1 ' is over the line limit and refused", () => {
    const doc = textSource(`三、收到和处理政府信息公开申请情况\n${"1 ".repeat(10_000_000)}`);
    expect(doc.lines).toEqual([]);
    expect(doc.refused?.limit).toBe("maxLineChars");
  }, 60_000);

  it("lines of more tokens in all than the limit are refused", () => {
    const doc = textSource(`${"1 ".repeat(1000)}\n`.repeat(LIMITS.maxTokens / 1000 + 1));
    expect(doc.lines).toEqual([]);
    expect(doc.refused?.limit).toBe("maxTokens");
  }, 60_000);

  it("more lines than the limit are refused", () => {
    expect(textSource("行\n".repeat(LIMITS.maxLines + 1)).refused?.limit).toBe("maxLines");
    expect(textSource("行\n".repeat(1000)).lines).toHaveLength(1000);
  }, 60_000);

  it("more characters than the limit are refused unread", () => {
    expect(textSource(" ".repeat(LIMITS.maxChars + 1)).refused?.limit).toBe("maxChars");
  }, 60_000);
});

const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

describe("Word limits", () => {
  it("reads a small document", () => {
    const doc = docxSource(docx(`${para("一、总体情况")}${para("正文")}`));
    expect(doc.kind).toBe("docx");
    expect(doc.lines.map((l) => l.text)).toEqual(["一、总体情况", "正文"]);
  });

  it("a document.xml named 5,000 times in the directory is inflated once", () => {
    const body = para("一、总体情况").repeat(2000);
    const bytes = docx(body, 5000);
    const doc = docxSource(bytes);
    expect(doc.lines).toHaveLength(2000);
  }, 60_000);

  it("an entry declared larger than the inflate budget is refused unread", () => {
    const big = Buffer.alloc(LIMITS.maxInflatedBytes + 1, 32);
    const doc = docxSource(zip([{ name: "word/document.xml", data: big }]));
    expect(doc.refused?.limit).toBe("maxInflatedBytes");
  }, 60_000);

  it("an entry that inflates past its declared size is a damaged file", () => {
    const bytes = zip([{ name: "word/document.xml", data: Buffer.alloc(1 << 20, 32) }]);
    // Declared size (central directory, offset 24 of the record) set to 1 KB.
    const dir = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(1024, dir + 24);
    expect(() => docxSource(bytes)).toThrow(DocxReadError);
  });

  for (const [name, open, close] of [
    ["tables", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"],
    ["content controls", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"],
    ["text boxes", "<w:p><w:r><w:txbxContent>", "</w:txbxContent></w:r></w:p>"],
  ] as const) {
    it(`${name} nested 20,000 deep are refused without overflowing the stack`, () => {
      const doc = docxSource(docx(`${open.repeat(20_000)}${para("深")}${close.repeat(20_000)}`));
      expect(doc.refused?.limit).toBe("maxXmlDepth");
    }, 60_000);
  }

  it("a few levels of nesting are read", () => {
    const doc = docxSource(
      docx(`<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc>${para("格")}</w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>`),
    );
    expect(doc.lines.map((l) => l.text)).toEqual(["格"]);
  });

  it("a document of more tiny paragraphs than the element limit is refused", () => {
    const doc = docxSource(docx(para("1").repeat(LIMITS.maxElements / 3 + 1)));
    expect(doc.refused?.limit).toBe("maxElements");
  }, 60_000);

  // Lines are made while the XML streams; a line limit crossed early is reported only once the XML
  // is read, so that a limit of the XML itself further on is still what the document is refused for.
  it("a paragraph over the line limit is refused for it, unless the XML is over a limit of its own", () => {
    const long = para("字".repeat(LIMITS.maxLineChars + 1));
    expect(docxSource(docx(`${long}${para("后")}`)).refused?.limit).toBe("maxLineChars");
    const deep = `${"<w:sdt>".repeat(LIMITS.maxXmlDepth + 1)}${para("深")}`;
    expect(docxSource(docx(`${long}${deep}`)).refused?.limit).toBe("maxXmlDepth");
  }, 60_000);
});

describe("collapseDiagnostics", () => {
  const d = (code: string, i: number): Diagnostic => ({
    code,
    severity: "warning",
    message: `第 ${i} 条`,
    messageEn: `number ${i}`,
  });

  it("keeps the first N of each code and counts the rest in one diagnostic", () => {
    const list = [...Array.from({ length: 50 }, (_, i) => d("cell.extra", i)), d("row.missing", 0)];
    const out = collapseDiagnostics(list, 20);
    expect(out).toHaveLength(22);
    expect(out.filter((x) => x.code === "cell.extra")).toHaveLength(21);
    expect(out[20]?.code).toBe("row.missing");
    expect(out[21]?.messageEn).toContain("30 more");
  });

  it("leaves a short list as it is", () => {
    const list = [d("a", 1), d("b", 2)];
    expect(collapseDiagnostics(list)).toEqual(list);
  });
});

/**
 * What every writer does with characters XML 1.0 does not allow, line endings, and the signature
 * (落款) printed at the end of the report.
 */
import { displayWidth, type Report } from "@gov-report/core/lite";
import { parse } from "parse5";
import { describe, expect, it } from "vitest";
import { REPLACEMENT_CHARACTER, terminalSafe, xmlSafe } from "../src/chars.js";
import { formatDate } from "../src/format.js";
import { renderDocx, renderHtml, renderMarkdown, renderText } from "../src/index.js";
import { elements, loadFixture, parseXml, textOf, unzipEntry, xmlElements, xmlText } from "./helpers.js";

/** One of each kind XML 1.0 forbids: noncharacters, a lone high and a lone low surrogate, C0 controls. */
const FORBIDDEN = ["\uFFFE", "\uDC00", "\uFFFF", "\uD800", "\u0000", "\u0001", "\u0007", "\u000B", "\u001B"];

function hostile(): Report {
  const r = loadFixture("huaian-2024");
  return {
    ...r,
    agency: { name: `淮安${FORBIDDEN.join("")}市人民政府` },
    overview: `甲${FORBIDDEN.join("")}乙\n第二段\u001B]0;title\u0007\u001B[2J`,
    otherMatters: "保留 😀 与制表\t符",
  } as Report;
}

/** True for a code point of XML 1.0's Char production. */
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/** Decodes bytes as strict UTF-8 (throws on any invalid sequence) and lists the non-XML characters. */
function forbiddenIn(bytes: Uint8Array): string[] {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return [...text].filter((c) => !isXmlChar(c.codePointAt(0) as number));
}

describe("characters XML does not allow", () => {
  it("xmlSafe replaces each with U+FFFD and keeps everything else, pairs and emoji included", () => {
    expect(xmlSafe(`a${FORBIDDEN.join("")}b`)).toBe(`a${REPLACEMENT_CHARACTER.repeat(FORBIDDEN.length)}b`);
    expect(xmlSafe("\uDC00\uD800")).toBe("\uFFFD\uFFFD"); // a reversed pair is two lone halves
    const fine = "税务局 😀 \t\r\n \u0085 \uFFFD";
    expect(xmlSafe(fine)).toBe(fine);
    expect(terminalSafe("a\u0085b\u009Bc\u007Fd")).toBe("a\uFFFDb\uFFFDc\uFFFDd");
  });

  it("never reach the .docx XML: strict UTF-8, every character an XML Char, replaced in place", async () => {
    const docx = await renderDocx(hostile());
    for (const part of ["word/document.xml", "docProps/core.xml"]) {
      const bytes = unzipEntry(docx, part);
      expect(forbiddenIn(bytes), part).toEqual([]);
    }
    const xml = unzipEntry(docx, "word/document.xml").toString("utf8");
    const texts = [...xmlElements(parseXml(xml), "w:t")].map(xmlText);
    const marks = REPLACEMENT_CHARACTER.repeat(FORBIDDEN.length);
    expect(texts).toContain(`甲${marks}乙`);
    expect(texts).toContain(`淮安${marks}市人民政府2024年政府信息公开工作年度报告`);
    expect(texts).toContain("保留 😀 与制表\t符");
    expect(unzipEntry(docx, "docProps/core.xml").toString("utf8")).toContain(`淮安${marks}市人民政府`);
  });

  it("would be caught by the check above (it sees a forbidden character when one is there)", () => {
    expect(forbiddenIn(new TextEncoder().encode("<w:t>a\uFFFEb\u0001</w:t>"))).toEqual(["\uFFFE", "\u0001"]);
    expect(() => forbiddenIn(new Uint8Array([0x3c, 0xed, 0xa0, 0x80]))).toThrow(); // an encoded lone surrogate
  });

  it("never reach HTML, Markdown or text either", () => {
    const report = hostile();
    const html = renderHtml(report);
    const md = renderMarkdown(report);
    const txt = renderText(report);
    for (const out of [html, md, txt]) expect(forbiddenIn(new TextEncoder().encode(out))).toEqual([]);
    const marks = REPLACEMENT_CHARACTER.repeat(FORBIDDEN.length);
    const ps = [...elements(parse(html), "p")].map(textOf);
    expect(ps).toContain(`甲${marks}乙`);
    expect(md).toContain(`甲${marks}乙`);
    // No escape sequence reaches a terminal: ESC and BEL are replaced, the rest is shown as text.
    expect(txt).not.toMatch(/[\u001B\u0007\u009B]/);
    expect(txt).toContain("第二段\uFFFD]0;title\uFFFD\uFFFD[2J");
  });
});

describe("line endings", () => {
  it("Markdown takes a lone CR as a line break, as it does LF: no heading or row can be smuggled in", () => {
    const report = {
      ...loadFixture("seed-2020"),
      agency: { name: "某局\r# 假标题\n| 假行 |" },
      otherMatters: "第一段\r# 不是标题\r\n第三段",
    } as Report;
    const md = renderMarkdown(report);
    expect(md).not.toContain("\r");
    // The breaks became spaces: "#" inside a line is text, the pipes are escaped.
    expect(md.split("\n")[0]).toBe("# 某局 # 假标题 \\| 假行 \\|2020年政府信息公开工作年度报告");
    expect(md).toContain("## 六、其他需要报告的事项\n\n第一段\n\n\\# 不是标题\n\n第三段\n");
    expect(md.split("\n").filter((l) => l.startsWith("# "))).toHaveLength(1);
  });

  it("HTML, Word and text split narratives on a lone CR too", async () => {
    const report = { ...loadFixture("seed-2020"), otherMatters: "第一段\r第二段" } as Report;
    const ps = [...elements(parse(renderHtml(report)), "section")]
      .filter((s) => s.attrs.some((a) => a.name === "data-section" && a.value === "otherMatters"))
      .flatMap((s) => [...elements(s, "p")].map(textOf));
    expect(ps).toEqual(["第一段", "第二段"]);
    const xml = unzipEntry(await renderDocx(report), "word/document.xml").toString("utf8");
    const texts = [...xmlElements(parseXml(xml), "w:t")].map(xmlText);
    expect(texts).toContain("第一段");
    expect(texts).toContain("第二段");
    const txt = renderText(report);
    expect(txt).not.toContain("\r");
    expect(txt).toContain("　　第一段\n　　第二段");
  });
});

const SIGNED = { agency: "淮安市人民政府办公室", date: "2025-01-20" };
const signed = (name = "huaian-2024") => ({ ...loadFixture(name), signature: SIGNED }) as Report;

/** The paragraphs of a .docx body in order, with their alignment (w:jc) and text. */
async function docxParagraphs(report: Report): Promise<{ jc?: string; text: string }[]> {
  const xml = unzipEntry(await renderDocx(report), "word/document.xml").toString("utf8");
  const body = [...xmlElements(parseXml(xml), "w:body")][0];
  if (!body) throw new Error("no w:body");
  return body.children
    .filter((c) => c.name === "w:p")
    .map((p) => {
      const jc = [...xmlElements(p, "w:jc")][0]?.attrs["w:val"];
      return { ...(jc ? { jc } : {}), text: [...xmlElements(p, "w:t")].map(xmlText).join("") };
    });
}

describe("signature (落款)", () => {
  it("prints the date as reports do", () => {
    expect(formatDate("2025-01-20")).toBe("2025年1月20日");
    expect(formatDate("2024-12-31")).toBe("2024年12月31日");
    expect(formatDate("2025-1-2")).toBe("2025-1-2"); // not an ISO date: printed as typed
  });

  it("HTML: agency then date, right-aligned, after the last section", () => {
    const html = renderHtml(signed());
    const doc = parse(html);
    const sections = [...elements(doc, "section")];
    const last = sections.at(-1);
    expect(last?.attrs.find((a) => a.name === "class")?.value).toBe("gr-signature");
    expect([...elements(last as never, "p")].map(textOf)).toEqual(["淮安市人民政府办公室", "2025年1月20日"]);
    expect(html).toContain(".gov-report .gr-signature p { text-indent: 0; text-align: right;");
  });

  it("Word: two right-aligned paragraphs at the end of the body", async () => {
    const ps = await docxParagraphs(signed());
    expect(ps.slice(-2)).toEqual([
      { jc: "right", text: "淮安市人民政府办公室" },
      { jc: "right", text: "2025年1月20日" },
    ]);
  });

  it("Markdown: a right-aligned block at the end, escaped", () => {
    const md = renderMarkdown({ ...signed(), signature: { agency: "<b>某局</b>", date: "2025-01-20" } } as Report);
    expect(md.trimEnd().split("\n").at(-1)).toBe('<p align="right">&lt;b&gt;某局&lt;/b&gt;<br>2025年1月20日</p>');
  });

  it("text: flush right with the tables, after the last section", () => {
    const txt = renderText(signed());
    const lines = txt.trimEnd().split("\n");
    const tables = lines.slice(0, -2).filter((l) => l.endsWith("|") || l.endsWith("+"));
    const widest = Math.max(...tables.map(displayWidth));
    expect(lines.slice(-2).map((l) => l.trim())).toEqual(["淮安市人民政府办公室", "2025年1月20日"]);
    for (const l of lines.slice(-2)) expect(displayWidth(l)).toBe(widest);
  });

  it("text: a long paragraph (one line however long) does not push the signature out", () => {
    const report = { ...signed(), otherMatters: "无。".repeat(400) } as Report;
    const lines = renderText(report).trimEnd().split("\n");
    const tables = lines.filter((l) => l.endsWith("|") || l.endsWith("+"));
    for (const l of lines.slice(-2)) expect(displayWidth(l)).toBe(Math.max(...tables.map(displayWidth)));
  });

  it("absent: nothing in any format", async () => {
    const report = loadFixture("huaian-2024");
    expect(renderHtml(report)).not.toContain('data-section="signature"');
    expect(renderMarkdown(report)).not.toContain('align="right"');
    expect(renderText(report)).not.toContain("年1月");
    expect((await docxParagraphs(report)).filter((p) => p.jc === "right")).toEqual([]);
  });
});

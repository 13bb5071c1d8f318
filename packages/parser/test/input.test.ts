import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { decodeText, detectInput, documentInput, fatalDiagnostic, kindOfName } from "../src/input.js";
import { CORPUS, pdfBytes } from "./helpers.js";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("detectInput: the kind of a file from its bytes, the name only as a hint", () => {
  it("PDF by its header, also after a few bytes of junk, whatever the name", () => {
    expect(detectInput(pdfBytes("hongze-2024"), "报告.txt")).toBe("pdf");
    const junk = new Uint8Array([0x0a, 0x0d, ...bytes("%PDF-1.7\n")]);
    expect(detectInput(junk)).toBe("pdf");
  });

  it("a .docx is a zip naming word/document.xml; another zip is a zip", () => {
    const docx = new Uint8Array(readFileSync(join(CORPUS, "seed-2020.rendered.docx")));
    expect(detectInput(docx, "a.zip")).toBe("docx");
    const archive = zipSync({ "2024/淮安市.json": bytes("{}"), "readme.txt": bytes("x") });
    expect(detectInput(archive, "reports.docx")).toBe("zip");
  });

  it("a .docx whose main part has another name (found through its relationships) is a .docx", () => {
    const renamed = zipSync({
      "[Content_Types].xml": bytes("<Types/>"),
      "_rels/.rels": bytes("<Relationships/>"),
      "word/report.xml": bytes("<w:document/>"),
    });
    expect(detectInput(renamed, "a.bin")).toBe("docx");
  });

  it("a legacy .doc (OLE2) and binary files", () => {
    expect(detectInput(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe("doc");
    expect(detectInput(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), "scan.png")).toBeUndefined();
  });

  it("text by its first character; the extension decides what the content leaves open", () => {
    expect(detectInput(bytes('\uFEFF  {"year": 2024}'), "r.txt")).toBe("text");
    expect(detectInput(bytes('\uFEFF  {"year": 2024}'), "r")).toBe("json");
    expect(detectInput(bytes('{"year": 2024}'), "<b>x</b>.html")).toBe("json");
    expect(detectInput(bytes("<!doctype html><p>报告"), "r.txt")).toBe("html");
    expect(detectInput(bytes("| 类别 | 数据1 |"), "r.md")).toBe("text");
    expect(detectInput(bytes("一、总体情况"), "page.shtml")).toBe("html");
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
    expect(detectInput(utf16, "r")).toBe("json");
  });

  it("never throws", () => {
    expect(detectInput(new Uint8Array(0))).toBe("text");
    expect(detectInput(null as unknown as Uint8Array)).toBeUndefined();
  });
});

describe("kindOfName, decodeText, documentInput, fatalDiagnostic", () => {
  it("extensions, case-insensitive; a hidden file's name is no extension", () => {
    expect(kindOfName("D:\\报告\\2024.PDF")).toBe("pdf");
    expect(kindOfName("notes.markdown")).toBe("text");
    expect(kindOfName(".json")).toBeUndefined();
    expect(kindOfName("dir.v2/README")).toBeUndefined();
  });

  it("UTF-8, UTF-16 with a BOM, and GB 18030 when the bytes are not UTF-8", () => {
    expect(decodeText(bytes("\uFEFF报告"))).toBe("报告");
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x62, 0xa5, 0x54, 0x4a]))).toBe("报告");
    expect(decodeText(new Uint8Array([0xb1, 0xa8, 0xb8, 0xe6]))).toBe("报告");
  });

  it("documents go to their reader, JSON and archives do not", () => {
    expect(documentInput("html", bytes("<p>x"))).toEqual({ html: "<p>x" });
    expect(documentInput("doc", new Uint8Array([1]))).toEqual({ docx: new Uint8Array([1]) });
    expect(documentInput("json", bytes("{}"))).toBeUndefined();
    expect(documentInput("zip", bytes("PK"))).toBeUndefined();
  });

  it("the diagnostics that mean no report", () => {
    const d = (code: string) => ({ code, severity: "error" as const, message: "", messageEn: "" });
    expect(fatalDiagnostic([d("table.missing"), d("input.too-large")])?.code).toBe("input.too-large");
    expect(fatalDiagnostic([d("table.missing")])).toBeUndefined();
  });
});

describe("text encodings", () => {
  const text = "一、总体情况\n本年度收到申请 12 件，办结 12 件。\n";
  const utf16 = (s: string, le: boolean) => {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };

  it("reads UTF-16 without its byte order mark, either order", () => {
    for (const le of [true, false]) {
      const bytes = utf16(text.repeat(4), le);
      expect(detectInput(bytes, "r.txt")).toBe("text");
      expect(decodeText(bytes)).toBe(text.repeat(4));
    }
  });

  it("keeps a UTF-8 text with a stray invalid byte UTF-8, the byte as U+FFFD, and says so", () => {
    const good = new TextEncoder().encode(`${text.repeat(20)}`);
    const bytes = new Uint8Array([...good.subarray(0, 40), 0xff, ...good.subarray(40)]);
    const decoded = decodeText(bytes);
    expect(decoded).toContain("一、总体情况");
    expect(decoded).toContain("\uFFFD");
    const r = parseText(decoded);
    expect(r.diagnostics.find((d) => d.code === "input.damaged-characters")?.severity).toBe("warning");
  });

  it("still reads GB 18030 text as GB 18030", () => {
    // 一、总体情况 in GBK.
    const gbk = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]);
    expect(decodeText(gbk)).toBe("一、总体情况");
  });

  it("reads lines ended by CR alone (old Mac files)", () => {
    const r = parseText("某某县人民政府2024年政府信息公开工作年度报告\r一、总体情况\r本年度依法公开。\r");
    expect([r.report.year, r.report.agency.name]).toEqual([2024, "某某县人民政府"]);
  });
});

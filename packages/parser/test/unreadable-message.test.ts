import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx, parseReport } from "../src/index.js";
import { CORPUS, pdfBytes } from "./helpers.js";

type Result = { diagnostics: { code: string; message: string; messageEn: string }[] };
const unreadable = (r: Result) => r.diagnostics.find((d) => d.code === "input.unreadable");

/** The Latin words a Chinese message may carry: names of file types and parts, not English prose. */
const NAMES = new Set(["PDF", "Word", "WPS", "doc", "docx", "word", "document", "xml"]);
const latinWords = (s: string) => (s.match(/[A-Za-z]+/g) ?? []).filter((w) => !NAMES.has(w));

describe("input.unreadable: the Chinese message is Chinese, the reader's English detail is in messageEn", () => {
  it("a corrupt PDF (a fixture with its body overwritten)", async () => {
    const bytes = pdfBytes("hongze-2023");
    bytes.fill(0x20, 16);
    const d = unreadable(await parseReport({ pdf: bytes }));
    expect(d).toBeDefined();
    expect(latinWords(d?.message ?? "")).toEqual([]);
    expect(d?.message).toContain("PDF");
    expect(d?.messageEn).toMatch(/Invalid PDF structure/);
  }, 60_000);

  it("bytes that are not a PDF at all", async () => {
    const d = unreadable(await parseReport({ pdf: strToU8("hello, not a pdf") }));
    expect(latinWords(d?.message ?? "")).toEqual([]);
    expect(d?.messageEn).toMatch(/not a readable PDF/);
  }, 60_000);

  it("a truncated .docx and a zip without word/document.xml", () => {
    const full = new Uint8Array(readFileSync(join(CORPUS, "seed-2020.rendered.docx")));
    const cut = unreadable(parseDocx(full.subarray(0, full.length >> 1)));
    const empty = unreadable(parseDocx(zipSync({ "hello.txt": strToU8("hi") })));
    for (const d of [cut, empty]) {
      expect(d).toBeDefined();
      expect(latinWords(d?.message ?? "")).toEqual([]);
    }
    expect(empty?.message).toContain("word/document.xml");
    expect(empty?.messageEn).toContain("no word/document.xml");
  });
});

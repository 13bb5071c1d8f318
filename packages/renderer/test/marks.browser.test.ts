/**
 * The marks of unread and ambiguous cells as a reader sees them: in the HTML document laid out by
 * Chromium (styled, at their cells) and in the PDF printed from it (the text a PDF reader extracts).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtml } from "../src/index.js";
import { CHROMIUM_ARGS, findChromium, renderPdf } from "../src/pdf.js";
import { loadFixture } from "./helpers.js";
import { AMBIGUOUS, LEGEND as MARKED_LEGEND, parsed, UNREAD } from "./marked-report.js";

const UNREAD_MARK = "未读";
let browser: Browser;

beforeAll(async () => {
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The text of every page of a PDF, whitespace removed (pdf.js splits lines and runs). */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ("str" in it ? it.str : ""))
        .join("")
        .replace(/\s+/g, ""),
    );
  }
  await doc.destroy();
  return pages;
}

const LEGEND = MARKED_LEGEND.replace(/\s+/g, "");

describe("marks in Chromium and in the PDF", () => {
  it("the HTML document shows 未读 and 45/4? at their cells in the marks' colour, and the legend", {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    await page.setContent(renderHtml(parsed()), { waitUntil: "load" });
    for (const id of [...UNREAD, AMBIGUOUS]) {
      const cell = page.locator(`td[data-field="${id}"]`);
      await expect(cell.isVisible()).resolves.toBe(true);
      const text = await cell.textContent();
      const color = await cell.evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color,
      );
      expect(text).toBe(id === AMBIGUOUS ? "45/4?" : UNREAD_MARK);
      expect(color).toBe("rgb(160, 0, 0)");
    }
    expect((await page.locator("p.gr-legend").textContent())?.replace(/\s+/g, "")).toBe(LEGEND);
    await page.close();
  });

  it("the PDF prints the row's 未读 marks, the candidates and the legend once; an unmarked report prints none", {
    timeout: 120_000,
  }, async () => {
    const [marked, plain] = (await renderPdf([parsed(), loadFixture("huaian-2024")])) as Uint8Array[];
    const text = (await pdfPages(marked as Uint8Array)).join("");
    expect(text).toContain(`3.要求提供公开出版物${UNREAD_MARK.repeat(7)}`);
    expect(text).toContain("行政规范性文件45/4?");
    expect(text.split(LEGEND)).toHaveLength(2);
    const plainText = (await pdfPages(plain as Uint8Array)).join("");
    expect(plainText).not.toContain(UNREAD_MARK);
    expect(plainText).not.toContain("注：");
  });
});

/**
 * renderDocx running in Chromium: the `@gov-report/renderer/docx` entry bundled for browsers, as
 * the web form loads it, writes a Word file that reads back with the report's text and tables.
 */
import type { Report } from "@gov-report/core/lite";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "../src/pdf.js";
import { bundleForBrowser } from "./bundle.js";
import { loadFixture, parseXml, unzipEntry, xmlElements, xmlText } from "./helpers.js";

let browser: Browser;

beforeAll(async () => {
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("renderDocx in a browser", () => {
  it("writes a .docx in Chromium from the bundled docx entry", { timeout: 120_000 }, async () => {
    const { code, nodeImports } = await bundleForBrowser("src/docx.ts", "GovReportDocx");
    expect(nodeImports).toEqual([]);
    const page = await browser.newPage();
    try {
      await page.setContent("<!DOCTYPE html><html><body></body></html>");
      await page.addScriptTag({ content: code });
      const report = {
        ...loadFixture("huaian-2024"),
        signature: { agency: "淮安市人民政府办公室", date: "2025-01-20" },
      };
      const bytes = await page.evaluate(async (r) => {
        const g = globalThis as unknown as { GovReportDocx: { renderDocx(r: unknown): Promise<Uint8Array> } };
        return Array.from(await g.GovReportDocx.renderDocx(r));
      }, report as Report);
      const docx = new Uint8Array(bytes);
      const xml = unzipEntry(docx, "word/document.xml").toString("utf8");
      const texts = [...xmlElements(parseXml(xml), "w:t")].map(xmlText);
      expect(texts[0]).toBe("淮安市人民政府2024年政府信息公开工作年度报告");
      expect(texts).toContain("2025年1月20日");
      expect([...xmlElements(parseXml(xml), "w:tbl")]).toHaveLength(3);
      expect(texts).toContain("3119"); // 表三 总计 of 本年新收
    } finally {
      await page.close();
    }
  });
});

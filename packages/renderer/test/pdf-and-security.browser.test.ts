/**
 * Tests in a real Chromium (the system's, never downloaded): escaping holds in a browser, and
 * PDFs carry every figure. Without Chromium these fail, saying how to install it.
 */
import { cellsOf, getAt, type Report } from "@gov-report/core/lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValue, renderHtml } from "../src/index.js";
import { CHROMIUM_ARGS, ChromiumNotFoundError, findChromium, PdfRenderer, renderPdf } from "../src/pdf.js";
import { loadFixture } from "./helpers.js";

const PAYLOADS = [
  `<script>window.__pwned = "script"; fetch("https://attacker.test/s")</script>`,
  `"><img src=x onerror="window.__pwned='img';alert(1)">`,
  `</textarea><script>window.__pwned='textarea';alert(2)</script>`,
  `<svg onload="window.__pwned='svg'"></svg><iframe src="https://attacker.test/frame"></iframe>`,
  `<style>body{background:url(https://attacker.test/css.png)}</style><link rel=stylesheet href="https://attacker.test/x.css">`,
];

function hostile(): Report {
  const r = loadFixture("hongze-2023");
  return {
    ...r,
    agency: { name: PAYLOADS[1] as string },
    overview: PAYLOADS.join("\n"),
    problemsAndImprovements: PAYLOADS[2] as string,
    otherMatters: PAYLOADS[0] as string,
  } as Report;
}

let browser: Browser;

beforeAll(async () => {
  const executablePath = findChromium(); // throws ChromiumNotFoundError with the install command
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Loads HTML as a page of https://render.test/ with scripts on, counting every other request and dialog. */
async function load(html: string): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === "https://render.test/") return route.fulfill({ body: html, contentType: "text/html; charset=utf-8" });
    requests.push(url);
    return route.abort();
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    // Several dialogs can race; one already gone when dismissed is not a failure.
    d.dismiss().catch(() => {});
  });
  await page.goto("https://render.test/", { waitUntil: "load" });
  await page.waitForTimeout(200);
  return { page, requests, dialogs };
}

describe("escaping in a real browser", () => {
  it("shows hostile narratives and agency names as text: no script, no dialog, no request", {
    timeout: 60_000,
  }, async () => {
    for (const annotate of [false, true]) {
      const { page, requests, dialogs } = await load(renderHtml(hostile(), { annotate }));
      expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator("section[data-section=overview] p").allTextContents()).toEqual(PAYLOADS);
      expect(await page.locator("h1").textContent()).toBe(`${PAYLOADS[1]}2023年政府信息公开工作年度报告`);
      expect(await page.locator("script, img, iframe, svg, link").count()).toBe(0);
      await page.context().close();
    }
  });

  it("would catch an unescaped payload (the check above can fail)", { timeout: 60_000 }, async () => {
    const html = renderHtml(loadFixture("seed-2020")).replace("<p>无。</p>", `<p>${PAYLOADS[1]}${PAYLOADS[3]}</p>`);
    const { page, requests, dialogs } = await load(html);
    expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeDefined();
    expect(dialogs.length + requests.length).toBeGreaterThan(0);
    await page.context().close();
  });
});

/** Text items of every page of a PDF, read with pdfjs-dist (an item is a run of one font, often one cell). */
async function pdfText(bytes: Uint8Array): Promise<string[][]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")));
  }
  await doc.destroy();
  return pages;
}

/** True when `want` occurs in `have` in order (other tokens may come between). */
function inOrder(have: readonly string[], want: readonly string[]): { ok: boolean; missing?: string; at?: number } {
  let i = 0;
  for (const [k, w] of want.entries()) {
    while (i < have.length && have[i] !== w) i++;
    if (i === have.length) return { ok: false, missing: w, at: k };
    i++;
  }
  return { ok: true };
}

/** Numbers in text items, each item read on its own so that neighbouring cells never merge. */
const numbers = (pages: string[][]) => pages.flat().flatMap((item) => item.match(/[+-]?\d+(?:\.\d+)?/g) ?? []);
const joined = (pages: string[][]) => pages.map((p) => p.join("")).join("\n");

const figures = (report: Report) =>
  cellsOf(report.edition)
    .filter((c) => c.kind !== "text")
    .map((c) => formatValue(getAt(report, c.path), c.kind, c.maxDecimals));

describe("PDF", () => {
  it("round trip: the seed report's PDF text holds every figure, in printed order", async () => {
    const report = loadFixture("seed-2020");
    const pdf = await renderPdf(report);
    const pages = await pdfText(pdf);
    const text = joined(pages);
    expect(text).toContain("2020年政府信息公开工作年度报告");
    expect(text).toContain("本列数据的勾稽关系为");
    expect(text).toContain("一、总体情况");
    // Extracted text has ideographs, not look-alike CJK radicals (⼀ for 一, ⻔ for 门).
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
    const tokens = numbers(pages);
    const want = figures(report);
    expect(want).toContain("25.6835");
    expect(inOrder(tokens, want)).toEqual({ ok: true });
    // Page numbers as official documents print them.
    expect(pages[0]?.join("")).toMatch(/- 1 -/);
  }, 120_000);

  it("prints many reports with one browser, one PDF each with its own figures and page numbers", async () => {
    const names = ["huaian-2024", "seed-2020", "hongze-2023", "hongze-2024"];
    const reports = names.map(loadFixture);
    const renderer = await PdfRenderer.launch({ batchSize: 3 });
    try {
      const pdfs = await renderer.renderMany(reports);
      expect(pdfs).toHaveLength(4);
      for (const [i, pdf] of pdfs.entries()) {
        const pages = await pdfText(pdf);
        const text = joined(pages);
        const report = reports[i] as Report;
        expect(text, names[i]).toContain(`${report.agency.name}${report.year}年政府信息公开工作年度报告`);
        expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
        // No other report's title leaks into this file.
        for (const other of reports) {
          if (other !== report && other.year !== report.year)
            expect(text).not.toContain(`${other.year}年政府信息公开工作年度报告`);
        }
        expect(inOrder(numbers(pages), figures(report))).toEqual({ ok: true });
        expect(pages[0]?.join("")).toMatch(/- 1 -/);
      }
      const single = await renderer.render(reports[0] as Report, { annotate: true });
      expect(joined(await pdfText(single))).toContain("审核提示");
    } finally {
      await renderer.close();
    }
  }, 180_000);

  it("without Chromium, fails with the install command", { timeout: 30_000 }, async () => {
    await expect(renderPdf(loadFixture("seed-2020"), { executablePath: "/nonexistent/chromium" })).rejects.toThrow(
      ChromiumNotFoundError,
    );
    await expect(renderPdf(loadFixture("seed-2020"), { executablePath: "/nonexistent/chromium" })).rejects.toThrow(
      "apt-get install chromium fonts-noto-cjk",
    );
  });
});

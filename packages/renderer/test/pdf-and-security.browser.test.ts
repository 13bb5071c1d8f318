/**
 * Tests in a real Chromium (the system's, never downloaded): escaping holds in a browser, and
 * PDFs carry every figure. Without Chromium these fail, saying how to install it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellsOf, getAt, type Report } from "@gov-report/core/lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValue, renderHtml } from "../src/index.js";
import {
  CHROMIUM_ARGS,
  CHROMIUM_INSTALL_HINT,
  ChromiumNotFoundError,
  findChromium,
  PdfRenderer,
  renderPdf,
} from "../src/pdf.js";
import { FIXTURE_NAMES, loadFixture } from "./helpers.js";

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

interface PdfItem {
  str: string;
  /** Baseline, in points from the bottom edge of the page. */
  y: number;
  /** Left edge and width, in points. */
  x: number;
  width: number;
}

/** Text items of every page of a PDF with their baselines, read with pdfjs-dist. */
async function pdfItems(bytes: Uint8Array): Promise<PdfItem[][]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfItem[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items.map((it) =>
        "str" in it
          ? { str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width }
          : { str: "", x: 0, y: 0, width: 0 },
      ),
    );
  }
  await doc.destroy();
  return pages;
}

/** Text items of every page of a PDF (an item is a run of one font, often one cell). */
async function pdfText(bytes: Uint8Array): Promise<string[][]> {
  return (await pdfItems(bytes)).map((page) => page.map((it) => it.str));
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
  }, 180_000);

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
      CHROMIUM_INSTALL_HINT,
    );
    expect(CHROMIUM_INSTALL_HINT).toContain("fonts-arphic-uming");
  });
});

interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts of a PDF as poppler's pdffonts lists them (name, type, emb column). */
function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const dir = mkdtempSync(join(tmpdir(), "gr-pdffonts-"));
  try {
    const file = join(dir, "r.pdf");
    writeFileSync(file, bytes);
    const out = execFileSync("pdffonts", [file], { encoding: "utf8", timeout: 30_000 });
    return out
      .split("\n")
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, generation.
        const cols = line.trim().split(/\s+/);
        const [emb, sub] = [cols[cols.length - 5], cols[cols.length - 4]];
        const typeEnd = cols.length - 6;
        const type = cols.slice(1, typeEnd).join(" ");
        return { name: cols[0] as string, type, embedded: emb === "yes", subset: sub === "yes" };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("PDF as official documents are printed", () => {
  it("ends with the signature, agency above date, flush with the right margin", async () => {
    const report = { ...loadFixture("huaian-2024"), signature: { agency: "淮安市人民政府办公室", date: "2025-01-20" } };
    const pages = await pdfItems(await renderPdf(report as Report));
    // Figures and ideographs are set in different faces, so a printed line is several items: join
    // the items of each baseline into a line with its right edge.
    const lines = new Map<number, { text: string; right: number }>();
    for (const it of (pages.at(-1) ?? []).filter((i) => i.str.trim())) {
      const y = Math.round(it.y);
      const line = lines.get(y) ?? { text: "", right: 0 };
      lines.set(y, { text: line.text + it.str, right: Math.max(line.right, it.x + it.width) });
    }
    const byY = [...lines.entries()].sort((a, b) => b[0] - a[0]);
    const body = byY.filter(([, l]) => !/^- \d+ -$/.test(l.text.trim()));
    const [agency, date] = body.slice(-2);
    expect(agency?.[1].text).toBe("淮安市人民政府办公室");
    expect(date?.[1].text).toBe("2025年1月20日");
    // A4 is 595.3 pt wide, with an 18 mm (51 pt) page margin and the body's 8 px (6 pt): the text
    // box ends at about 538 pt, and both lines end there.
    for (const l of [agency, date]) expect(Math.abs((l?.[1].right ?? 0) - (595.3 - 51 - 6))).toBeLessThan(3);
  }, 180_000);

  let pdfs: Uint8Array[] = [];
  beforeAll(async () => {
    pdfs = await renderPdf(FIXTURE_NAMES.map(loadFixture));
  }, 240_000);

  it("embeds every font as a TrueType subset: no Type 3, no unembedded standard font", () => {
    for (const [i, pdf] of pdfs.entries()) {
      const fonts = pdfFonts(pdf);
      expect(fonts.length, FIXTURE_NAMES[i]).toBeGreaterThan(0);
      expect(fonts.filter((f) => f.type !== "CID TrueType" || !f.embedded || !f.subset)).toEqual([]);
      // The three faces of the print stylesheet and the figures' Latin face, by their PostScript names.
      const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ""));
      for (const face of ["UMingCN", "WenQuanYiZenHei", "BousungEG-Light-GB", "LiberationSerif"]) {
        expect(
          names.some((n) => n.startsWith(face)),
          `${FIXTURE_NAMES[i]}: ${face} in ${names}`,
        ).toBe(true);
      }
    }
  });

  it("keeps a three-page report under 200 KB", async () => {
    const seed = pdfs[FIXTURE_NAMES.indexOf("seed-2020")] as Uint8Array;
    expect((await pdfText(seed)).length).toBe(3);
    for (const pdf of pdfs) expect(pdf.byteLength).toBeLessThan(200 * 1024);
  });

  it("starts each table on the page of its heading and breaks it between rows, header repeated", async () => {
    for (const [i, pdf] of pdfs.entries()) {
      const pages = await pdfText(pdf);
      const text = pages.map((p) => p.join(""));
      const pageOf = (needle: string) => text.findIndex((t) => t.includes(needle));
      const name = FIXTURE_NAMES[i];
      // 表三's heading, header and first data row on one page: no blank half page before the table.
      const heading = pageOf("三、收到和处理政府信息公开申请情况");
      expect(heading, name).toBeGreaterThanOrEqual(0);
      expect(pageOf("（本列数据的勾稽关系为"), name).toBe(heading);
      expect(pageOf("一、本年新收政府信息公开申请数量"), name).toBe(heading);
      // Every page after it that still shows 表三's rows repeats its header.
      const last = pageOf("四、结转下年度继续办理");
      for (let p = heading + 1; p <= last; p++) expect(text[p], `${name} page ${p + 1}`).toContain("申请人情况");
      // Each page the table breaks across is filled to the foot: the lowest text (the page number
      // aside) within about two rows of the 20 mm bottom margin (57 pt), not half a page up.
      const items = await pdfItems(pdf);
      for (let p = heading; p < last; p++) {
        const body = (items[p] ?? []).filter((it) => it.str.trim() && !/^- \d+ -$/.test(it.str.trim()));
        const lowest = Math.min(...body.map((it) => it.y));
        expect(lowest, `${name} page ${p + 1}`).toBeLessThan(57 + 60);
      }
    }
  });
});

/**
 * The title in the printed A4 layout, measured in a real Chromium (the system's): however long the
 * agency's name, the title's lines are balanced and no line holds a single character.
 */
import type { Report } from "@gov-report/core/lite";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { renderHtml } from "../src/index.js";
import { CHROMIUM_ARGS, findChromium } from "../src/pdf.js";
import { loadFixture } from "./helpers.js";

/** The text width of an A4 page under the stylesheet's @page margins (18 mm each side), in CSS px. */
const A4_TEXT_PX = Math.round(((210 - 2 * 18) * 96) / 25.4);

/** Names of every length from 2 to 40 characters, the long one of a real kind among them. */
const LONG = "某某省某某市某某区人民政府办公室某某某某某某某某服务中心";
const NAMES = [
  LONG,
  ...Array.from({ length: 39 }, (_, i) => `${LONG}${"政务服务管理办公室".repeat(2)}`.slice(0, i + 2)),
];

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = findChromium(); // throws ChromiumNotFoundError with the install command
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: A4_TEXT_PX, height: 1200 } });
  await page.emulateMedia({ media: "print" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * Run in the page (a string: this package's TypeScript has no DOM types): the title's characters
 * grouped by the top of their box, i.e. the title's lines in order.
 */
const TITLE_LINES = `(() => {
  const lines = new Map();
  const walker = document.createTreeWalker(document.querySelector(".gov-report h1"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const top = Math.round(range.getClientRects()[0]?.top ?? -1);
      lines.set(top, (lines.get(top) ?? "") + node.data[i]);
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
})()`;

/** The title's text, one string per line as Chromium lays it out. */
async function titleLines(html: string): Promise<string[]> {
  await page.setContent(html, { waitUntil: "load" });
  await page.evaluate("document.fonts.ready.then(() => true)");
  return page.evaluate<string[]>(TITLE_LINES);
}

/** Width of a line in full-width characters (figures and Latin letters count half). */
const widthOf = (line: string) => [...line].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

it("wraps a long agency name into balanced lines, never one character alone", async () => {
  const base = loadFixture("huaian-2024");
  for (const name of NAMES) {
    const report = { ...base, agency: { ...base.agency, name } } as Report;
    const lines = await titleLines(renderHtml(report));
    expect(lines.join(""), name).toBe(`${name}${base.year}年政府信息公开工作年度报告`);
    const widths = lines.map(widthOf);
    for (const line of lines) expect([...line].length, `${name}: ${lines.join(" | ")}`).toBeGreaterThan(1);
    // Balanced: no line is less than half as wide as the widest.
    expect(Math.min(...widths) * 2, `${name}: ${lines.join(" | ")}`).toBeGreaterThanOrEqual(Math.max(...widths));
  }
}, 180_000);

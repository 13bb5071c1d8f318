/**
 * What the corpus scripts that print with Chromium share: a fixture's report rendered as the
 * renderer's HTML, changed by a style sheet and a script, printed to PDF, written beside its
 * expected report (the fixture's).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderHtml } from "@gov-report/renderer";
import type { Browser } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, "../../../fixtures");
export const CORPUS = resolve(here, "../test/corpus");

export interface Printed {
  stem: string;
  variant: string;
  /** A style sheet added to the page. */
  css: string;
  /** A script run on the page before it is printed. */
  dom?: string;
}

/** Runs `use` with Debian's Chromium (as the renderer finds it), closed at the end. */
export async function withChromium(use: (browser: Browser) => Promise<void>): Promise<void> {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM_ARGS, findChromium } = await import("@gov-report/renderer/pdf");
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}

/** The fixture's report printed as `d` says; its expected report written beside the PDF's name. */
export async function printFixture(
  browser: Browser,
  d: Printed,
  options: { preferCSSPageSize?: boolean } = {},
): Promise<Uint8Array> {
  const expected = readFileSync(join(FIXTURES, `${d.stem}.expected.json`), "utf8");
  const html = await renderHtml(JSON.parse(expected));
  const page = await browser.newPage();
  await page.setContent(html.replace("</head>", `<style>${d.css}</style></head>`));
  if (d.dom) await page.evaluate(d.dom);
  const pdf = await page.pdf({ format: "A4", printBackground: true, ...options });
  await page.close();
  writeFileSync(join(CORPUS, `${d.stem}.${d.variant}.expected.json`), expected);
  return pdf;
}

/** Reports a script's failure as its exit code (1) with its message, as the corpus scripts do. */
export function run(main: () => Promise<void>): void {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}

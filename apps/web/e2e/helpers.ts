/** Shared steps of the e2e suite: a fresh page, cells by field id, fixtures and core's form metadata. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { EditionFormMeta, FormMetadata } from "@gov-report/core/lite";
import { expect, type Locator, type Page } from "@playwright/test";

const require = createRequire(import.meta.url);

/** Core's generated form metadata, read through the package's exports (no build needed). */
export const META: FormMetadata = JSON.parse(
  readFileSync(require.resolve("@gov-report/core/form-metadata.json"), "utf8"),
) as FormMetadata;

export const FIXTURES = join(import.meta.dirname, "..", "..", "..", "fixtures");

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as Record<string, unknown>;
}

export function getAt(obj: unknown, path: readonly (string | number)[]): unknown {
  let cur = obj;
  for (const k of path) cur = (cur as Record<string | number, unknown>)?.[k];
  return cur;
}

/** A page with no stored draft: a blank report in Chinese. */
export async function freshPage(page: Page): Promise<void> {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator("form.report")).toBeVisible();
}

export const cell = (page: Page, id: string): Locator => page.locator(`[id="f-${id}"]`);

/** Focuses a cell (its value gets selected) and types, as a person at the keyboard would. */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await cell(page, id).focus();
  await page.keyboard.type(text);
}

export function edition(e: "2019" | "2021"): EditionFormMeta {
  return META.editions[e];
}

/** Keystroke-to-update timings the page recorded (performance.measure "gov-report:update"). */
export async function updateTimings(page: Page): Promise<number[]> {
  return page.evaluate(() => performance.getEntriesByName("gov-report:update").map((e) => e.duration));
}

export function summarize(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN).toFixed(2);
  return `n=${s.length} median=${q(0.5)} ms p95=${q(0.95)} max=${(s[s.length - 1] ?? Number.NaN).toFixed(2)} ms`;
}

export const REPO = join(import.meta.dirname, "..", "..", "..");

/** Drops a file on the page, as a person dragging it from the file manager does. */
export async function dropFile(page: Page, path: string, type = ""): Promise<void> {
  const bytes = [...readFileSync(path)];
  const name = path.split("/").pop() as string;
  await page.evaluate(
    ({ bytes, name, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const over = new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true });
      document.body.dispatchEvent(over);
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { bytes, name, type },
  );
}

/** The JavaScript files the page has fetched so far (resource timing), by file name. */
export async function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name.split("/").pop() ?? "")
      .filter((n) => /\.m?js$/.test(n)),
  );
}

/** Any screen: at 1024 px the checks stay in view beside the form; at 390 px the page never scrolls sideways. */
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { cell, FIXTURES, fixture, freshPage } from "./helpers.js";

test("at 1024 px the summary stays in view while the tables are worked through", async ({ page }, info) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshPage(page);
  const file = info.outputPath("hongze-2023.json");
  writeFileSync(file, JSON.stringify(fixture("hongze-2023.expected.json")));
  await page.getByTestId("open-file").setInputFiles(file);
  await expect(page.locator(".notice")).toContainText("已打开");
  for (const id of ["applications.received.naturalPerson", "reviewsAndLawsuits.lawsuitAfterReview.total"]) {
    await cell(page, id).scrollIntoViewIfNeeded();
    await expect(page.locator("#issues-heading")).toBeInViewport();
    await expect(page.locator(".panel .counts")).toContainText("个错误");
  }
  const box = await page.locator(".side").boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(1024);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
});

test("at 390 px nothing scrolls sideways but the tables, each inside its own box; the toolbar wraps", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await freshPage(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const wraps = await page
    .locator(".table-wrap")
    .evaluateAll((els) =>
      els.map((el) => ({ scrolls: el.scrollWidth > el.clientWidth, fits: el.getBoundingClientRect().right <= 390 })),
    );
  expect(wraps.length).toBe(3);
  for (const w of wraps) expect(w.fits).toBe(true);
  expect(wraps.some((w) => w.scrolls)).toBe(true);
  const toolbar = await page.locator(".toolbar").boundingBox();
  const button = await page.getByRole("button", { name: "新建" }).boundingBox();
  expect(toolbar && button && toolbar.height).toBeGreaterThan((button?.height ?? 0) * 1.8);
  // Typing in a cell far to the right scrolls its table, not the page.
  await cell(page, "applications.received.total").scrollIntoViewIfNeeded();
  await cell(page, "applications.carriedOver.otherOrganization").focus();
  await page.keyboard.type("3");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.locator(".counts-chip")).toBeVisible();
});

test("a toolbar wrapped onto two rows (English, last year loaded) covers neither the checks nor a cell moved to", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshPage(page);
  await page.locator("button.lang").click();
  await page.getByTestId("previous-file").setInputFiles(`${FIXTURES}/hongze-2023.expected.json`);
  await expect(page.locator(".panel .previous")).toBeVisible();
  await cell(page, "applications.received.business").focus();
  await page.keyboard.type("3");
  const bar = await page.locator(".topbar").boundingBox();
  const button = await page.getByRole("button", { name: "New", exact: true }).boundingBox();
  // The case this is about: the bar is two rows high.
  expect(bar && button && bar.height).toBeGreaterThan((button?.height ?? 0) * 1.8);
  const barBottom = (bar?.y ?? 0) + (bar?.height ?? 0);
  for (const id of ["applications.outcomes.total.total", "reviewsAndLawsuits.lawsuitAfterReview.total"]) {
    await cell(page, id).scrollIntoViewIfNeeded();
    const heading = await page.locator("#issues-heading").boundingBox();
    expect(heading?.y).toBeGreaterThanOrEqual(barBottom);
    await expect(page.locator("#issues-heading")).toBeInViewport();
  }
  // Moving up with the keys brings the cell out from under the bar.
  await cell(page, "applications.carriedOver.naturalPerson").focus();
  await page.keyboard.press("ArrowUp");
  await expect(cell(page, "applications.received.naturalPerson")).toBeFocused();
  const moved = await cell(page, "applications.received.naturalPerson").boundingBox();
  expect(moved?.y).toBeGreaterThanOrEqual(barBottom);
});

test("at 1280 px every table fits its box in Chinese and in English: 表三's 总计 column is in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshPage(page);
  const overflow = () =>
    page.locator(".table-wrap").evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth));
  expect(await overflow()).toEqual([0, 0, 0]);
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await overflow()).toEqual([0, 0, 0]);
  await cell(page, "applications.received.total").scrollIntoViewIfNeeded();
  await expect(cell(page, "applications.received.total")).toBeInViewport({ ratio: 1 });
});

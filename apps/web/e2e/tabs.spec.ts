/** Drafts never lost: an unreadable stored draft is kept for download; two tabs never overwrite the newer draft. */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { cell, freshPage, typeInto } from "./helpers.js";

const KEY = "gov-report:web:draft:v1";

test("an unreadable stored draft is moved to a backup and offered for download before a blank one starts", async ({
  page,
}) => {
  await freshPage(page);
  const junk = '{"report": {"edition": "2030", "year": 2024}, "note": "typed over a week"}';
  await page.evaluate(([k, v]) => localStorage.setItem(k as string, v as string), [KEY, junk]);
  await page.reload();
  const notice = page.locator(".notice.error");
  await expect(notice).toContainText("原内容已另存为备份");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    notice.getByRole("button", { name: "下载备份" }).click(),
  ]);
  expect(readFileSync(await download.path(), "utf8")).toBe(junk);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((k) => k.startsWith("gov-report:web:draft:backup:"))).toBe(true);
});

test("two tabs: the older one asks before writing and its pagehide never overwrites the newer draft", async ({
  page,
  context,
}) => {
  await freshPage(page);
  const other = await context.newPage();
  await other.goto("/");
  await expect(other.locator("form.report")).toBeVisible();

  await typeInto(page, "applications.received.business", "7");
  await expect
    .poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "{}").revision, KEY))
    .toBeGreaterThan(0);
  // The other tab hears of the newer draft and stops writing until told which to keep.
  await expect(other.locator(".notice.offer")).toContainText("另一个标签页保存了更新的草稿");
  await typeInto(other, "applications.received.research", "9");
  await other.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  const stored = () =>
    page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "{}").draft.report.applications.received, KEY);
  expect((await stored()).business).toBe(7);
  expect((await stored()).research).toBe(0);

  await other.getByRole("button", { name: "载入那份更新的草稿" }).click();
  await expect(cell(other, "applications.received.business")).toHaveValue("7");
  await typeInto(other, "applications.received.research", "2");
  await expect.poll(async () => (await stored()).research).toBe(2);
  await expect(page.locator(".notice.offer")).toContainText("另一个标签页保存了更新的草稿");
  await page.getByRole("button", { name: "用本页内容覆盖" }).click();
  await expect.poll(async () => (await stored()).research).toBe(0);
  await other.close();
});

/** Printing prints the report in the official layout, never the form: the print button and Ctrl+P. */
import { expect, test } from "@playwright/test";
import { freshPage } from "./helpers.js";

test("Ctrl+P opens the preview and prints; print media shows the report alone", async ({ page }) => {
  await freshPage(page);
  await page.locator('[id="h-agency.name"]').fill("某某县人民政府");
  // Count print() calls instead of opening the browser's print dialog.
  await page.evaluate(() => {
    const w = window as unknown as { __printed: number };
    w.__printed = 0;
    window.print = () => {
      w.__printed++;
    };
  });
  await page.keyboard.press("Control+p");
  await expect(page.locator("iframe")).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".print-copy h1")).toContainText("某某县人民政府");
  await expect(page.locator(".topbar")).toBeHidden();
  await expect(page.locator(".overlay")).toBeHidden();
  await expect(page.locator("form.report")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".print-copy")).toBeHidden();
  await page.getByRole("button", { name: "关闭预览" }).click();
  await expect(page.locator(".print-copy")).toHaveCount(0);
});

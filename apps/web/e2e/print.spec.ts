/** Printing prints the report in the official layout, never the form: the print button and Ctrl+P. */
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { fixture, freshPage } from "./helpers.js";

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

test("the print copy of a read report shows unread (未读) and ambiguous (8/3?) cells and their legend as the renderer styles them", async ({
  page,
}, info) => {
  await freshPage(page);
  const report = fixture("huaian-2024.expected.json");
  report.provenance = {
    "applications.received.business": { status: "unread" },
    "proactiveDisclosure.normativeDocuments.issued": { status: "ambiguous", candidates: [8, 3] },
  };
  const file = info.outputPath("read.json");
  writeFileSync(file, JSON.stringify(report));
  await page.getByTestId("open-file").setInputFiles(file);
  await expect(page.locator(".notice")).toContainText("2 个单元格");
  await page.getByRole("button", { name: "预览", exact: true }).click();
  await expect(page.locator("iframe")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const unread = page.locator(".print-copy td.gr-unread");
  await expect(unread).toHaveText("未读");
  await expect(page.locator(".print-copy td.gr-ambiguous")).toHaveText("8/3?");
  await expect(page.locator(".print-copy p.gr-legend")).toContainText("请对照原文核实");
  // MARK_CSS: the mark in dark red, apart from the figures' black.
  await expect(unread).toHaveCSS("color", "rgb(160, 0, 0)");
  await expect(page.locator(".print-copy td.gr-v").first()).not.toHaveCSS("color", "rgb(160, 0, 0)");
  await page.emulateMedia({ media: "screen" });
});

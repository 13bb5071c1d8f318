/** Spreadsheet-like entry: keys, pasting, accessible names, edition switch, language. */
import { expect, test } from "@playwright/test";
import { cell, freshPage } from "./helpers.js";

test("a row is entered with the keyboard only: Tab along, Enter to the next row, arrows around", async ({ page }) => {
  await freshPage(page);
  // Reach the first cell of 表三 by its accessible name, then keys only.
  await page.getByRole("textbox", { name: "一、本年新收政府信息公开申请数量 · 自然人" }).focus();
  await page.keyboard.type("12");
  for (const v of ["3", "0", "1", "2", "1"]) {
    await page.keyboard.press("Tab");
    await page.keyboard.type(v);
  }
  await expect(cell(page, "applications.received.total")).toHaveValue("19");
  // Enter goes back to the column where the run began, one row down (as in a spreadsheet).
  await page.keyboard.press("Enter");
  await expect(cell(page, "applications.carriedOver.naturalPerson")).toBeFocused();
  await page.keyboard.type("2");
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, "applications.carriedOver.business")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(cell(page, "applications.received.business")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(cell(page, "applications.outcomes.disclosed.business")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(cell(page, "applications.outcomes.disclosed.naturalPerson")).toBeFocused();
  await page.keyboard.type("14");
  await page.keyboard.press("Enter");
  await expect(cell(page, "applications.outcomes.partiallyDisclosed.naturalPerson")).toBeFocused();

  await expect(cell(page, "applications.received.research")).toHaveValue("0");
  await expect(cell(page, "applications.carriedOver.total")).toHaveValue("2");
  await expect(cell(page, "applications.outcomes.total.naturalPerson")).toHaveValue("14");
  await expect(cell(page, "applications.outcomes.total.total")).toHaveValue("14");
});

test("every value cell has an accessible name from its row and column labels", async ({ page }) => {
  await freshPage(page);
  await expect(
    page.getByRole("textbox", { name: "三、本年度办理结果 （一）予以公开 · 自然人", exact: true }),
  ).toHaveCount(1);
  await expect(
    page.getByRole("textbox", { name: "三、本年度办理结果 （三）不予公开 1.属于国家秘密 · 总计", exact: true }),
  ).toHaveCount(1);
  const unnamed = await page
    .locator("form.report input:not([type=checkbox]), form.report textarea, form.report select")
    .evaluateAll(
      (els) => els.filter((el) => !(el.getAttribute("aria-label") || (el as HTMLInputElement).labels?.length)).length,
    );
  expect(unnamed).toBe(0);
});

test("changing the edition keeps what both share and asks before dropping the rest", async ({ page }) => {
  await freshPage(page);
  await page.locator("#h-edition").selectOption("2021");
  await page.locator('[id="f-proactiveDisclosure.rules.issued"]').focus();
  await page.keyboard.type("4");
  await cell(page, "applications.outcomes.other.unpaidFees.naturalPerson").focus();
  await page.keyboard.type("2");
  await cell(page, "reviewsAndLawsuits.administrativeReview.upheld").focus();
  await page.keyboard.type("6");
  await cell(page, "applications.received.naturalPerson").focus();
  await page.keyboard.type("8");

  // Declined: nothing changes.
  page.once("dialog", (d) => void d.dismiss().catch(() => {}));
  await page.locator("#h-edition").selectOption("2019");
  await expect(page.locator("#h-edition")).toHaveValue("2021");
  await expect(cell(page, "proactiveDisclosure.rules.issued")).toHaveValue("4");

  let message = "";
  page.once("dialog", (d) => {
    message = d.message();
    void d.accept();
  });
  await page.locator("#h-edition").selectOption("2019");
  expect(message).toContain("2 个已填写的单元格");
  await expect(page.locator("#h-edition")).toHaveValue("2019");
  await expect(cell(page, "proactiveDisclosure.rules.newlyMade")).toHaveValue("0");
  await expect(cell(page, "applications.outcomes.other.naturalPerson")).toHaveValue("0");
  await expect(cell(page, "applications.received.naturalPerson")).toHaveValue("8");
  await expect(cell(page, "reviewsAndLawsuits.administrativeReview.total")).toHaveValue("6");
});

test("English on request: UI strings, labels and accessible names switch", async ({ page }) => {
  await freshPage(page);
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("button", { name: "Save JSON" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const name = await cell(page, "applications.outcomes.disclosed.naturalPerson").getAttribute("aria-label");
  expect(name).toMatch(/Natural person/i);
  await page.getByRole("button", { name: "Switch language" }).click();
  await expect(page.getByRole("button", { name: "保存 JSON" })).toBeVisible();
});

test("Ctrl+Z undoes a cell's run of typing, Ctrl+Y redoes it", async ({ page }) => {
  await freshPage(page);
  await cell(page, "applications.received.business").focus();
  await page.keyboard.type("12");
  await cell(page, "applications.received.research").focus();
  await page.keyboard.type("1.5");
  await page.keyboard.press("Control+z");
  await expect(cell(page, "applications.received.research")).toHaveValue("0");
  await expect(cell(page, "applications.received.total")).toHaveValue("12");
  await page.keyboard.press("Control+z");
  await expect(cell(page, "applications.received.business")).toHaveValue("0");
  await page.keyboard.press("Control+y");
  await expect(cell(page, "applications.received.business")).toHaveValue("12");
  await expect(page.getByRole("button", { name: "重做" })).toBeEnabled();
});

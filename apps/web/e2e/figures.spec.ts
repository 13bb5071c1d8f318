/** Figures are never silently changed: refused texts stay visible with what the cell accepts; pastes keep working. */
import { expect, type Page, test } from "@playwright/test";
import { cell, freshPage, typeInto } from "./helpers.js";

const paste = (page: Page, id: string, text: string) =>
  cell(page, id).evaluate((el, t) => {
    (el as HTMLInputElement).focus();
    const data = new DataTransfer();
    data.setData("text/plain", t);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

test("typed junk in a count stays as typed, is marked at the cell with what is accepted, and is never saved as a number", async ({
  page,
}) => {
  await freshPage(page);
  const c = cell(page, "applications.received.naturalPerson");
  const total = cell(page, "applications.received.total");
  for (const [typed, why] of [
    ["1.5", "不能有小数"],
    ["-5", "不能为负数"],
    ["12a", "不是数字"],
  ] as const) {
    await typeInto(page, "applications.received.naturalPerson", typed);
    await page.locator("#h-year").focus();
    await expect(c).toHaveValue(typed);
    await expect(c).toHaveAttribute("aria-invalid", "true");
    await expect(c).toHaveAccessibleDescription(new RegExp(`“${typed}”${why}。只能填写 0 或正整数`));
    await expect(total).toHaveValue("0");
    await expect(
      page.locator('.issue[data-path="applications.received.naturalPerson"][data-code="input.refused"]'),
    ).toBeVisible();
  }
  // What is saved: nothing for the refused cell (a blank, reported as an error), never 15 or 5.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem("gov-report:web:draft:v1") ?? "{}"));
  expect(saved.draft.report.applications.received.naturalPerson).toBeNull();
  expect(saved.entries["applications.received.naturalPerson"]).toBe("12a");

  await typeInto(page, "applications.received.naturalPerson", "15");
  await expect(total).toHaveValue("15");
  await expect(c).not.toHaveAttribute("aria-invalid", "true");
});

test("2019 本年增/减 is a signed integer shown with its sign; the procurement amount takes at most 4 decimals", async ({
  page,
}) => {
  await freshPage(page);
  await page.locator("#h-edition").selectOption("2019");
  const change = cell(page, "proactiveDisclosure.licensing.change");
  await typeInto(page, "proactiveDisclosure.licensing.change", "3");
  await page.locator("#h-year").focus();
  await expect(change).toHaveValue("+3");
  await typeInto(page, "proactiveDisclosure.licensing.change", "-18");
  await page.locator("#h-year").focus();
  await expect(change).toHaveValue("-18");
  await expect(change).not.toHaveAttribute("aria-invalid", "true");
  await typeInto(page, "proactiveDisclosure.licensing.change", "+1.5");
  await expect(change).toHaveAccessibleDescription(/不能有小数。只能填写整数：增加写 \+3/);

  const amount = cell(page, "proactiveDisclosure.procurement.amountWanYuan");
  await typeInto(page, "proactiveDisclosure.procurement.amountWanYuan", "25.68351");
  await expect(amount).toHaveValue("25.68351");
  await expect(amount).toHaveAccessibleDescription(/小数位数过多。只能填写 0 或正数（万元），最多 4 位小数/);
  await page.locator("#h-year").focus();
  await typeInto(page, "proactiveDisclosure.procurement.amountWanYuan", "２５．６８３５");
  await page.locator("#h-year").focus();
  await expect(amount).toHaveValue("25.6835");
  await expect(amount).not.toHaveAttribute("aria-invalid", "true");
});

test("pasting 1,234, full-width digits and spreadsheet rows fills the right cells; a refused pasted figure stays visible", async ({
  page,
}) => {
  await freshPage(page);
  await paste(page, "applications.received.naturalPerson", "1,234");
  await expect(cell(page, "applications.received.naturalPerson")).toHaveValue("1234");
  await paste(page, "applications.received.business", "１２");
  await expect(cell(page, "applications.received.business")).toHaveValue("12");

  // A row copied from a spreadsheet, total column included: the computed total is not overwritten by the paste.
  await paste(page, "applications.carriedOver.naturalPerson", "3\t0\t1\t0\t0\t2\t999\n");
  const row = ["naturalPerson", "business", "research", "nonprofit", "legalServices", "otherOrganization"];
  const values = ["3", "0", "1", "0", "0", "2"];
  for (const [i, k] of row.entries())
    await expect(cell(page, `applications.carriedOver.${k}`)).toHaveValue(values[i] as string);
  await expect(cell(page, "applications.carriedOver.total")).toHaveValue("6");

  // Two rows, starting mid-row: each lands below the other, in successive cells; "1.5" is kept as pasted.
  await paste(page, "applications.outcomes.disclosed.research", "5\t6\r\n7\t1.5");
  await expect(cell(page, "applications.outcomes.disclosed.research")).toHaveValue("5");
  await expect(cell(page, "applications.outcomes.disclosed.nonprofit")).toHaveValue("6");
  await expect(cell(page, "applications.outcomes.partiallyDisclosed.research")).toHaveValue("7");
  const refused = cell(page, "applications.outcomes.partiallyDisclosed.nonprofit");
  await expect(refused).toHaveValue("1.5");
  await expect(refused).toHaveAttribute("aria-invalid", "true");

  // Full-width digits typed directly read as the number and show half-width once the cell is left.
  const c = cell(page, "applications.outcomes.withheld.stateSecret.naturalPerson");
  await c.focus();
  await page.keyboard.insertText("３");
  await page.locator("#h-year").focus();
  await expect(c).toHaveValue("3");
});

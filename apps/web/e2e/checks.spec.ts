/** Live validation: a broken 勾稽 rule shows at the right cell, in the summary, and focus follows. */
import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { cell, fixture, freshPage, typeInto } from "./helpers.js";

test("一+二 ≠ 三（七）+四 is reported at 四、结转下年度继续办理 of the column, with the message on focus", async ({
  page,
}) => {
  await freshPage(page);
  await typeInto(page, "applications.received.naturalPerson", "5");
  // Totals follow the parts.
  await expect(cell(page, "applications.received.total")).toHaveValue("5");

  const target = cell(page, "applications.carriedForward.naturalPerson");
  await expect(target).toHaveAttribute("aria-invalid", "true");
  await expect(target.locator("xpath=..")).toHaveClass(/error/);
  // Only the broken columns are marked.
  await expect(cell(page, "applications.carriedForward.business")).not.toHaveAttribute("aria-invalid", "true");

  await target.focus();
  const describedBy = await target.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  const message = page.locator(`[id="${describedBy}"]`);
  await expect(message).toBeVisible();
  await expect(message).toContainText("第一项加第二项之和为 5");
  await expect(target).toHaveAccessibleDescription(/第一项加第二项之和为 5/);

  // The summary lists it; choosing it moves focus to the cell.
  await page.locator("#h-year").focus();
  const entry = page.locator('.issue[data-path="applications.carriedForward.naturalPerson"]');
  await expect(entry).toContainText("结转下年度继续办理");
  await entry.click();
  await expect(target).toBeFocused();

  // Fixing the figures clears it.
  await typeInto(page, "applications.outcomes.disclosed.naturalPerson", "5");
  await expect(target).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".issue-list .error")).toHaveCount(0);
});

test("a total typed by hand that does not add up is an error at that total; turning auto back on asks", async ({
  page,
}) => {
  await freshPage(page);
  const total = cell(page, "reviewsAndLawsuits.administrativeReview.total");
  await expect(total).toHaveAttribute("readonly", "");
  await expect(total).toHaveAttribute("title", "= 结果维持 + 结果纠正 + 其他结果 + 尚未审结");
  await typeInto(page, "reviewsAndLawsuits.administrativeReview.upheld", "10");
  await expect(total).toHaveValue("10");

  await page.getByLabel("手动填写总计").check();
  await expect(total).not.toHaveAttribute("readonly", "");
  await typeInto(page, "reviewsAndLawsuits.administrativeReview.total", "0");
  await expect(total).toHaveAttribute("aria-invalid", "true");
  await expect(total).toHaveAccessibleDescription(/各项之和为 10，报告填写 0/);

  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.accept();
  });
  await page.getByLabel("手动填写总计").uncheck();
  expect(asked).toContain("1 个总计与各项之和不一致");
  await expect(total).toHaveValue("10");
  await expect(total).not.toHaveAttribute("aria-invalid", "true");
});

test("opening a received report whose totals are wrong keeps the printed figures and shows the errors", async ({
  page,
}, info) => {
  await freshPage(page);
  const file = info.outputPath("hongze-2023.json");
  writeFileSync(file, JSON.stringify(fixture("hongze-2023.expected.json")));
  await page.getByTestId("open-file").setInputFiles(file);
  await expect(page.locator(".notice")).toContainText("已切换为手动填写总计");
  await expect(page.getByLabel("手动填写总计")).toBeChecked();
  const total = cell(page, "reviewsAndLawsuits.administrativeReview.total");
  await expect(total).toHaveValue("0");
  await expect(total).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('.issue[data-path="reviewsAndLawsuits.lawsuitAfterReview.total"]')).toContainText(
    "各项之和为 5，报告填写 0",
  );
});

test("a fresh form is quiet; empty-text warnings come once a section is typed in or a check is asked for", async ({
  page,
}) => {
  await freshPage(page);
  await expect(page.locator(".panel .counts")).toHaveText("未发现问题");
  await expect(page.locator(".issue-list li")).toHaveCount(0);
  const overview = page.locator('[id="t-overview"]');
  await overview.fill("x");
  await overview.fill("");
  await expect(page.locator('.issue[data-code="text.empty-section"]')).toHaveCount(1);
  await page.getByRole("button", { name: "检查", exact: true }).click();
  await expect(page.locator('.issue[data-code="text.empty-section"]')).toHaveCount(3);
  await expect(page.locator(".notice")).toContainText("检查完毕");
});

test("the heading is the report's own title; the signature is in the form and a late date is warned of", async ({
  page,
}) => {
  await freshPage(page);
  await page.locator("#h-year").fill("2024");
  await page.locator('[id="h-agency.name"]').fill("某某县人民政府办公室");
  await expect(page.locator("#report-heading")).toHaveText("某某县人民政府办公室2024年政府信息公开工作年度报告");
  await expect(page).toHaveTitle(/某某县人民政府办公室2024年政府信息公开工作年度报告/);
  await page.locator('[id="h-signature.agency"]').fill("某某县人民政府办公室");
  await page.locator('[id="h-signature.date"]').fill("2025-02-20");
  const late = page.locator('.issue[data-code="signature.late"]');
  await expect(late).toContainText("晚于发布期限");
  await page.locator('[id="h-signature.date"]').fill("2025-01-20");
  await expect(late).toHaveCount(0);
});

test("a message on a cell of a table's last rows is shown whole, never cut off by the table's box", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshPage(page);
  await typeInto(page, "applications.received.naturalPerson", "5");
  await page.getByLabel("手动填写总计").check();
  await typeInto(page, "reviewsAndLawsuits.lawsuitAfterReview.total", "9");
  for (const id of [
    "applications.carriedForward.total",
    "applications.outcomes.total.naturalPerson",
    "reviewsAndLawsuits.lawsuitAfterReview.total",
  ]) {
    const target = cell(page, id);
    await target.focus();
    const tip = target.locator("xpath=../div[@class='tip']");
    await expect(tip).toBeVisible();
    const inBox = await tip.evaluate((el) => {
      const wrap = el.closest(".table-wrap") as HTMLElement;
      const t = el.getBoundingClientRect();
      const w = wrap.getBoundingClientRect();
      return t.top >= w.top && t.bottom <= w.bottom && wrap.scrollHeight <= wrap.clientHeight;
    });
    expect(inBox, id).toBe(true);
  }
  await expect(
    cell(page, "reviewsAndLawsuits.lawsuitAfterReview.total").locator("xpath=../div[@class='tip']"),
  ).toContainText("报告填写 9");
});

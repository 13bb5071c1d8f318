/** Nothing lost: the stored draft, bad files, unsaved changes on leaving; preview escapes; cross-year checks. */
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { cell, fixture, freshPage, typeInto } from "./helpers.js";

test("the draft survives a reload", async ({ page }) => {
  await freshPage(page);
  await page.locator('[id="h-agency.name"]').fill("某某县人民政府");
  await typeInto(page, "applications.received.business", "7");
  await page.locator('[id="t-overview"]').fill("本年度共收到申请 7 件。");
  page.on("dialog", (d) => void d.accept()); // the beforeunload prompt, if the browser shows one
  await page.reload();
  await expect(page.locator(".notice")).toContainText("已恢复上次未完成的草稿");
  await expect(page.locator('[id="h-agency.name"]')).toHaveValue("某某县人民政府");
  await expect(cell(page, "applications.received.business")).toHaveValue("7");
  await expect(cell(page, "applications.received.total")).toHaveValue("7");
  await expect(page.locator('[id="t-overview"]')).toHaveValue("本年度共收到申请 7 件。");
  await expect(page.locator(".save-state")).toHaveText("有未保存到文件的修改");
});

test("leaving with changes not saved to a file asks first", async ({ page }) => {
  await freshPage(page);
  await typeInto(page, "applications.received.business", "3");
  let kind = "";
  page.once("dialog", (d) => {
    kind = d.type();
    d.dismiss().catch(() => {});
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => kind).toBe("beforeunload");
});

test("opening a file that is not a report shows why and leaves the draft untouched", async ({ page }, info) => {
  await freshPage(page);
  await typeInto(page, "applications.received.research", "4");
  const broken = info.outputPath("broken.json");
  writeFileSync(broken, '{"edition": "2021", "year": 2024,');
  await page.getByTestId("open-file").setInputFiles(broken);
  await expect(page.locator(".notice.error")).toContainText("无法打开“broken.json”：不是有效的 JSON");
  await expect(page.locator(".notice.error")).toContainText("当前草稿未改动");
  await expect(cell(page, "applications.received.research")).toHaveValue("4");

  const wrongShape = info.outputPath("wrong-shape.json");
  writeFileSync(wrongShape, JSON.stringify({ edition: "2021", year: 2024, agency: { name: "x" }, applications: 5 }));
  await page.getByTestId("open-file").setInputFiles(wrongShape);
  await expect(page.locator(".notice.error")).toContainText("不是符合格式的年度报告");
  await expect(page.locator(".notice.error li").first()).toBeVisible();
  await expect(cell(page, "applications.received.research")).toHaveValue("4");
  await page.reload();
  await expect(cell(page, "applications.received.research")).toHaveValue("4");
});

test("HTML in a narrative shows as text in the preview and never runs", async ({ page }) => {
  await freshPage(page);
  const evil = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
  await page.locator('[id="t-overview"]').fill(evil);
  await page.locator('[id="t-otherMatters"]').fill("<b>粗体</b> & 其他");
  await page.getByRole("button", { name: "预览", exact: true }).click();
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("body")).toContainText(evil);
  await expect(frame.locator("body")).toContainText("<b>粗体</b> & 其他");
  await expect(frame.locator("img")).toHaveCount(0);
  await expect(frame.locator("script")).toHaveCount(0);
  await expect(frame.locator("b")).toHaveCount(0);
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  expect(pwned).toBeUndefined();
  await page.getByRole("button", { name: "关闭预览" }).click();
  await expect(page.locator("iframe")).toHaveCount(0);
});

test("last year's report runs the cross-year checks", async ({ page }, info) => {
  await freshPage(page);
  const current = info.outputPath("huaian-2024.json");
  writeFileSync(current, JSON.stringify(fixture("huaian-2024.expected.json")));
  await page.getByTestId("open-file").setInputFiles(current);
  await expect(page.locator(".notice")).toContainText("已打开");

  // Last year's 四、结转下年度 differs from this year's 二、上年结转 (34 natural persons).
  const previous = fixture("huaian-2024.expected.json");
  previous.year = 2023;
  const applications = previous.applications as Record<string, Record<string, number>>;
  applications.carriedForward = { ...applications.carriedForward, naturalPerson: 30 } as Record<string, number>;
  const prevFile = info.outputPath("huaian-2023.json");
  writeFileSync(prevFile, JSON.stringify(previous));
  await page.getByTestId("previous-file").setInputFiles(prevFile);
  await expect(page.locator(".panel .previous")).toContainText("已载入上年报告：2023 年度");
  const crossYear = page.locator(".issue-list li").filter({ has: page.locator(".tag") });
  await expect(crossYear.first()).toBeVisible();
  await expect(crossYear.filter({ hasText: "上年结转" }).first()).toBeVisible();
});

test("a 2019-edition report with narratives opens and saves unchanged", async ({ page }, info) => {
  await freshPage(page);
  const expected = fixture("seed-2020.expected.json");
  const file = info.outputPath("seed-2020.json");
  writeFileSync(file, JSON.stringify(expected));
  await page.getByTestId("open-file").setInputFiles(file);
  await expect(page.locator("#h-edition")).toHaveValue("2019");
  await expect(page.getByLabel("手动填写总计")).not.toBeChecked();
  await expect(cell(page, "proactiveDisclosure.procurement.amountWanYuan")).toHaveValue("25.6835");
  await expect(page.locator('[id="t-otherMatters"]')).toHaveValue(String(expected.otherMatters));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "保存 JSON" }).click(),
  ]);
  expect(JSON.parse(readFileSync(await download.path(), "utf8"))).toEqual(expected);
});

/**
 * A reviewer's pass in Chromium: import a folder of fixtures, confirm one finding and dismiss
 * another, restart the server, import a corrected version and see the finding resolved and the
 * dismissal kept, build the roll-up, download the CSV; hostile names and narratives stay text.
 */
import { readFileSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDesk } from "../src/index.js";
import { correctedHongze2023, DIALECTS, desk, FIXTURES, freshDb, hostileReport, type TestDb } from "./helpers.js";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const T = 60_000;

describe.each(DIALECTS)("the desk in Chromium on %s", (dialect) => {
  let db: TestDb;
  let d: RunningDesk;
  let browser: Browser;
  let page: Page;
  let port: number;
  const errors: string[] = [];

  beforeAll(async () => {
    db = await freshDb(dialect);
    d = await desk(db.target);
    port = Number(new URL(d.url).port);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ARGS });
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(T);
    page.on("pageerror", (e) => errors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await d?.close();
    db?.cleanup();
  });

  const file = (name: string) => ({
    name,
    mimeType: "application/octet-stream",
    buffer: readFileSync(new URL(name, FIXTURES)),
  });

  it("imports a folder of fixtures and lists the unreadable one with its reason", async () => {
    await page.goto(`${d.url}#/import`);
    await page
      .getByTestId("file-input")
      .setInputFiles([
        file("hongze-2023.expected.json"),
        file("hongze-2024.expected.json"),
        file("huaian-2024.pdf"),
        file("seed-2020.txt"),
        { name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(hostileReport()) },
      ]);
    await page.getByText("已处理 5 / 5").waitFor({ timeout: 180_000 });
    const failed = page.locator("tr.failed");
    await expect.poll(() => failed.count(), { timeout: T }).toBe(1);
    expect(await failed.textContent()).toContain("seed-2020.txt");
    expect(await failed.textContent()).toContain("读不出报告机关名称");
  }, 240_000);

  it("shows a hostile agency name and narrative as text", async () => {
    await page.goto(`${d.url}#/reports`);
    const hostile = page.locator("a.agency", { hasText: "某局" });
    await hostile.waitFor();
    expect(await hostile.textContent()).toContain("<script>window.__pwned=2</script>");
    await hostile.click();
    await page.locator("h2.agency").waitFor();
    expect(await page.locator("h2.agency").textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    const frame = page.frameLocator("iframe[sandbox]");
    await frame.getByText("<script>window.__pwned=3</script>", { exact: false }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }, 120_000);

  it("confirms one finding and dismisses another with a reason", async () => {
    await page.goto(`${d.url}#/reports?q=洪泽区人民政府`);
    await page.locator("a.agency", { hasText: /^洪泽区人民政府$/ }).click();
    const total = page.locator("li.finding", { hasText: "表四 行政复议 · 总计" });
    await total.getByRole("button", { name: "确认" }).click();
    await total.locator(".badge.confirmed").waitFor();
    const warning = page.locator("li.finding.warning").first();
    const warningText = (await warning.locator(".msg").textContent())!;
    await warning.getByRole("button", { name: "驳回" }).click();
    await warning.getByLabel("驳回理由").fill("原文如此，不属于错误");
    await warning.getByRole("button", { name: "保存" }).click();
    await page.locator("li.finding", { hasText: warningText }).locator(".badge.dismissed").waitFor();
  }, 120_000);

  it("keeps the decisions across a restart, and a corrected version resolves the confirmed finding", async () => {
    await d.close();
    d = await desk(db.target, { port });
    await page.goto(`${d.url}#/import`);
    await page.getByTestId("file-input").setInputFiles([
      {
        name: "hongze-2023-corrected.json",
        mimeType: "application/json",
        buffer: Buffer.from(correctedHongze2023()),
      },
    ]);
    await page.getByText("新版本（第 2 版）").waitFor({ timeout: 120_000 });
    await page.getByRole("link", { name: "洪泽区人民政府 2023" }).click();
    const total = page.locator("li.finding", { hasText: "表四 行政复议 · 总计" });
    await total.locator(".badge.resolved", { hasText: "第 2 版已解决" }).waitFor();
    expect(await total.locator(".badge.confirmed").count()).toBe(1);
    const dismissed = page.locator("li.finding .badge.dismissed", { hasText: "原文如此，不属于错误" });
    await dismissed.waitFor();
  }, 120_000);

  it("builds the roll-up of 2024 and downloads the findings CSV", async () => {
    await page.goto(`${d.url}#/across?year=2024`);
    await page.getByRole("button", { name: "生成汇总" }).click();
    const roll = page.getByTestId("rollup");
    await roll.waitFor();
    expect(await roll.textContent()).toContain("淮安市洪泽区人民政府");
    await page.goto(`${d.url}#/reports`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("下载全部发现 CSV").click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("原文如此，不属于错误");
    expect(text).toContain("第 2 版已解决");
    expect(errors).toEqual([]);
  }, 120_000);
});

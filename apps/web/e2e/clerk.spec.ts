/**
 * The clerk's whole job: last year's published PDF starts this year's report, every figure and
 * text of 2024 is typed, the signature added; the report is downloaded as Word (read back) and
 * JSON, and printed from the preview. Screenshots at 1280, 1024 and 390 px go to the test output.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { cell, edition, FIXTURES, fixture, freshPage, getAt, typeInto } from "./helpers.js";

const SCREENS = process.env.WEB_SCREENS_DIR;

async function shoot(page: Page, name: string, info: { outputPath(n: string): string }, fullPage = false) {
  const path = SCREENS ? join(SCREENS, name) : info.outputPath(name);
  await page.screenshot({ path, fullPage });
}

/** What the clerk writes in the three narratives (the overview quotes the table's figures). */
const TEXTS: Record<string, string> = {
  overview:
    "2024年，我区严格落实《中华人民共和国政府信息公开条例》。全年收到政府信息公开申请 95 件，均在法定期限内答复。",
  problemsAndImprovements: "存在的问题：政策解读形式不够丰富。改进措施：2025年丰富图解、视频等解读形式。",
  otherMatters: "本年度未收取信息处理费。",
};

/** Types every figure and text of the report as a clerk would, then the signature, and asks for the checks. */
async function fillAs(page: Page, expected: Record<string, unknown>): Promise<void> {
  const meta = edition("2021");
  // This year's agency name is printed with its city in front; the cross-year checks still pair the years.
  await page.locator('[id="h-agency.name"]').fill(String(getAt(expected, ["agency", "name"])));
  for (const f of Object.values(meta.fields)) {
    if (f.sumOf) continue;
    if (f.kind === "text") await page.locator(`[id="t-${f.id}"]`).fill(TEXTS[f.id] ?? "");
    else await typeInto(page, f.id, String(getAt(expected, f.path)));
  }
  await page.locator('[id="h-signature.agency"]').fill("淮安市洪泽区人民政府");
  await page.locator('[id="h-signature.date"]').fill("2025-01-20");
  await page.getByRole("button", { name: "检查", exact: true }).click();
  await expect(page.locator(".issue-list .error")).toHaveCount(0);
  await expect(page.locator(".issue-list li")).toHaveCount(0);
  for (const f of Object.values(meta.fields))
    if (f.sumOf) await expect(cell(page, f.id)).toHaveValue(String(getAt(expected, f.path)));
}

/** The text runs of a downloaded .docx's word/document.xml, joined by "|". */
function wordText(path: string): string {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))["word/document.xml"] as Uint8Array);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|");
}

test("2024 from the 2023 PDF: started from last year, filled, downloaded as Word and JSON, printed", async ({
  page,
}, info) => {
  test.setTimeout(420_000);
  const expected = fixture("hongze-2024.expected.json");
  const meta = edition("2021");
  await page.setViewportSize({ width: 1280, height: 900 });
  await freshPage(page);

  await page.getByTestId("previous-file").setInputFiles(join(FIXTURES, "hongze-2023.pdf"));
  const start = page.getByRole("button", { name: "开始填写 2024 年度报告" });
  await start.click({ timeout: 90_000 });
  await expect(page.locator("#report-heading")).toHaveText("洪泽区人民政府2024年政府信息公开工作年度报告");
  await expect(cell(page, "proactiveDisclosure.normativeDocuments.inForce")).toHaveValue("5");
  await expect(page.locator(".panel .previous")).toContainText("已载入上年报告：2023 年度");
  await shoot(page, "clerk-started-1280.png", info);

  await fillAs(page, expected);
  await shoot(page, "clerk-filled-1280.png", info);
  await shoot(page, "clerk-filled-1280-full.png", info, true);

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "保存 JSON" }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await json.path(), "utf8"));
  for (const f of Object.values(meta.fields))
    expect(getAt(saved, f.path)).toEqual(f.kind === "text" ? TEXTS[f.id] : getAt(expected, f.path));
  expect(saved.signature).toEqual({ agency: "淮安市洪泽区人民政府", date: "2025-01-20" });

  const [word] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name: "下载 Word" }).click(),
  ]);
  expect(word.suggestedFilename()).toBe("淮安市洪泽区人民政府-2024.docx");
  const text = wordText(await word.path());
  if (SCREENS) await word.saveAs(join(SCREENS, word.suggestedFilename()));
  expect(text).toContain("淮安市洪泽区人民政府2024年政府信息公开工作年度报告");
  // 表三's row 一: its seven figures in printed order.
  const received = ["naturalPerson", "business", "research", "nonprofit", "legalServices", "otherOrganization", "total"]
    .map((k) => String(getAt(expected, ["applications", "received", k])))
    .join("|");
  expect(text).toContain(`|${received}|`);
  expect(text).toContain("2025年1月20日");

  // Preview, then print: the printed page is the report in the official layout, not the form.
  await page.getByRole("button", { name: "预览", exact: true }).click();
  await expect(page.frameLocator("iframe").locator("h1")).toContainText("2024年政府信息公开工作年度报告");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("form.report")).toBeHidden();
  await expect(page.locator(".print-copy h1")).toHaveText("淮安市洪泽区人民政府2024年政府信息公开工作年度报告");
  await expect(page.locator(".print-copy table")).toHaveCount(3);
  await shoot(page, "clerk-print-preview.png", info, true);
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.length).toBeGreaterThan(20_000);
  await info.attach("printed.pdf", { body: pdf, contentType: "application/pdf" });
  if (SCREENS) writeFileSync(join(SCREENS, "clerk-printed.pdf"), pdf);
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "关闭预览" }).click();

  for (const [width, height] of [
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, `clerk-filled-${width}.png`, info);
    await cell(page, "reviewsAndLawsuits.administrativeReview.upheld").scrollIntoViewIfNeeded();
    await shoot(page, `clerk-tables-${width}.png`, info);
  }
});

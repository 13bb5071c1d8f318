/** Opening any report: PDF by the open button, Word by dropping it on the page, an HTML page over a changed draft. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { cell, dropFile, FIXTURES, fixture, freshPage, getAt, REPO, scriptsLoaded } from "./helpers.js";

const CORPUS = join(REPO, "packages", "parser", "test", "corpus");
const DIST = join(import.meta.dirname, "..", "dist", "assets");
const kb = (files: string[]) =>
  files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0) / 1024;

test("a published PDF opens as a new draft with its figures; the parser and pdf.js load only then", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await freshPage(page);
  const first = await scriptsLoaded(page);
  expect(first.some((f) => f.startsWith("read-document") || f.startsWith("pdf"))).toBe(false);

  await page.getByTestId("open-file").setInputFiles(join(FIXTURES, "hongze-2023.pdf"));
  await expect(page.locator("#report-heading")).toHaveText("洪泽区人民政府2023年政府信息公开工作年度报告", {
    timeout: 60_000,
  });
  await expect(page.locator(".notice")).toContainText("已读取“hongze-2023.pdf”");
  const expected = fixture("hongze-2023.expected.json");
  for (const id of ["applications.received.naturalPerson", "applications.carriedForward.total"])
    await expect(cell(page, id)).toHaveValue(String(getAt(expected, id.split("."))));

  const n = await page.locator("td.read-unread, td.read-ambiguous").count();

  const later = (await scriptsLoaded(page)).filter((f) => !first.includes(f));
  expect(later.some((f) => f.startsWith("read-document"))).toBe(true);
  const line = `JavaScript fetched: first load ${kb(first).toFixed(1)} KB gzipped (${first.join(", ")}); opening a PDF adds ${kb(later).toFixed(1)} KB (${later.join(", ")}); ${n} cells marked unread or ambiguous`;
  console.log(line);
  await info.attach("bundle-sizes", { body: line, contentType: "text/plain" });
});

test("cells a document left unread or ambiguous are marked at the cell and counted as errors until typed", async ({
  page,
}, info) => {
  await freshPage(page);
  const report = fixture("hongze-2023.expected.json");
  report.provenance = {
    "applications.received.business": { status: "unread" },
    "applications.received.research": { status: "ambiguous", candidates: [1, 10] },
    "applications.received.naturalPerson": { status: "inferred", by: "applications.row-total" },
  };
  const file = info.outputPath("read.json");
  writeFileSync(file, JSON.stringify(report));
  await page.getByTestId("open-file").setInputFiles(file);
  await expect(page.locator(".notice")).toContainText("2 个单元格原文未能读取或有多种读法");
  const unread = cell(page, "applications.received.business");
  await expect(unread.locator("xpath=..")).toHaveClass(/read-unread/);
  await expect(unread).toHaveAttribute("aria-invalid", "true");
  await expect(unread).toHaveAccessibleDescription(/原文此处未能读取/);
  await expect(cell(page, "applications.received.research")).toHaveAccessibleDescription(/多种读法：1、10/);
  await expect(cell(page, "applications.received.naturalPerson").locator("xpath=..")).toHaveClass(/read-inferred/);
  await unread.focus();
  await page.keyboard.type("0");
  await expect(unread).not.toHaveAttribute("aria-invalid", "true");
  await expect(unread.locator("xpath=..")).not.toHaveClass(/read-unread/);
});

test("a Word report dropped on the page opens with its figures", async ({ page }) => {
  test.setTimeout(90_000);
  await freshPage(page);
  await dropFile(page, join(CORPUS, "huaian-2024.rendered.docx"));
  await expect(page.locator("#report-heading")).toHaveText("淮安市人民政府2024年政府信息公开工作年度报告", {
    timeout: 60_000,
  });
  const expected = fixture("huaian-2024.expected.json");
  for (const id of [
    "applications.received.total",
    "applications.outcomes.disclosed.naturalPerson",
    "reviewsAndLawsuits.administrativeReview.total",
    "proactiveDisclosure.fees.amountWanYuan",
  ])
    await expect(cell(page, id)).toHaveValue(String(getAt(expected, id.split("."))));
});

test("an HTML page opened over a changed draft waits until the user chooses to replace it", async ({ page }) => {
  test.setTimeout(90_000);
  await freshPage(page);
  await cell(page, "applications.received.business").focus();
  await page.keyboard.type("7");
  await page.getByTestId("open-file").setInputFiles(join(CORPUS, "hongze-2024.rendered.html"));
  const offer = page.locator(".notice.offer");
  await expect(offer).toContainText("用读取的报告替换当前草稿吗", { timeout: 60_000 });
  await expect(cell(page, "applications.received.business")).toHaveValue("7");
  await offer.getByRole("button", { name: "保留当前草稿" }).click();
  await expect(cell(page, "applications.received.business")).toHaveValue("7");

  await page.getByTestId("open-file").setInputFiles(join(CORPUS, "hongze-2024.rendered.html"));
  await offer.getByRole("button", { name: "替换当前草稿" }).click({ timeout: 60_000 });
  await expect(page.locator("#report-heading")).toContainText("2024年政府信息公开工作年度报告");
  const expected = fixture("hongze-2024.expected.json");
  await expect(cell(page, "applications.received.total")).toHaveValue(
    String(getAt(expected, ["applications", "received", "total"])),
  );
});

test("a file that is no report says why and leaves the draft", async ({ page }, info) => {
  await freshPage(page);
  await cell(page, "applications.received.business").focus();
  await page.keyboard.type("4");
  const junk = info.outputPath("notes.pdf");
  writeFileSync(junk, "%PDF-1.4\nnot really\n");
  await page.getByTestId("open-file").setInputFiles(junk);
  await expect(page.locator(".notice.error")).toContainText("无法打开“notes.pdf”", { timeout: 60_000 });
  await expect(cell(page, "applications.received.business")).toHaveValue("4");
});

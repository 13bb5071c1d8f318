/** Filling a whole report from scratch by typing, and exporting it: the JSON equals the fixture. */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { cell, edition, fixture, freshPage, getAt, summarize, typeInto, updateTimings } from "./helpers.js";

test("typing every cell of huaian-2024 (edition 2021, totals computed) exports the expected JSON", async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const expected = fixture("huaian-2024.expected.json");
  const meta = edition("2021");
  await freshPage(page);

  await page.locator("#h-edition").selectOption("2021");
  await page.locator("#h-year").fill("");
  await page.locator("#h-year").pressSequentially(String(expected.year));
  await page.locator('[id="h-agency.name"]').pressSequentially(String(getAt(expected, ["agency", "name"])));

  const inputs = Object.values(meta.fields).filter((f) => f.kind !== "text");
  const totals = inputs.filter((f) => f.sumOf);
  for (const t of totals) await expect(cell(page, t.id)).toHaveAttribute("readonly", "");
  for (const f of inputs) {
    if (f.sumOf) continue;
    await typeInto(page, f.id, String(getAt(expected, f.path)));
  }

  // Every computed total shows the printed figure of the fixture.
  for (const t of totals) await expect(cell(page, t.id)).toHaveValue(String(getAt(expected, t.path)));
  await expect(page.locator(".issue-list .error")).toHaveCount(0);

  const typing = await updateTimings(page);
  // A few more edits on the full report: the case the 8 ms budget is about.
  await page.evaluate(() => performance.clearMeasures("gov-report:update"));
  // Alternate two cells so that each visit selects the value and typing replaces it.
  const probes = [
    "applications.outcomes.disclosed.naturalPerson",
    "applications.outcomes.partiallyDisclosed.naturalPerson",
  ];
  const probeValues = probes.map((id) => String(getAt(expected, meta.fields[id]?.path ?? [])));
  for (let i = 0; i < 40; i++) {
    const k = i % 2;
    await typeInto(page, probes[k] as string, String(Number(probeValues[k]) + (i % 4 < 2 ? 1 : 0)));
  }
  const full = await updateTimings(page);
  const line = `keystroke -> totals+messages: while filling ${summarize(typing)}; on the full report ${summarize(full)}`;
  console.log(line);
  await info.attach("update-timings", { body: line, contentType: "text/plain" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "保存 JSON" }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(saved).toEqual(expected);
  expect(download.suggestedFilename()).toBe("淮安市人民政府-2024.json");
  await expect(page.locator(".save-state")).toHaveText("已保存");
});

/**
 * A 2021-edition report (its year and its table 三) printing table 二 in the 2019 layout: the
 * report stays 2021, table 二 is read in its own layout, the cells both editions have go to the
 * report, the others are unread, and a diagnostic says the table was printed in the 2019 layout.
 */
import { numericCellsOf } from "@gov-report/core/lite";
import { renderHtml, renderText } from "@gov-report/renderer";
import { describe, expect, it } from "vitest";
import { parseReport, parseText } from "../src/index.js";
import { expected } from "./helpers.js";

const report2024 = expected("hongze-2024");
const report2020 = expected("seed-2020");
const TABLE = "proactiveDisclosure";
/** The cells of table 二 both editions have (same path): 行政许可、行政处罚、行政强制 处理决定数量. */
const ids2019 = new Set(numericCellsOf("2019").map((c) => c.id));
const cells2021 = numericCellsOf("2021").filter((c) => c.path[0] === TABLE);
const shared = cells2021.filter((c) => ids2019.has(c.id));
const valueAt = (o: unknown, path: readonly (string | number)[]) =>
  path.reduce<unknown>((a, k) => (a as Record<string, unknown>)[k], o);

/** `html`'s table of `cls` replaced by that of `from`. */
function swapTable(html: string, from: string, cls: string): string {
  const at = (s: string) => {
    const start = s.indexOf(`<table class="gr-table ${cls}"`);
    return [start, s.indexOf("</table>", start) + "</table>".length] as const;
  };
  const [a, b] = at(html);
  const [c, d] = at(from);
  expect(a).toBeGreaterThan(0);
  expect(c).toBeGreaterThan(0);
  return html.slice(0, a) + from.slice(c, d) + html.slice(b);
}

function expectOtherLayout(r: Awaited<ReturnType<typeof parseReport>>) {
  expect(shared.length).toBe(3);
  expect(r.report.edition).toBe("2021");
  const codes = r.diagnostics.map((d) => d.code);
  expect(codes).toContain("table.other-layout");
  expect(codes).not.toContain("edition.year-mismatch");
  expect(codes).not.toContain("numbers.unassigned");
  for (const c of cells2021) {
    const status = r.report.provenance?.[c.id]?.status;
    if (ids2019.has(c.id)) {
      expect(status, c.id).toBe("printed");
      expect(valueAt(r.report, c.path), c.id).toBe(valueAt(report2020, c.path));
    } else expect(status, c.id).toBe("unread");
  }
  // Table 三 (25 rows, 2021) and table 四 read as printed.
  expect(r.report.applications).toEqual(report2024.applications);
  expect(r.report.reviewsAndLawsuits).toEqual(report2024.reviewsAndLawsuits);
}

describe("table 二 printed in the 2019 layout in a 2021-edition report", () => {
  it("HTML: the 2024 report with the 2019 表二 of a 2020 report", async () => {
    const html = swapTable(
      await renderHtml(report2024 as never),
      await renderHtml(report2020 as never),
      "gr-proactiveDisclosure",
    );
    expectOtherLayout(await parseReport({ html }));
  }, 60_000);

  it("text: the same in plain rendered text", async () => {
    const [t2024, t2020] = await Promise.all([renderText(report2024 as never), renderText(report2020 as never)]);
    const part = (t: string, from: string, to: string) => t.slice(t.indexOf(from), t.indexOf(to));
    const [two, three] = ["\n二、", "\n三、"];
    const text = t2024.replace(part(t2024, two, three), part(t2020, two, three));
    expect(text).not.toBe(t2024);
    expectOtherLayout(parseText(text) as Awaited<ReturnType<typeof parseReport>>);
  }, 60_000);

  it("a 2020 report (2019 edition) keeps its edition and its whole table 二", async () => {
    const r = await parseReport({ html: await renderHtml(report2020 as never) });
    expect(r.report.edition).toBe("2019");
    expect(r.diagnostics.map((d) => d.code)).not.toContain("table.other-layout");
  }, 60_000);
});

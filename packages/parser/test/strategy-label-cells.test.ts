/**
 * Table 四 printed one cell per row (行政复议 · 结果维持 · 72), across rows or extracted column by
 * column: every figure is read by its own row's labels. And in a table grid, figures in cells of
 * their own are never split as if run together.
 */
import { REVIEW_GROUPS, REVIEW_OUTCOMES, type Report, SECTIONS } from "@gov-report/core/lite";
import { renderHtml, renderText } from "@gov-report/renderer";
import { describe, expect, it } from "vitest";
import { parseReport, parseText } from "../src/index.js";
import { expected } from "./helpers.js";

const exp = expected("huaian-2024");
const reviews = exp.reviewsAndLawsuits as Record<string, Record<string, number>>;
const CELLS = REVIEW_GROUPS.flatMap((g) =>
  REVIEW_OUTCOMES.map((o) => ({ g, o, v: reviews[g.key]?.[o.key] as number })),
);
const PATHS = CELLS.map(({ g, o }) => `reviewsAndLawsuits.${g.key}.${o.key}`);

/** The rendered page with its table 四 replaced by `table`. */
async function pageWith(table: string, report = exp): Promise<string> {
  const html = await renderHtml(report as never);
  const start = html.indexOf('<table class="gr-table gr-reviewsAndLawsuits"');
  const end = html.indexOf("</table>", start) + "</table>".length;
  expect(start).toBeGreaterThan(0);
  return html.slice(0, start) + table + html.slice(end);
}

/** The rendered text with its table 四 (from the heading to section 五) replaced by `lines`. */
async function textWith(lines: readonly string[]): Promise<string> {
  const text = await renderText(exp as never);
  const [four, five] = ["reviewsAndLawsuits", "problemsAndImprovements"].map((k) => {
    const s = SECTIONS.find((x) => x.key === k);
    return text.indexOf(`\n${s?.number}、${s?.zh}`);
  }) as [number, number];
  const heading = text.indexOf("\n", four + 1);
  expect(heading).toBeGreaterThan(0);
  return `${text.slice(0, heading)}\n${lines.join("\n")}\n${text.slice(five)}`;
}

function expectPrinted(report: Report, diagnostics: readonly { code: string }[]) {
  expect(report.provenance && PATHS.map((p) => report.provenance?.[p]?.status)).toEqual(PATHS.map(() => "printed"));
  expect(report.reviewsAndLawsuits).toEqual(exp.reviewsAndLawsuits);
  expect(diagnostics.map((d) => d.code)).toContain("table.cell-per-row");
}

describe("table 四 printed one cell per row", () => {
  it("each row its two labels and its figure: read by the labels, every cell printed", async () => {
    const rows = CELLS.map(({ g, o, v }) => `<tr><th>${g.zh}</th><th>${o.zh}</th><td>${v}</td></tr>`);
    const r = await parseReport({ html: await pageWith(`<table>${rows.join("")}</table>`) });
    expectPrinted(r.report, r.diagnostics);
  }, 60_000);

  it("the group label spanning its five rows (rowspan)", async () => {
    const rows = CELLS.map(
      ({ g, o, v }, i) => `<tr>${i % 5 === 0 ? `<th rowspan="5">${g.zh}</th>` : ""}<th>${o.zh}</th><td>${v}</td></tr>`,
    );
    const r = await parseReport({ html: await pageWith(`<table>${rows.join("")}</table>`) });
    expectPrinted(r.report, r.diagnostics);
  }, 60_000);

  it("extracted column by column, rows printed outcome by outcome: each figure by its row's labels", async () => {
    // Rows in another order than the format's: reading the figures in order would misplace them.
    const order = REVIEW_OUTCOMES.flatMap((_, o) => REVIEW_GROUPS.map((_, g) => CELLS[g * 5 + o] as (typeof CELLS)[0]));
    const lines = [...order.map((c) => c.g.zh), ...order.map((c) => c.o.zh), ...order.map((c) => String(c.v))];
    const r = parseText(await textWith(lines));
    expectPrinted(r.report, r.diagnostics);
  });

  it("extracted column by column with the group labels spanning their rows", async () => {
    // Within each group the total printed first: a new group starts where an outcome comes again.
    const outcomes = [4, 0, 1, 2, 3];
    const order = REVIEW_GROUPS.flatMap((_, g) => outcomes.map((o) => CELLS[g * 5 + o] as (typeof CELLS)[0]));
    const lines = [...REVIEW_GROUPS.map((g) => g.zh), ...order.map((c) => c.o.zh), ...order.map((c) => String(c.v))];
    const r = parseText(await textWith(lines));
    expectPrinted(r.report, r.diagnostics);
  });
});

describe("figures in cells of their own are never split", () => {
  it("a grid row whose first group a digit split would make add up: no split, no cell inferred", async () => {
    // hongze-2024's table 四 with no header, its first group printed 12 | 0 | 0 | 3 in four cells:
    // split as if run together, 1|2|0|0|3 adds up, but 12 is one cell's figure.
    const other = expected("hongze-2024");
    const groups = other.reviewsAndLawsuits as Record<string, Record<string, number>>;
    const rest = REVIEW_GROUPS.slice(1).flatMap((g) => REVIEW_OUTCOMES.map((o) => groups[g.key]?.[o.key] as number));
    const row = [12, 0, 0, 3, ...rest].map((v) => `<td>${v}</td>`).join("");
    const r = await parseReport({ html: await pageWith(`<table><tr>${row}</tr></table>`, other) });
    const prov = PATHS.map((p) => r.report.provenance?.[p] as { status: string; by?: string });
    // Not decided by the totals or by digits: only what every placement of the 14 figures agrees on.
    for (const p of prov) expect([undefined, "order"]).toContain(p.by);
    expect(prov[0]).toEqual({ status: "ambiguous", candidates: [0, 12] });
    expect(r.diagnostics.map((d) => d.code)).not.toContain("split.run-together");
  }, 60_000);
});

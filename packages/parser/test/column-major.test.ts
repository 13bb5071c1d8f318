/**
 * Tables 二 and 三 extracted from a PDF column by column: each table's row labels first, then each
 * column's figures top to bottom (with its column label before them, or the column labels all
 * first, or none). Table 三 is read by its totals; table 二 has none, so its blocks are read by
 * their labels (strategy label-cells, `readLabelGrid`): a block whose column labels come before
 * their own figures is read as printed, one whose order nothing decides keeps both readings
 * (ambiguous), one whose figures do not fill its cells stays unread. Never, as before, every figure
 * after the last row label given to that row as printed.
 */
import {
  APPLICANT_COLUMNS,
  applicationRows,
  type Edition,
  PROACTIVE_BLOCKS,
  type ProactiveBlockDef,
  SECTIONS,
} from "@gov-report/core/lite";
import { renderText } from "@gov-report/renderer";
import { describe, expect, it } from "vitest";
import { score } from "../scripts/eval.js";
import { parseText } from "../src/index.js";
import { expected } from "./helpers.js";

type Json = Record<string, Record<string, Record<string, number>>>;

/** The rendered text with section `key`'s body (from its heading to section `next`) replaced by `lines`. */
async function textWith(report: Record<string, unknown>, key: string, next: string, lines: readonly string[]) {
  const text = await renderText(report as never);
  const [a, b] = [key, next].map((k) => {
    const s = SECTIONS.find((x) => x.key === k);
    return text.indexOf(`\n${s?.number}、${s?.zh}`);
  }) as [number, number];
  const heading = text.indexOf("\n", a + 1);
  expect(heading).toBeGreaterThan(0);
  return `${text.slice(0, heading)}\n${lines.join("\n")}\n${text.slice(b)}`;
}

type Layout = "column-labels" | "labels-first" | "no-column-labels" | "column-labels-no-zeros";

/** Table 二 extracted column by column, block by block, one cell a line. */
function proactiveLines(report: Record<string, unknown>, layout: Layout): string[] {
  const pd = report.proactiveDisclosure as Json[string];
  return PROACTIVE_BLOCKS[report.edition as Edition].flatMap((b: ProactiveBlockDef) => {
    const v = (r: { key: string }, c: { key: string }) => String(pd[r.key]?.[c.key]);
    const rows = b.rows.map((r) => r.zh);
    const column = (c: (typeof b.columns)[number]) => b.rows.map((r) => v(r, c));
    const head = [b.caption.zh, b.contentHeader.zh, ...rows];
    if (layout === "column-labels") return [...head, ...b.columns.flatMap((c) => [c.zh, ...column(c)])];
    if (layout === "column-labels-no-zeros")
      return [...head, ...b.columns.flatMap((c) => [c.zh, ...column(c).filter((x) => x !== "0")])];
    const figures = b.columns.flatMap(column);
    if (layout === "labels-first") return [...head, ...b.columns.map((c) => c.zh), ...figures];
    return [b.caption.zh, ...rows, ...figures];
  });
}

const cellsOf = (report: Record<string, unknown>) => {
  const pd = report.proactiveDisclosure as Json[string];
  return PROACTIVE_BLOCKS[report.edition as Edition].flatMap((b) =>
    b.rows.flatMap((r) =>
      b.columns.map((c) => ({ id: `proactiveDisclosure.${r.key}.${c.key}`, v: pd[r.key]?.[c.key] as number, b })),
    ),
  );
};

async function readProactive(stem: string, layout: Layout) {
  const exp = expected(stem);
  const r = parseText(await textWith(exp, "proactiveDisclosure", "applications", proactiveLines(exp, layout)));
  const got = r.report.proactiveDisclosure as unknown as Json[string];
  const cells = cellsOf(exp).map((c) => {
    const [, row, col] = c.id.split(".") as [string, string, string];
    return { ...c, got: got[row]?.[col], prov: r.report.provenance?.[c.id] };
  });
  return { exp, r, cells };
}

/** No cell of table 二 holds a wrong value as printed or inferred: it is right, ambiguous or unread. */
function expectNoConfidentWrong(cells: Awaited<ReturnType<typeof readProactive>>["cells"]) {
  for (const c of cells)
    if (c.got !== c.v) expect([c.id, c.prov?.status]).toEqual([c.id, expect.stringMatching(/^(ambiguous|unread)$/)]);
}

describe("table 二 extracted column by column", () => {
  for (const stem of ["huaian-2024", "hongze-2023", "seed-2020"])
    it(`${stem}: each column's label, then its figures: every cell printed, by its labels`, async () => {
      const { exp, r, cells } = await readProactive(stem, "column-labels");
      expect(cells.map((c) => [c.id, c.got, c.prov?.status])).toEqual(cells.map((c) => [c.id, c.v, "printed"]));
      expect(r.diagnostics.map((d) => d.code)).toContain("table.cell-per-row");
      expect(score(exp, r.report as never).misses).toEqual([]);
    }, 60_000);

  for (const layout of ["labels-first", "no-column-labels"] as const)
    it(`${layout}: blocks of one column read by their labels, the others ambiguous (never one row's figures)`, async () => {
      const { r, cells } = await readProactive("huaian-2024", layout);
      expectNoConfidentWrong(cells);
      for (const c of cells) {
        if (c.b.columns.length === 1) expect([c.id, c.got, c.prov?.status]).toEqual([c.id, c.v, "printed"]);
        // Column by column or row by row: the cell's own figure is among the candidates.
        else if (c.prov?.status === "ambiguous") expect(c.prov.candidates).toContain(c.v);
        else expect([c.id, c.got, c.prov?.status, c.prov?.by]).toEqual([c.id, c.v, "inferred", "order"]);
      }
      // huaian-2024's 第（一）项: 规章 1 0 11, 行政规范性文件 8 26 66; only the corners read alike.
      expect(cells.filter((c) => c.prov?.status === "ambiguous")).toHaveLength(4);
      expect(r.diagnostics.filter((d) => d.code === "table.labels-apart").map((d) => d.path?.join("."))).toEqual([
        "proactiveDisclosure.rules",
        "proactiveDisclosure.normativeDocuments",
      ]);
    }, 60_000);

  it("blank cells left out of a column: its cells unread, no figure given to another cell", async () => {
    const { r, cells } = await readProactive("huaian-2024", "column-labels-no-zeros");
    expectNoConfidentWrong(cells);
    // 规章's 本年废止件数 is 0: the 第（一）项 block's figures do not fill its cells.
    for (const c of cells.filter((x) => x.b.rows.some((row) => row.key === "rules")))
      expect([c.id, c.prov?.status]).toEqual([c.id, "unread"]);
    expect(r.diagnostics.some((d) => d.code === "table.labels-apart" && d.severity === "warning")).toBe(true);
  }, 60_000);
});

describe("table 三 extracted column by column", () => {
  for (const stem of ["huaian-2024", "hongze-2023", "seed-2020"])
    for (const withLabels of [false, true])
      it(`${stem}: the row labels, then each column's ${withLabels ? "label and " : ""}figures: read by the totals`, async () => {
        const exp = expected(stem);
        const apps = exp.applications as Record<string, unknown>;
        const at = (path: readonly string[]) =>
          path.reduce<unknown>((x, k) => (x as Record<string, unknown>)?.[k], apps);
        const rows = applicationRows(exp.edition as Edition);
        const labels: string[] = [];
        for (const row of rows)
          row.labels.forEach((l, i) => {
            if (i === row.labels.length - 1 || !labels.includes(l.zh)) labels.push(l.zh);
          });
        const columns = APPLICANT_COLUMNS.flatMap((c) => [
          ...(withLabels ? [c.zh] : []),
          ...rows.map((row) => String(at([...row.path, c.key]))),
        ]);
        const r = parseText(await textWith(exp, "applications", "reviewsAndLawsuits", [...labels, ...columns]));
        expect(score(exp, r.report as never).misses).toEqual([]);
      }, 60_000);
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildFormMetadata,
  type Constraint,
  cellAt,
  cellsOf,
  computeTotals,
  constraints,
  consistentReport as coreConsistentReport,
  createEmptyReport,
  EDITIONS,
  type Edition,
  fillFromParts,
  freeCells,
  getAt,
  numericCellsOf,
  type Report,
  RULE_CATALOG,
  setAt,
  totalFormulas,
  validateReport,
} from "../src/index.js";
import { consistentReport, seeded } from "./arbitraries.js";
import { fixture } from "./helpers.js";

const holds = (c: Constraint, r: unknown) =>
  c.terms.reduce((s, t) => s + t.coef * (getAt(r, t.path) as number), 0) === 0;

describe("constraints(edition)", () => {
  it.each(EDITIONS)("%s: every invariant of the format, with stable ids, rule codes and cells of the edition", (e) => {
    const list = constraints(e);
    const rows = e === "2019" ? 23 : 25;
    const byCode = (code: string) => list.filter((c) => c.code === code).length;
    expect(byCode("applications.row-total")).toBe(rows);
    expect(byCode("applications.column-total")).toBe(7);
    expect(byCode("applications.balance")).toBe(7);
    expect(byCode("reviews.group-total")).toBe(3);
    expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    const codes = new Set(RULE_CATALOG.map((r) => r.code));
    for (const c of list) {
      expect(codes.has(c.code), c.code).toBe(true);
      for (const t of c.terms) expect(cellAt(e, t.path), t.path.join(".")).toBeDefined();
      if (c.total) {
        // total = Σ parts, written as −total + Σ parts = 0.
        expect(c.terms).toEqual([{ path: c.total, coef: -1 }, ...(c.parts ?? []).map((path) => ({ path, coef: 1 }))]);
      }
    }
    expect(list.find((c) => c.id === "applications.row-total:received")?.parts).toHaveLength(6);
    expect(list.find((c) => c.id === "applications.column-total:naturalPerson")?.parts).toHaveLength(rows - 4);
    expect(
      list.find((c) => c.id === "applications.balance:total")?.terms.map((t) => [t.path.join("."), t.coef]),
    ).toEqual([
      ["applications.received.total", 1],
      ["applications.carriedOver.total", 1],
      ["applications.outcomes.total.total", -1],
      ["applications.carriedForward.total", -1],
    ]);
    expect(list.find((c) => c.id === "reviews.group-total:lawsuitAfterReview")?.total).toEqual([
      "reviewsAndLawsuits",
      "lawsuitAfterReview",
      "total",
    ]);
  });

  it.each(EDITIONS)(
    "%s: the fixtures' consistent reports satisfy them, and CellDef.sums and sumOf are read from them",
    (e) => {
      const meta = buildFormMetadata().editions[e];
      for (const c of constraints(e)) {
        if (!c.total) continue;
        const cell = cellAt(e, c.total);
        expect(cell?.sums?.some((s) => s.rule === c.code && s.of === c.parts)).toBe(true);
        const f = meta.fields[c.total.join(".")];
        expect(
          f?.sumOf?.some((s) => s.rule === c.code && s.of.join() === c.parts?.map((p) => p.join(".")).join()),
        ).toBe(true);
      }
      const r = fixture(e === "2019" ? "seed-2020" : "huaian-2024");
      for (const c of constraints(e)) expect(holds(c, r), c.id).toBe(true);
    },
  );

  it("totalFormulas: one per total cell, each after the totals among its parts", () => {
    for (const e of EDITIONS) {
      const order = totalFormulas(e);
      const seen = new Set<string>();
      const totals = new Set(order.map((c) => c.total?.join(".")));
      for (const c of order) {
        for (const p of c.parts ?? []) if (totals.has(p.join("."))) expect(seen.has(p.join(".")), c.id).toBe(true);
        expect(seen.has(c.total?.join(".") as string)).toBe(false);
        seen.add(c.total?.join(".") as string);
      }
      expect(seen.size).toBe(numericCellsOf(e).filter((c) => c.sums).length);
      expect(freeCells(e).length + seen.size).toBe(numericCellsOf(e).length);
    }
  });
});

describe("reports built from parts", () => {
  const edition = fc.constantFrom<Edition>("2019", "2021");

  it("computeTotals then fillFromParts over random parts: every constraint holds and the report validates", () => {
    fc.assert(
      fc.property(edition, fc.integer(), (e, seed) => {
        const rand = seeded(seed);
        const r = createEmptyReport({ edition: e, year: e === "2019" ? 2020 : 2024 }) as Report;
        for (const c of freeCells(e))
          setAt(r as never, c.path, c.kind === "signedCount" ? 5 - Math.floor(rand() * 10) : Math.floor(rand() * 50));
        const filled = fillFromParts(r);
        for (const c of constraints(e)) expect(holds(c, filled), c.id).toBe(true);
        for (const cell of numericCellsOf(e))
          if (cell.kind === "count") expect(getAt(filled, cell.path) as number).toBeGreaterThanOrEqual(0);
        expect(validateReport(filled).issues.filter((i) => i.severity === "error")).toEqual([]);
        // computeTotals alone makes every sum hold.
        const summed = computeTotals(r);
        for (const c of constraints(e)) if (c.total) expect(holds(c, summed), c.id).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  // Per edition, once: the cells that appear in some constraint, and the constraints naming each.
  const naming = Object.fromEntries(
    EDITIONS.map((e) => {
      const by = new Map<string, Constraint[]>();
      for (const k of constraints(e))
        for (const t of k.terms) by.set(t.path.join("."), [...(by.get(t.path.join(".")) ?? []), k]);
      return [e, { cells: cellsOf(e).filter((c) => by.has(c.id)), by }];
    }),
  ) as unknown as Record<Edition, { cells: ReturnType<typeof cellsOf>; by: Map<string, Constraint[]> }>;

  it("breaking any one cell breaks exactly the constraints that mention it, and validateReport reports exactly those", () => {
    fc.assert(
      fc.property(consistentReport(), fc.nat(), fc.integer({ min: 1, max: 50 }), (r, pick, delta) => {
        const { cells, by } = naming[r.edition];
        const cell = cells[pick % cells.length]!;
        setAt(r as never, cell.path, (getAt(r, cell.path) as number) + delta);
        const mentioning = by.get(cell.id) ?? [];
        const broken = constraints(r.edition).filter((k) => !holds(k, r));
        expect(broken.map((k) => k.id)).toEqual(mentioning.map((k) => k.id));
        const reported = validateReport(r)
          .issues.filter((i) => i.severity === "error")
          .map((i) => i.code)
          .sort();
        expect(reported).toEqual(mentioning.map((k) => k.code).sort());
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("consistentReport is deterministic for a seed and keeps every constraint", () => {
    const a = consistentReportFromSeed("2021", 7);
    expect(consistentReportFromSeed("2021", 7)).toEqual(a);
    expect(consistentReportFromSeed("2021", 8)).not.toEqual(a);
    for (const c of constraints("2021")) expect(holds(c, a), c.id).toBe(true);
  });
});

const consistentReportFromSeed = (e: Edition, seed: number) => coreConsistentReport(e, seeded(seed));

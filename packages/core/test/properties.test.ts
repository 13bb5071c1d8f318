import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsOf, getAt, type Report, setAt, validateReport } from "../src/index.js";
import { consistentReport } from "./arbitraries.js";
import { fixture } from "./helpers.js";

const names = (issue: { path: (string | number)[]; related: (string | number)[][] }) =>
  [issue.path, ...issue.related].map((p) => p.join("."));

describe("validateReport properties", () => {
  it("random consistent reports pass with no issue", () => {
    fc.assert(
      fc.property(consistentReport(), (r) => {
        const result = validateReport(r);
        expect(result.issues).toEqual([]);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("changing any single 表三/表四 count cell yields an error naming that cell", () => {
    fc.assert(
      fc.property(consistentReport(), fc.nat(), fc.integer({ min: 1, max: 1000 }), (r, pick, delta) => {
        const cells = cellsOf(r.edition).filter(
          (c) => c.section === "applications" || c.section === "reviewsAndLawsuits",
        );
        const cell = cells[pick % cells.length]!;
        const before = getAt(r, cell.path) as number;
        const after = before >= delta && pick % 2 ? before - delta : before + delta;
        setAt(r as unknown as Record<string, unknown>, cell.path, after);
        const result = validateReport(r);
        expect(result.ok).toBe(false);
        const errors = result.issues.filter((i) => i.severity === "error");
        expect(
          errors.some((i) => names(i).includes(cell.id)),
          `${cell.id}: ${JSON.stringify(errors)}`,
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("any count cell set to a negative, fractional or string value yields an error at that cell", () => {
    fc.assert(
      fc.property(
        consistentReport(),
        fc.nat(),
        fc.constantFrom<unknown>(-1, 0.5, "12", null, "", true, [], {}),
        (r, pick, bad) => {
          const cells = cellsOf(r.edition).filter((c) => c.kind === "count");
          const cell = cells[pick % cells.length]!;
          setAt(r as unknown as Record<string, unknown>, cell.path, bad);
          const errors = validateReport(r).issues.filter((i) => i.severity === "error");
          expect(errors.some((i) => i.path.join(".") === cell.id)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  const wellFormed = (result: ReturnType<typeof validateReport>) => {
    expect(typeof result.ok).toBe("boolean");
    for (const i of result.issues) {
      expect(Array.isArray(i.path)).toBe(true);
      expect(Array.isArray(i.related)).toBe(true);
      expect(typeof i.code).toBe("string");
      expect(i.message.length).toBeGreaterThan(0);
    }
    if (!result.ok) expect(result.issues.some((i) => i.severity === "error")).toBe(true);
  };

  it("never throws on arbitrary JSON and always returns issues with paths", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        wellFormed(validateReport(v));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("never throws when any part of a real report is replaced by arbitrary JSON", () => {
    const base = fixture("huaian-2024");
    const paths = cellsOf("2021").map((c) => c.path);
    fc.assert(
      fc.property(fc.nat(), fc.nat(5), fc.jsonValue({ maxDepth: 3 }), (pick, depth, v) => {
        const r = structuredClone(base) as unknown as Record<string, unknown>;
        const p = paths[pick % paths.length]!;
        setAt(r, p.slice(0, Math.max(1, p.length - depth)), v);
        wellFormed(validateReport(r));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("handles hostile JSON: __proto__/constructor keys, 1e400, numeric strings, deep nesting", () => {
    const hostile = [
      '{"__proto__": {"edition": "2021"}, "constructor": {"prototype": 1}}',
      '{"edition": "2021", "year": 1e400}',
      '{"edition": "2021", "year": "2024", "agency": {"name": 12}}',
      '{"edition": "NaN", "year": -1e400, "applications": {"received": {"__proto__": 1}}}',
      `${"[".repeat(5000)}${"]".repeat(5000)}`,
      `{"applications": ${'{"a":'.repeat(3000)}1${"}".repeat(3000)}}`,
    ];
    for (const text of hostile) {
      const result = validateReport(JSON.parse(text));
      wellFormed(result);
      expect(result.ok).toBe(false);
    }
    const r = structuredClone(fixture("seed-2020")) as unknown as Record<string, Record<string, unknown>>;
    (r.reviewsAndLawsuits as Record<string, unknown>).administrativeReview = JSON.parse('{"__proto__": {"total": 1}}');
    const issues = validateReport(r).issues.map((i) => `${i.code} ${i.path.join(".")}`);
    expect(issues).toContain("structure.unknown-key reviewsAndLawsuits.administrativeReview.__proto__");
    expect(issues).toContain("structure.missing reviewsAndLawsuits.administrativeReview.total");
    expect(({} as Record<string, unknown>).total).toBeUndefined();
    const inf = validateReport(JSON.parse('{"edition":"2021","year":2024}'.replace("2024", "1e400")));
    expect(inf.issues.find((i) => i.path.join(".") === "year")?.code).toBe("structure.wrong-type");
  });

  it("a report it accepts is returned as the report", () => {
    fc.assert(
      fc.property(consistentReport(), (r: Report) => {
        expect(validateReport(r).report).toBe(r);
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe("validateReport and the zod schema agree on structure", () => {
  it("accepts as a report exactly what reportSchema accepts, under random damage", async () => {
    const { reportSchema } = await import("../src/index.js");
    const base = fixture("seed-2020");
    const damage = fc.constantFrom<unknown>(-1, 0.5, 1e300, "3", null, undefined, {}, [], "", 7);
    fc.assert(
      fc.property(consistentReport(), fc.nat(), damage, fc.boolean(), (r, pick, bad, useFixture) => {
        const target = (useFixture ? structuredClone(base) : r) as unknown as Record<string, unknown>;
        const cells = cellsOf((target as unknown as Report).edition);
        const cell = cells[pick % cells.length]!;
        setAt(target, cell.path.slice(0, 1 + (pick % cell.path.length)), bad);
        const ours = validateReport(target).report !== undefined;
        expect(ours).toBe(reportSchema.safeParse(target).success);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});

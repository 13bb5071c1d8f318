import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeTotals,
  createEmptyReport,
  fillFromParts,
  freeCells,
  getAt,
  numericCellsOf,
  type Report,
  ReportSum,
  setAt,
  sumReports,
  validateReport,
} from "../src/index.js";
import { clone, errorsOf, fixture } from "./helpers.js";

const codes = (issues: { code: string; input?: number }[]) => issues.map((i) => `${i.code}@${i.input ?? "-"}`);
const cell = (r: unknown, id: string) => getAt(r, id.split("."));

describe("sumReports", () => {
  it("sums every numeric cell of two 2024 reports, totals included", () => {
    const huaian = fixture("huaian-2024");
    const hongze = fixture("hongze-2024");
    const result = sumReports([huaian, hongze], { agencyName: "淮安市（汇总）" });
    expect(result.count).toBe(2);
    const report = result.report as Report;
    expect(report).toMatchObject({ edition: "2021", year: 2024, agency: { name: "淮安市（汇总）" } });
    for (const c of numericCellsOf("2021")) {
      const a = getAt(huaian, c.path) as number;
      const b = getAt(hongze, c.path) as number;
      expect(getAt(report, c.path), c.id).toBeCloseTo(a + b, 6);
    }
    // Both inputs are consistent, so the roll-up is too: only the empty narrative is reported.
    expect(errorsOf(result.issues)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(new Set(result.issues.map((i) => i.code))).toEqual(new Set(["text.empty-section"]));
    expect(report.overview).toBe("");
  });

  it("rounds money so that the sum has no float noise", () => {
    const a = createEmptyReport({ edition: "2021", year: 2024, agencyName: "甲" });
    const b = createEmptyReport({ edition: "2021", year: 2024, agencyName: "乙" });
    a.proactiveDisclosure.fees.amountWanYuan = 0.1;
    b.proactiveDisclosure.fees.amountWanYuan = 0.2;
    const r = sumReports([a, b]).report as Report;
    expect(cell(r, "proactiveDisclosure.fees.amountWanYuan")).toBe(0.3);
  });

  it("sums the signed 本年增/减 of the 2019 edition", () => {
    const a = fixture("seed-2020");
    const b = clone(a);
    b.agency.name = "另一机关";
    (b.proactiveDisclosure as { licensing: { change: number } }).licensing.change = -5;
    const r = sumReports([a, b]).report as Report;
    const before = cell(a, "proactiveDisclosure.licensing.change") as number;
    expect(cell(r, "proactiveDisclosure.licensing.change")).toBe(before - 5);
  });

  it("keeps an input's broken total in the sum, so the roll-up shows it, and says which input had errors", () => {
    const hongze2023 = fixture("hongze-2023"); // 表四 总计 left 0
    const other = clone(hongze2023);
    other.agency.name = "另一区";
    other.reviewsAndLawsuits = computeTotals(other).reviewsAndLawsuits;
    const result = sumReports([other, hongze2023]);
    expect(result.ok).toBe(false);
    expect(codes(result.issues.filter((i) => i.input !== undefined))).toEqual(["aggregate.input-has-errors@1"]);
    expect(errorsOf(result.issues)).toEqual([
      "reviews.group-total reviewsAndLawsuits.administrativeReview.total",
      "reviews.group-total reviewsAndLawsuits.lawsuitAfterReview.total",
    ]);
  });

  it("recomputes the roll-up's totals from the summed parts when asked", () => {
    const result = sumReports([fixture("hongze-2023")], { recomputeTotals: true });
    expect(errorsOf(result.issues)).toEqual([]);
    expect(cell(result.report, "reviewsAndLawsuits.administrativeReview.total")).toBe(11);
    // The input's own errors are still reported.
    expect(codes(result.issues.filter((i) => i.input !== undefined))).toEqual(["aggregate.input-has-errors@0"]);
  });

  it("refuses to mix editions and years: the odd inputs are skipped with an error", () => {
    const r2024 = fixture("huaian-2024");
    const r2023 = fixture("hongze-2023");
    const r2020 = fixture("seed-2020");
    const result = sumReports([r2024, r2023, r2020]);
    expect(result.count).toBe(1);
    expect(result.ok).toBe(false);
    expect(codes(result.issues.filter((i) => i.input !== undefined))).toEqual([
      "aggregate.other-year@1",
      "aggregate.other-edition@2",
    ]);
    expect(result.report?.year).toBe(2024);
  });

  it("takes the edition and year from the options when given", () => {
    const result = sumReports([fixture("huaian-2024"), fixture("hongze-2023")], { year: 2023, edition: "2021" });
    expect(result.count).toBe(1);
    expect(result.report?.year).toBe(2023);
    expect(codes(result.issues.filter((i) => i.input !== undefined))).toEqual([
      "aggregate.other-year@0",
      "aggregate.input-has-errors@1",
    ]);
  });

  it("skips inputs that are not reports and flags an agency summed twice", () => {
    const a = fixture("huaian-2024");
    const result = sumReports([{ hello: 1 }, a, "text", a]);
    expect(result.count).toBe(2);
    expect(codes(result.issues.filter((i) => i.input !== undefined))).toEqual([
      "aggregate.not-a-report@0",
      "aggregate.not-a-report@2",
      "aggregate.duplicate-agency@3",
    ]);
    expect(result.issues[0]?.message).toContain("第 1 份输入不是结构完整的年度报告");
  });

  it("returns an issue, not an exception, when nothing can be summed", () => {
    expect(() => sumReports([])).not.toThrow();
    const result = sumReports([null, 42]);
    expect(result.ok).toBe(false);
    expect(result.report).toBeUndefined();
    expect(codes(result.issues)).toEqual(["aggregate.not-a-report@0", "aggregate.not-a-report@1", "aggregate.empty@-"]);
  });

  it("sums consistent reports into a consistent roll-up (property)", () => {
    const counts = fc.array(fc.nat(1000), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 6 }), (seeds) => {
        const reports = seeds.map((vals, i) => {
          const r: Report = createEmptyReport({ edition: "2021", year: 2022, agencyName: `机关${i}` });
          freeCells("2021").forEach((c, k) => {
            setAt(r as unknown as Record<string, unknown>, c.path, vals[k % vals.length]);
          });
          // Totals and the balance 一 + 二 = （七）+ 四 closed from core's constraints.
          return fillFromParts(r);
        });
        for (const r of reports) expect(errorsOf(validateReport(r).issues)).toEqual([]);
        const result = sumReports(reports);
        expect(errorsOf(result.issues)).toEqual([]);
        expect(result.count).toBe(reports.length);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe("ReportSum", () => {
  it("adds one report at a time and reports each input's issues as it goes", () => {
    const sum = new ReportSum({ edition: "2021", year: 2024, agencyName: "汇总" });
    expect(sum.add(fixture("huaian-2024"))).toEqual({ added: true, issues: [] });
    const skipped = sum.add(fixture("seed-2020"));
    expect(skipped.added).toBe(false);
    expect(codes(skipped.issues)).toEqual(["aggregate.other-edition@1"]);
    expect(sum.count).toBe(1);
    const out = sum.result().report as Report;
    expect(cell(out, "applications.received.total")).toBe(cell(fixture("huaian-2024"), "applications.received.total"));
  });
});

import { describe, expect, it } from "vitest";
import { computeTotals, createEmptyReport, editionForYear, type Report2021, validateReport } from "../src/index.js";
import { clone, fixture } from "./helpers.js";

describe("editionForYear", () => {
  it("maps 2019–2020 to the 2019 edition and 2021 on to the 2021 edition", () => {
    expect([2019, 2020, 2021, 2024].map(editionForYear)).toEqual(["2019", "2019", "2021", "2021"]);
  });
});

describe("createEmptyReport", () => {
  it.each(["2019", "2021"] as const)("builds a %s report that validates with only empty-text warnings", (edition) => {
    const r = createEmptyReport({ edition, year: edition === "2019" ? 2020 : 2025, agencyName: "测试局" });
    expect(r.edition).toBe(edition);
    expect(r.agency.name).toBe("测试局");
    const result = validateReport(r);
    expect(result.ok).toBe(true);
    expect(new Set(result.issues.map((i) => i.code))).toEqual(new Set(["text.empty-section"]));
  });

  it("keeps the documented key order", () => {
    expect(Object.keys(createEmptyReport({ year: 2024 }))).toEqual([
      "edition",
      "year",
      "agency",
      "overview",
      "proactiveDisclosure",
      "applications",
      "reviewsAndLawsuits",
      "problemsAndImprovements",
      "otherMatters",
    ]);
  });

  it("has the same keys as a real report of the edition", () => {
    const keysOf = (o: unknown, p = ""): string[] =>
      o && typeof o === "object" ? Object.entries(o).flatMap(([k, v]) => keysOf(v, `${p}.${k}`)) : [p];
    expect(keysOf(createEmptyReport({ edition: "2021", year: 2024 })).sort()).toEqual(
      keysOf(fixture("huaian-2024")).sort(),
    );
    expect(keysOf(createEmptyReport({ edition: "2019", year: 2020 })).sort()).toEqual(
      keysOf(fixture("seed-2020")).sort(),
    );
  });
});

describe("computeTotals", () => {
  it("recomputes every 总计 from its parts and leaves other cells alone", () => {
    const broken = clone(fixture("hongze-2023"));
    const fixed = computeTotals(broken);
    expect(fixed.reviewsAndLawsuits.administrativeReview.total).toBe(11);
    expect(fixed.reviewsAndLawsuits.lawsuitAfterReview.total).toBe(5);
    expect(broken.reviewsAndLawsuits.administrativeReview.total).toBe(0); // input untouched
    expect(validateReport(fixed).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("fills 表三 row and column totals of a report typed without them", () => {
    const r = createEmptyReport({ edition: "2021", year: 2024 }) as Report2021;
    r.applications.received.naturalPerson = 5;
    r.applications.received.business = 2;
    r.applications.outcomes.disclosed.naturalPerson = 4;
    r.applications.outcomes.other.unpaidFees.business = 2;
    r.applications.carriedForward.naturalPerson = 1;
    const t = computeTotals(r);
    expect(t.applications.received.total).toBe(7);
    expect(t.applications.outcomes.total.naturalPerson).toBe(4);
    expect(t.applications.outcomes.total.business).toBe(2);
    expect(t.applications.outcomes.total.total).toBe(6);
    expect(t.applications.carriedForward.total).toBe(1);
    expect(validateReport(t).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("is idempotent on a consistent report", () => {
    const r = fixture("huaian-2024");
    expect(computeTotals(r)).toEqual(r);
  });
});

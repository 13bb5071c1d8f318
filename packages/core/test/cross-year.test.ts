import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  carriedCells,
  cellAt,
  compareReports,
  crossYearConstraints,
  EDITIONS,
  type Edition,
  getAt,
  type Report,
  setAt,
  startFromLastYear,
} from "../src/index.js";
import { consistentReport } from "./arbitraries.js";
import { clone, fixture } from "./helpers.js";

const sides = (c: ReturnType<typeof crossYearConstraints>[number], prev: unknown, cur: unknown) => ({
  left: c.current.reduce((s, t) => s + t.coef * (getAt(cur, t.path) as number), 0),
  right: c.previous.reduce((s, t) => s + t.coef * (getAt(prev, t.path) as number), 0),
});

describe("crossYearConstraints(last, next)", () => {
  it("rule 7 for any two editions; rule 8 only 2019 → 2019, rule 9 only 2021 → 2021", () => {
    const codes = (a: Edition, b: Edition) => [...new Set(crossYearConstraints(a, b).map((c) => c.code))];
    expect(codes("2019", "2021")).toEqual(["years.carried-forward"]);
    expect(codes("2021", "2019")).toEqual(["years.carried-forward"]);
    expect(codes("2019", "2019")).toEqual(["years.carried-forward", "years.project-count"]);
    expect(codes("2021", "2021")).toEqual(["years.carried-forward", "years.in-force"]);
    expect(
      crossYearConstraints("2019", "2019")
        .filter((c) => c.code === "years.project-count")
        .map((c) => c.target[1]),
    ).toEqual(["licensing", "otherServices", "penalties", "coercion", "fees"]);
    const inForce = crossYearConstraints("2021", "2021").filter((c) => c.code === "years.in-force");
    expect(inForce.map((c) => c.id)).toEqual(["years.in-force:rules", "years.in-force:normativeDocuments"]);
    expect(inForce.every((c) => c.approximate)).toBe(true);
    expect(crossYearConstraints("2020" as Edition, "2021")).toEqual([]);
  });

  it("names only cells of the two editions; ids are unique; the target is the first current term", () => {
    for (const a of EDITIONS)
      for (const b of EDITIONS) {
        const list = crossYearConstraints(a, b);
        expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
        for (const c of list) {
          expect(c.current[0]?.path).toEqual(c.target);
          for (const t of c.current) expect(cellAt(b, t.path), `${c.id} ${t.path.join(".")}`).toBeDefined();
          for (const t of c.previous) expect(cellAt(a, t.path), `${c.id} ${t.path.join(".")}`).toBeDefined();
        }
      }
  });

  it("carriedCells is read from it: one carried cell per equation, same target and sources", () => {
    for (const a of EDITIONS)
      for (const b of EDITIONS)
        expect(carriedCells(a, b).map((c) => [c.to, c.from, c.rule.code])).toEqual(
          crossYearConstraints(a, b).map((c) => [c.target, c.previous.map((t) => t.path), c.code]),
        );
  });

  it("a report started from last year's satisfies every equation, and compareReports finds none broken", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EDITIONS),
        fc.constantFrom(...EDITIONS),
        fc.integer({ min: 2010, max: 2090 }),
        (a, b, year) => {
          const prev = fc.sample(consistentReport(a), { numRuns: 1, seed: year })[0] as Report;
          prev.year = b === "2019" ? 2019 : year;
          const started = startFromLastYear(prev, { year: prev.year + 1 });
          if ("error" in started) throw new Error(started.error.message);
          if (started.report.edition !== b) return;
          for (const c of crossYearConstraints(a, b)) {
            const { left, right } = sides(c, prev, started.report);
            expect(left, c.id).toBe(right);
          }
          const years = compareReports(prev, started.report).issues.filter((i) => i.code !== "years.text-overlap");
          expect(years.filter((i) => i.code.startsWith("years.") && i.code !== "years.sequence")).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it("compareReports reports each equation broken at its target, with the rule's severity", () => {
    const prev = fixture("hongze-2023");
    const cur = fixture("hongze-2024");
    for (const c of crossYearConstraints(prev.edition, cur.edition)) {
      const broken = clone(cur);
      setAt(broken as unknown as Record<string, unknown>, c.target, (getAt(cur, c.target) as number) + 1);
      const issue = compareReports(prev, broken).issues.find((i) => i.code === c.code);
      expect(issue?.path, c.id).toEqual(c.target);
      expect(issue?.severity).toBe(c.approximate ? "warning" : "error");
    }
  });

  it("compareReports does not check a cell either year left unread or ambiguous (its 0 is a placeholder)", () => {
    const prev = clone(fixture("hongze-2023"));
    const cur = clone(fixture("hongze-2024"));
    cur.applications.carriedOver.naturalPerson += 7;
    const before = compareReports(prev, cur).issues.filter((i) => i.code === "years.carried-forward");
    expect(before.map((i) => i.path.join("."))).toEqual(["applications.carriedOver.naturalPerson"]);
    cur.provenance = { "applications.carriedOver.naturalPerson": { status: "unread" } };
    expect(compareReports(prev, cur).issues.filter((i) => i.code === "years.carried-forward")).toEqual([]);
    delete cur.provenance;
    prev.provenance = { "applications.carriedForward.naturalPerson": { status: "ambiguous", candidates: [1, 2] } };
    expect(compareReports(prev, cur).issues.filter((i) => i.code === "years.carried-forward")).toEqual([]);
  });
});

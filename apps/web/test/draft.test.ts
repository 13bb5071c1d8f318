import { getAt, sharedCells, validateReport } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import {
  cellsLostBySwitch,
  newDraft,
  restoreDraft,
  setManualTotals,
  setValue,
  setValues,
  switchEdition,
  totalsThatDiffer,
} from "../src/model/draft.js";

const received = (col: string) => ["applications", "received", col];

describe("the draft", () => {
  it("computes every 总计 from its parts unless totals are typed by hand", () => {
    let d = newDraft(2024);
    d = setValues(d, [
      { path: received("naturalPerson"), value: 3 },
      { path: received("business"), value: 4 },
      { path: ["applications", "outcomes", "disclosed", "naturalPerson"], value: 2 },
      { path: ["reviewsAndLawsuits", "lawsuitAfterReview", "pending"], value: 5 },
    ]);
    expect(getAt(d.report, received("total"))).toBe(7);
    expect(getAt(d.report, ["applications", "outcomes", "total", "naturalPerson"])).toBe(2);
    expect(getAt(d.report, ["applications", "outcomes", "total", "total"])).toBe(2);
    expect(getAt(d.report, ["reviewsAndLawsuits", "lawsuitAfterReview", "total"])).toBe(5);
    expect(d.dirty).toBe(true);

    d = setManualTotals(d, true);
    d = setValue(d, received("total"), 9);
    expect(getAt(d.report, received("total"))).toBe(9);
    expect(totalsThatDiffer(d.report)).toEqual([received("total")]);
    expect(validateReport(d.report).issues.map((i) => i.code)).toContain("applications.row-total");
    d = setManualTotals(d, false);
    expect(getAt(d.report, received("total"))).toBe(7);
  });

  it("blank cells are null and count as 0 in the computed totals", () => {
    const d = setValues(newDraft(2024), [
      { path: received("naturalPerson"), value: null },
      { path: received("business"), value: 4 },
    ]);
    expect(getAt(d.report, received("naturalPerson"))).toBeNull();
    expect(getAt(d.report, received("total"))).toBe(4);
    const issue = validateReport(d.report).issues.find(
      (i) => i.path.join(".") === "applications.received.naturalPerson",
    );
    expect(issue?.severity).toBe("error");
  });
});

describe("the draft across editions and storage", () => {
  it("switching edition keeps every shared cell and drops the rest", () => {
    let d = newDraft(2024, "2021");
    d = setValues(d, [
      { path: ["agency", "name"], value: "某县人民政府" },
      { path: ["overview"], value: "总体情况" },
      { path: received("research"), value: 2 },
      { path: ["applications", "outcomes", "withheld", "stateSecret", "business"], value: 1 },
      { path: ["reviewsAndLawsuits", "administrativeReview", "upheld"], value: 3 },
      { path: ["proactiveDisclosure", "rules", "issued"], value: 4 },
      { path: ["applications", "outcomes", "other", "unpaidFees", "naturalPerson"], value: 6 },
    ]);
    expect(cellsLostBySwitch(d, "2019").sort()).toEqual([
      "applications.outcomes.other.unpaidFees.naturalPerson",
      "proactiveDisclosure.rules.issued",
    ]);
    expect(cellsLostBySwitch(d, "2021")).toEqual([]);
    const s = switchEdition(d, "2019");
    expect(s.report.edition).toBe("2019");
    expect(s.report.year).toBe(2024);
    // Typed cells are kept; computed totals follow their parts (（六） is gone, so （七）总计 drops by 6).
    for (const c of sharedCells()) if (!c.sums) expect(getAt(s.report, c.path)).toEqual(getAt(d.report, c.path));
    expect(getAt(s.report, ["applications", "outcomes", "total", "naturalPerson"])).toBe(0);
    expect(getAt(s.report, ["applications", "outcomes", "total", "business"])).toBe(1);
    // With totals typed by hand, the printed totals stay as they were.
    const manual = switchEdition(setManualTotals(d, true), "2019");
    for (const c of sharedCells()) expect(getAt(manual.report, c.path)).toEqual(getAt(d.report, c.path));
    expect(getAt(s.report, ["proactiveDisclosure", "rules", "newlyMade"])).toBe(0);
    expect(getAt(s.report, ["applications", "outcomes", "other", "naturalPerson"])).toBe(0);
    expect(getAt(s.report, ["agency", "name"])).toBe("某县人民政府");
    // Structurally a 2019 report (the figures typed above do not balance, which is another matter).
    const result = validateReport(s.report);
    expect(result.report).toBeDefined();
    expect(result.issues.filter((i) => i.code.startsWith("structure."))).toEqual([]);
  });

  it("a stored draft is rebuilt on its edition's shape; junk is refused", () => {
    const d = setValue(newDraft(2024), received("business"), 4);
    const back = restoreDraft(JSON.parse(JSON.stringify(d)));
    expect(back).toEqual(d);
    expect(restoreDraft(null)).toBeUndefined();
    expect(restoreDraft({ report: { edition: "2030" } })).toBeUndefined();
    const odd = restoreDraft({
      report: { edition: "2019", year: "x", extra: 1, applications: { received: { total: "9" } } },
    });
    expect(odd?.report.year).toBeNull();
    expect(odd?.report.extra).toBeUndefined();
    expect(getAt(odd?.report, received("total"))).toBeNull();
    expect(getAt(odd?.report, received("business"))).toBeNull();
  });
});

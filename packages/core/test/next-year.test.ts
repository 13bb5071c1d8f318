import { describe, expect, it } from "vitest";
import {
  APPLICANT_COLUMNS,
  carriedCells,
  compareYears,
  getAt,
  type NextYearStart,
  type Report,
  startFromLastYear,
  validateReport,
} from "../src/lite.js";
import { clone, fixture } from "./helpers.js";

const started = (previous: unknown): NextYearStart => {
  const result = startFromLastYear(previous);
  if ("error" in result) throw new Error(result.error.message);
  return result;
};

const crossYear = (last: Report, next: Report) =>
  compareYears(last, next).issues.filter((i) => i.code.startsWith("years.") && i.code !== "years.text-overlap");

describe("startFromLastYear", () => {
  it("2021 → 2022: year + 1, agency, 上年结转 and 现行有效件数 carried; rules 7–9 hold", () => {
    const last = fixture("hongze-2023");
    const { report, carried, blanks } = started(last);
    expect(report.year).toBe(2024);
    expect(report.edition).toBe("2021");
    expect(report.agency.name).toBe(last.agency.name);
    expect(getAt(report, ["applications", "carriedOver"])).toEqual(last.applications.carriedForward);
    expect(getAt(report, ["proactiveDisclosure", "normativeDocuments", "inForce"])).toBe(
      getAt(last, ["proactiveDisclosure", "normativeDocuments", "inForce"]),
    );
    expect(carried).toHaveLength(APPLICANT_COLUMNS.length + 2);
    expect(blanks).toEqual([]);
    expect(getAt(report, ["provenance"])).toBeUndefined();
    expect(crossYear(last, report)).toEqual([]);
    expect(validateReport(report).report).toBeDefined();
  });

  it("2019 → 2020: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减 (rule 8)", () => {
    const last = { ...fixture("seed-2020"), year: 2019, agency: { name: "某县人民政府" } } as Report;
    const { report, carried } = started(last);
    expect(report.edition).toBe("2019");
    expect(report.year).toBe(2020);
    const p = getAt(last, ["proactiveDisclosure", "licensing"]) as { previousCount: number; change: number };
    expect(p.change).not.toBe(0);
    expect(getAt(report, ["proactiveDisclosure", "licensing", "previousCount"])).toBe(p.previousCount + p.change);
    expect(carried).toContain("proactiveDisclosure.licensing.previousCount");
    expect(crossYear(last, report)).toEqual([]);
  });

  it("2020 → 2021 changes edition: only 上年结转 carries", () => {
    expect(carriedCells("2019", "2021").map((c) => c.rule.code)).toEqual(
      Array(APPLICANT_COLUMNS.length).fill("years.carried-forward"),
    );
    const last = fixture("seed-2020");
    const { report, carried } = started(last);
    expect(report.edition).toBe("2021");
    expect(carried.every((id) => id.startsWith("applications.carriedOver."))).toBe(true);
    expect(getAt(report, ["applications", "carriedOver"])).toEqual(last.applications.carriedForward);
  });

  it("a figure last year's document left unread or ambiguous starts blank, marked unread, not guessed", () => {
    const last = clone(fixture("hongze-2023")) as Report & { provenance?: unknown };
    last.provenance = {
      "applications.carriedForward.business": { status: "unread" },
      "proactiveDisclosure.rules.inForce": { status: "ambiguous", candidates: [3, 8] },
      "applications.carriedForward.total": { status: "printed" },
    };
    const { report, blanks, carried } = started(last);
    expect(blanks).toEqual(["applications.carriedOver.business", "proactiveDisclosure.rules.inForce"]);
    expect(carried).not.toContain("applications.carriedOver.business");
    expect(carried).toContain("applications.carriedOver.total");
    expect(getAt(report, ["applications", "carriedOver", "business"])).toBe(0);
    expect(getAt(report, ["provenance", "applications.carriedOver.business", "status"])).toBe("unread");
    const codes = validateReport(report)
      .issues.filter((i) => i.code === "cell.unread")
      .map((i) => i.path.join("."));
    expect(codes).toEqual(expect.arrayContaining(blanks));
  });

  it("a figure that is not a number last year starts blank too", () => {
    const last = clone(fixture("hongze-2023")) as unknown as { applications: { carriedForward: { total: unknown } } };
    last.applications.carriedForward.total = "12";
    expect(started(last).blanks).toEqual(["applications.carriedOver.total"]);
  });

  it("copies the body that signed last year, never last year's date; leaves last year's report as it was", () => {
    const last = { ...clone(fixture("hongze-2023")), signature: { agency: "某区人民政府办公室", date: "2024-01-20" } };
    const before = clone(last);
    const result = started(last);
    expect(result.signer).toBe("某区人民政府办公室");
    expect(getAt(result.report, ["signature"])).toBeUndefined();
    expect(last).toEqual(before);
    expect(started(fixture("hongze-2023")).signer).toBeUndefined();
  });

  it("takes the year from the options", () => {
    expect(started(fixture("hongze-2023")).report.year).toBe(2024);
    const result = startFromLastYear(fixture("hongze-2023"), { year: 2025 });
    expect("report" in result && result.report.year).toBe(2025);
  });

  it("refuses what is no report, never throwing", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        has() {
          throw new Error("boom");
        },
      },
    );
    const inputs: unknown[] = [
      null,
      undefined,
      42,
      "report",
      [],
      {},
      { edition: "2030", year: 2023 },
      { edition: "2021" },
      { edition: "2021", year: "2023" },
      { edition: "2021", year: Number.POSITIVE_INFINITY },
      { edition: "2021", year: 2023.5 },
      hostile,
    ];
    for (const [n, input] of inputs.entries()) {
      const result = startFromLastYear(input);
      expect("error" in result, `input ${n}`).toBe(true);
      if ("error" in result) expect(result.error.message).toMatch(/上年报告/);
    }
    expect("error" in startFromLastYear(fixture("hongze-2023"), { year: Number.NaN })).toBe(true);
  });

  it("a report with parts missing still starts: what is missing is blank", () => {
    const result = started({ edition: "2021", year: 2023, agency: { name: "某县人民政府" } });
    expect(result.report.agency.name).toBe("某县人民政府");
    expect(result.carried).toEqual([]);
    expect(result.blanks).toHaveLength(APPLICANT_COLUMNS.length + 2);
  });
});

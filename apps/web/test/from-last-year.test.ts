import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareYears, getAt, type Report, validateReport } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { carriedCells, startFromLastYear } from "../src/model/from-last-year.js";

const fixture = (n: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "..", "fixtures", n), "utf8")) as Report;

describe("a report started from last year's", () => {
  it("2021 → 2021: year + 1, agency, 上年结转 and 现行有效件数 carried; the cross-year checks hold", () => {
    const last = fixture("hongze-2023.expected.json");
    const { report, carried, blank } = startFromLastYear(last);
    expect(report.year).toBe(2024);
    expect(getAt(report, ["agency", "name"])).toBe(last.agency.name);
    expect(getAt(report, ["applications", "carriedOver"])).toEqual(last.applications.carriedForward);
    expect(carried).toBe(7 + 2);
    expect(blank).toEqual([]);
    expect(validateReport(report).report).toBeDefined();
    expect(compareYears(last, report).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("2019 → 2019: 上一年项目数量 = last year's + 本年增/减 (rule 8)", () => {
    const last = { ...fixture("seed-2020.expected.json"), year: 2019 } as Report;
    const { report } = startFromLastYear(last);
    expect(report.edition).toBe("2019");
    const p = getAt(last, ["proactiveDisclosure", "licensing"]) as { previousCount: number; change: number };
    expect(getAt(report, ["proactiveDisclosure", "licensing", "previousCount"])).toBe(p.previousCount + p.change);
    expect(compareYears(last, report).issues.filter((i) => i.code === "years.project-count")).toEqual([]);
  });

  it("2020 → 2021 changes edition: only 上年结转 carries", () => {
    expect(carriedCells("2019", "2021").map((c) => c.to[1])).toEqual(Array(7).fill("carriedOver"));
    expect(startFromLastYear(fixture("seed-2020.expected.json")).report.edition).toBe("2021");
  });

  it("a figure last year's document left unread is not carried as a guess: the cell starts blank", () => {
    const last = fixture("hongze-2023.expected.json") as Report & { provenance?: unknown };
    last.provenance = { "applications.carriedForward.business": { status: "unread" } };
    const { report, blank } = startFromLastYear(last);
    expect(blank).toEqual(["applications.carriedOver.business"]);
    expect(getAt(report, ["applications", "carriedOver", "business"])).toBeNull();
  });
});

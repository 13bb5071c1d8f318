import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareYears, getAt, type Report } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../src/i18n.js";
import type { DraftReport } from "../src/model/draft.js";
import { startedFrom } from "../src/store/opening.js";

const fixture = (n: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "..", "fixtures", n), "utf8")) as Report;

const start = (report: unknown, lang: "zh" | "en" = "zh") =>
  startedFrom({ report: report as DraftReport, name: "上年.json" }, MESSAGES[lang], lang);

const draftOf = (report: unknown) => {
  const s = start(report);
  if (!("report" in s)) throw new Error(s.notice.text);
  return s;
};

describe("the form's draft started from last year's report", () => {
  it("2021: year + 1, agency, 上年结转 and 现行有效件数 carried; the notice counts them", () => {
    const last = fixture("hongze-2023.expected.json");
    const { report, notice } = draftOf(last);
    expect(report.year).toBe(2024);
    expect(getAt(report, ["agency", "name"])).toBe(last.agency.name);
    expect(getAt(report, ["applications", "carriedOver"])).toEqual(last.applications.carriedForward);
    expect(notice).toEqual({ kind: "info", text: MESSAGES.zh.started(2024, 7 + 2) });
    expect(compareYears(last, report as unknown as Report).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("2019: 上一年项目数量 = last year's + 本年增/减 (rule 8)", () => {
    const last = { ...fixture("seed-2020.expected.json"), year: 2019 } as Report;
    const { report } = draftOf(last);
    const p = getAt(last, ["proactiveDisclosure", "licensing"]) as { previousCount: number; change: number };
    expect(getAt(report, ["proactiveDisclosure", "licensing", "previousCount"])).toBe(p.previousCount + p.change);
  });

  it("a figure last year's document left unread starts blank (null) in the form, not as core's placeholder", () => {
    const last = fixture("hongze-2023.expected.json") as Report & { provenance?: unknown };
    last.provenance = { "applications.carriedForward.business": { status: "unread" } };
    const { report, notice } = draftOf(last);
    expect(getAt(report, ["applications", "carriedOver", "business"])).toBeNull();
    expect(getAt(report, ["provenance"])).toBeUndefined();
    expect(notice.text).toBe(MESSAGES.zh.started(2024, 7 + 2 - 1) + MESSAGES.zh.startedBlank(1));
  });

  it("keeps the body that signed last year for the new 落款, with the date to be typed", () => {
    const last = {
      ...fixture("hongze-2023.expected.json"),
      signature: { agency: "某区人民政府办公室", date: "2024-01-20" },
    };
    expect(getAt(draftOf(last).report, ["signature"])).toEqual({ agency: "某区人民政府办公室", date: "" });
  });

  it("a file that is no report gives an error notice in the UI language, no draft", () => {
    const zh = start({ edition: "1999" });
    expect("report" in zh).toBe(false);
    expect(zh.notice.kind).toBe("error");
    expect(zh.notice.text).toContain("上年.json");
    expect(start({ edition: "1999" }, "en").notice.text).toMatch(/^Cannot load last year's report/);
  });
});

/** 表四 not printed, its section saying no case arose: fifteen 0s inferred from the sentence, and said. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { CORPUS } from "./helpers.js";

const pipe = readFileSync(join(CORPUS, "huaian-2024.pipe.txt"), "utf8");
const HEADING = "四、政府信息公开行政复议、行政诉讼情况";

/** The document with 表四's section holding `text` instead of the table. */
function withSection(text: string) {
  const start = pipe.indexOf(HEADING);
  const end = pipe.indexOf("五、", start);
  expect(start).toBeGreaterThan(0);
  const r = parseText(`${pipe.slice(0, start)}${HEADING}\n\n${text}\n\n${pipe.slice(end)}`);
  const statuses = Object.entries(r.report.provenance ?? {})
    .filter(([k]) => k.startsWith("reviewsAndLawsuits."))
    .map(([, p]) => p);
  return { r, statuses, codes: r.diagnostics.map((d) => d.code) };
}

describe("表四 stated as none", () => {
  for (const text of ["本年度未发生政府信息公开行政复议、行政诉讼案件。", "无。"])
    it(`reads "${text}" as fifteen 0s inferred from the text, with a warning`, () => {
      const { r, statuses, codes } = withSection(text);
      expect(statuses).toHaveLength(15);
      for (const p of statuses) expect(p).toEqual({ status: "inferred", by: "text.no-cases" });
      expect(codes).toContain("table.stated-none");
      expect(codes).not.toContain("row.missing");
      expect(r.report.reviewsAndLawsuits.administrativeReview.total).toBe(0);
      expect(r.diagnostics.find((d) => d.code === "table.stated-none")?.severity).toBe("warning");
    });

  it("never infers the 0s when the sentence states a figure", () => {
    const { statuses, codes } = withSection("本年度未发生行政诉讼案件，行政复议1件。");
    expect(statuses.some((p) => p?.by === "text.no-cases")).toBe(false);
    expect(statuses.some((p) => p?.status === "printed" || p?.status === "blank")).toBe(false);
    expect(codes).not.toContain("table.stated-none");
  });

  it("leaves the cells unread when the section points elsewhere", () => {
    const { statuses } = withSection("详见附表。");
    expect(new Set(statuses.map((p) => p?.status))).toEqual(new Set(["unread"]));
  });
});

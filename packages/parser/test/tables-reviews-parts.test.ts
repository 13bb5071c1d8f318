/** Table 四 printed in two parts: 行政复议 and 行政诉讼 each a table under its own caption. */
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";

const REPORT = (t4: string) =>
  [
    "某某县人民政府2024年政府信息公开工作年度报告",
    "一、总体情况",
    "本年度，我县依法公开政府信息。",
    "四、政府信息公开行政复议、行政诉讼情况",
    t4,
    "五、存在的主要问题及改进情况",
    "无。",
    "六、其他需要报告的事项",
    "无。",
  ].join("\n");

const PARTS = [
  "（一）行政复议情况",
  "行政复议",
  "结果维持   结果纠正   其他结果   尚未审结   总计",
  "7   2   1   0   10",
  "（二）行政诉讼情况",
  "行政诉讼",
  "未经复议直接起诉   复议后起诉",
  "结果维持   结果纠正   其他结果   尚未审结   总计   结果维持   结果纠正   其他结果   尚未审结   总计",
  "3   1   0   2   6   1   0   0   1   2",
].join("\n");

describe("table 四 in two parts", () => {
  it("reads the second part's figures past its caption and header", () => {
    const r = parseText(REPORT(PARTS));
    const t4 = r.report.reviewsAndLawsuits;
    expect(t4.administrativeReview).toEqual({ upheld: 7, corrected: 2, other: 1, pending: 0, total: 10 });
    expect(t4.lawsuitWithoutReview).toEqual({ upheld: 3, corrected: 1, other: 0, pending: 2, total: 6 });
    expect(t4.lawsuitAfterReview).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    const statuses = Object.entries(r.report.provenance ?? {})
      .filter(([k]) => k.startsWith("reviewsAndLawsuits."))
      .map(([, p]) => p?.status);
    expect(new Set(statuses)).toEqual(new Set(["printed"]));
  });

  it("still stops at words that are no part of the table", () => {
    const r = parseText(
      REPORT(PARTS.replace("（二）行政诉讼情况", "本年度共发生行政诉讼案件若干起，详见下表所列各项")),
    );
    const statuses = Object.entries(r.report.provenance ?? {})
      .filter(([k]) => k.startsWith("reviewsAndLawsuits.lawsuit"))
      .map(([, p]) => p?.status);
    expect(statuses.every((s) => s === "printed")).toBe(false);
  });
});

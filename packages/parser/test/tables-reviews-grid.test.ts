/** Table 四 under a converter's generic header: columns from the grid, the table from its heading. */
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";

const header = `| 类别 | ${Array.from({ length: 15 }, (_, i) => `数据${i + 1}`).join(" | ")} |`;
const rule = `| ${Array.from({ length: 16 }, () => "---").join(" | ")} |`;

describe("table 四 in a generic grid", () => {
  it("reads the row by the header's cells, blanks kept in their columns", () => {
    const text = [
      "四、政府信息公开行政复议、行政诉讼情况",
      header,
      rule,
      // The data row has no label cell: one cell fewer in front than the header.
      "|  | 2 | 1 |  | 3 | 4 |  |  | 1 | 5 |  |  |  |  |  |",
      "五、存在的主要问题及改进情况",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.reviewsAndLawsuits.administrativeReview).toEqual({
      upheld: 0,
      corrected: 2,
      other: 1,
      pending: 0,
      total: 3,
    });
    expect(r.report.reviewsAndLawsuits.lawsuitWithoutReview).toEqual({
      upheld: 4,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 5,
    });
    expect(r.report.provenance?.["reviewsAndLawsuits.administrativeReview.upheld"]).toEqual({ status: "blank" });
    expect(r.report.provenance?.["reviewsAndLawsuits.lawsuitAfterReview.total"]).toEqual({ status: "blank" });
    expect(r.diagnostics.some((d) => d.code === "table.missing" && d.path?.[0] === "reviewsAndLawsuits")).toBe(false);
  });

  it("a row one cell off its header either way, both adding up, is ambiguous, not guessed", () => {
    const leaves = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计";
    const text = [
      "四、政府信息公开行政复议、行政诉讼情况",
      "| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |",
      `| ${leaves} | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |`,
      `|  |  |  |  |  | ${leaves} | ${leaves} |`,
      // 0 | 0 | 7 | blank | 7 in the last group: read one cell over, 0 | 0 | 0 | 7 | 7 adds up too.
      "|  | 0 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  | 0 | 7 |  | 7 |",
      "五、存在的主要问题及改进情况",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    const prov = r.report.provenance ?? {};
    expect(prov["reviewsAndLawsuits.lawsuitAfterReview.other"]).toEqual({ status: "ambiguous", candidates: [0, 7] });
    expect(prov["reviewsAndLawsuits.lawsuitAfterReview.pending"]).toEqual({ status: "ambiguous", candidates: [0, 7] });
    expect(r.report.reviewsAndLawsuits.lawsuitAfterReview.total).toBe(7);
    expect(r.diagnostics.some((d) => d.code === "split.ambiguous")).toBe(true);
  });
});

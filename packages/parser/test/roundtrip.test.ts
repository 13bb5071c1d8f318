import { describe, expect, it } from "vitest";
import { FORMS, generate, roundTrip } from "../scripts/roundtrip.js";
import { parseText } from "../src/index.js";

describe("round trip over generated figures", () => {
  const reports = generate(16, 20261201);

  it("generates reports that keep every invariant, from all four fixtures", () => {
    expect(reports.map((r) => r.edition)).toContain("2019");
    expect(reports.map((r) => r.edition)).toContain("2021");
  });

  it("reads back every cell of the HTML page, plain text, Markdown and Word renderings", async () => {
    const results = await roundTrip(reports, ["html", "text", "markdown", "docx"]);
    for (const r of results)
      expect({ form: r.form, index: r.index, right: r.right }).toEqual({
        form: r.form,
        index: r.index,
        right: r.total,
      });
  });

  it("never reads a cell of scraped text wrong without a diagnostic at its row", async () => {
    const results = await roundTrip(reports, ["scraped"]);
    expect(results.flatMap((r) => r.silent.map((m) => `#${r.index} ${m}`))).toEqual([]);
    const right = results.reduce((a, r) => a + r.right, 0);
    const total = results.reduce((a, r) => a + r.total, 0);
    // Table 二 has no totals to split its runs by; 三 and 四 are mostly decided by their totals.
    expect(right / total).toBeGreaterThan(0.95);
  });

  it("lists the forms it can produce", () => {
    expect(FORMS).toEqual(expect.arrayContaining(["html", "scraped", "pdf", "pdftotext"]));
  });
});

describe("run-together figures with a minus sign", () => {
  const edition2019 = (row: string) =>
    `2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量${row}\n`;

  it("gives a dash glued between digits both readings: a blank cell, or a negative change", async () => {
    const { report, diagnostics } = await parseText(edition2019("行政许可7-129其他对外管理服务事项000"));
    const d = diagnostics.find(
      (x) => x.code === "split.ambiguous" && x.path?.join(".") === "proactiveDisclosure.licensing",
    );
    expect(d?.candidates).toEqual(
      expect.arrayContaining([
        [7, 0, 129],
        [7, -12, 9],
        [7, -1, 29],
      ]),
    );
    expect(report.proactiveDisclosure).toMatchObject({ otherServices: { previousCount: 0, change: 0, decisions: 0 } });
  });

  it("keeps a spaced dash a blank cell", async () => {
    const { report, diagnostics } = await parseText(edition2019("行政许可 7 - 129 其他对外管理服务事项 0 0 0"));
    expect(report.proactiveDisclosure).toMatchObject({ licensing: { previousCount: 7, change: 0, decisions: 129 } });
    expect(diagnostics.some((x) => x.code === "split.ambiguous")).toBe(false);
  });
});

/** Provenance, evidence, signature and site chrome: the reading pipeline's own guarantees. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { proactiveStatements } from "../src/evidence/facts.js";
import { parseText } from "../src/index.js";
import { isoDate } from "../src/signature.js";
import { orderedPlacements } from "../src/tables/common.js";
import { FIXTURES } from "./helpers.js";

const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");

describe("provenance", () => {
  it("a document without table 三 has every 表三 cell unread, an error in validation, confidence ≤ 0.5", () => {
    const cut = seed.slice(0, seed.indexOf("三、收到和处理政府信息公开申请情况"));
    const r = parseText(cut);
    const p = r.report.provenance ?? {};
    expect(p["applications.received.total"]?.status).toBe("unread");
    expect(r.report.applications.received.total).toBe(0);
    expect(r.confidence).toBeLessThanOrEqual(0.5);
    const issues = validateReport(r.report).issues.filter((i) => i.code === "cell.unread");
    expect(issues.length).toBeGreaterThan(0);
  });

  it("every numeric cell of a fully printed report is printed or blank, confidence 1", () => {
    const r = parseText(seed);
    const statuses = new Set(Object.values(r.report.provenance ?? {}).map((p) => p?.status));
    expect([...statuses].every((s) => s === "printed" || s === "blank")).toBe(true);
    expect(r.confidence).toBe(1);
  });

  const runTogether = seed.replace("规范性文件 0 0 0", "规范性文件1234");
  const cell = (k: string) => `proactiveDisclosure.normativeDocuments.${k}`;

  it("run-together 表二 figures the text does not settle stay ambiguous with candidates", () => {
    const r = parseText(runTogether);
    const p = r.report.provenance ?? {};
    expect(p[cell("newlyMade")]).toEqual({ status: "ambiguous", candidates: [1, 12] });
    expect(r.report.proactiveDisclosure.normativeDocuments).toMatchObject({ newlyMade: 0 });
    expect(r.diagnostics.some((d) => d.code === "split.ambiguous" && d.candidates?.length === 3)).toBe(true);
  });

  it("…and the figure the report's own text states decides them", () => {
    const r = parseText(runTogether.replace("一、总体情况 \n", "一、总体情况 \n本年新制作规范性文件12件。 \n"));
    expect(r.report.proactiveDisclosure.normativeDocuments).toMatchObject({
      newlyMade: 12,
      newlyPublished: 3,
      totalPublished: 4,
    });
    expect(r.report.provenance?.[cell("newlyMade")]).toEqual({ status: "inferred", by: "text.quoted" });
  });
});

describe("evidence from the text", () => {
  it("reads 表二 figures stated in a sentence by row and column words", () => {
    const facts = proactiveStatements("2021", "本年度制发行政规范性文件45件，废止21件，现行有效380件。");
    const got = facts.map((f) => [f.terms[0]?.path.join("."), f.value]);
    expect(got).toEqual([
      ["proactiveDisclosure.normativeDocuments.issued", 45],
      ["proactiveDisclosure.normativeDocuments.repealed", 21],
      ["proactiveDisclosure.normativeDocuments.inForce", 380],
    ]);
  });

  it("a sentence that names no row gives no fact", () => {
    expect(proactiveStatements("2021", "本年度共受理申请45件。")).toEqual([]);
  });
});

describe("placements in order", () => {
  it("lists every order-keeping placement that passes the check", () => {
    expect(orderedPlacements([5, 5], 3, () => true)).toEqual([
      [5, 5, 0],
      [5, 0, 5],
      [0, 5, 5],
    ]);
    expect(
      orderedPlacements([2, 3, 5], 4, (r) => (r[0] as number) + (r[1] as number) + (r[2] as number) === r[3]),
    ).toEqual([
      [2, 3, 0, 5],
      [2, 0, 3, 5],
      [0, 2, 3, 5],
    ]);
  });
});

describe("signature and site chrome", () => {
  it("dates in Arabic and Chinese numerals", () => {
    expect(isoDate("2025年1月20日")).toBe("2025-01-20");
    expect(isoDate("二〇二五年一月二十日")).toBe("2025-01-20");
    expect(isoDate("2025年13月1日")).toBeUndefined();
  });

  it("the signature goes to report.signature, not into 六; chrome after it is dropped", () => {
    const tail =
      "\n淮安市人民政府办公室\n2025年1月20日\n附件下载：\n扫一扫在手机上查看当前页面\n打印本页 关闭窗口\n版权所有：某某门户网站\n苏ICP备12345678号\n";
    const r = parseText(seed.trimEnd() + tail);
    expect(r.report.signature).toEqual({ agency: "淮安市人民政府办公室", date: "2025-01-20" });
    for (const w of ["淮安市人民政府办公室", "附件下载", "打印本页", "版权所有", "ICP备"])
      expect(r.report.otherMatters).not.toContain(w);
  });
});

describe("the 2019 single （六） row in a 2021 report", () => {
  it("where the row is not 0, the two other sub-rows are unread and the diagnostic says the split is unknown", async () => {
    const { readFileSync: read } = await import("node:fs");
    const { CORPUS } = await import("./helpers.js");
    const text = read(join(CORPUS, "hongze-2023.layout.txt"), "utf8");
    // The single row of the layout text, given a figure in its 自然人 and 总计 columns.
    const line = text.split("\n").find((l) => /（六）其他处理(\s+0){7}\s*$/.test(l));
    expect(line).toBeDefined();
    const r = parseText(
      text.replace(line as string, (line as string).replace(/((\s+0){7})\s*$/, "  3  0  0  0  0  0  3")),
    );
    const d = r.diagnostics.find((x) => x.code === "row.single-other");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("0 仅为占位");
    const p = r.report.provenance ?? {};
    expect(p["applications.outcomes.other.unpaidFees.naturalPerson"]?.status).toBe("unread");
    expect(p["applications.outcomes.other.unpaidFees.business"]).toEqual({
      status: "inferred",
      by: "row.single-other",
    });
    expect(p["applications.outcomes.other.otherReasons.naturalPerson"]).toEqual({
      status: "inferred",
      by: "row.single-other",
    });
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { matchLabel, OUTCOME_ITEMS, RADICAL_TO_IDEOGRAPH } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { score } from "../scripts/eval.js";
import { splitRuns } from "../src/digits.js";

/** A test's own check of run-together splits: the last figure is the sum of the others. */
const lastIsSum = (v: readonly number[]) => v.slice(0, -1).reduce((a, b) => a + b, 0) === v[v.length - 1];

import { isPageFurniture } from "../src/doc.js";
import { labelKey, normalizeChars, parseReport, parseText } from "../src/index.js";
import { tokenize } from "../src/tokens.js";
import { CORPUS, expected, FIXTURES, PDF_STEMS } from "./helpers.js";

describe("normalization", () => {
  it("maps every Kangxi radical and the simplified supplement radicals to ideographs", () => {
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) expect(RADICAL_TO_IDEOGRAPH.has(cp), cp.toString(16)).toBe(true);
    expect(normalizeChars("部⻔⻓期⻅⼈⽂")).toBe("部门长期见人文");
    expect(normalizeChars("１２３＋４")).toBe("123+4");
  });

  it("compares labels without spaces, markers and punctuation; garbles are core's label variants", () => {
    expect(labelKey("1、属于 国家秘密")).toBe(labelKey("1.属于国家秘密"));
    const row = OUTCOME_ITEMS.withheld.find((r) => r.key === "prohibitedByLaw");
    expect(matchLabel("2.其他法律行政止公开", OUTCOME_ITEMS.withheld)?.label).toBe(row);
  });

  it("tells figures from item markers, words and page numbers", () => {
    const kinds = (s: string) => tokenize(s, 0).map((t) => `${t.kind}:${t.text}`);
    expect(kinds("00000002.其他")).toEqual(["num:0000000", "text:2.其他"]);
    expect(kinds("保留4位小数 2023 年 第1项")).toEqual(["text:保留4位小数 2023 年 第1项"]);
    expect(kinds("行政许可 22 +3 2")).toEqual(["text:行政许可", "num:22", "num:+3", "num:2"]);
    expect(kinds("251000元 7730.28")).toEqual(["num:251000元", "num:7730.28"]);
    expect(isPageFurniture("- 3 -")).toBe(true);
    expect(isPageFurniture("第 2 页 共 5 页")).toBe(true);
    expect(isPageFurniture("0 0 0")).toBe(false);
  });
});

describe("figures run together", () => {
  it("splits a row by its total and lists every candidate when several fit", () => {
    expect(splitRuns([{ value: 0, digits: "640020470" }], 7, lastIsSum).candidates).toEqual([[64, 0, 0, 2, 0, 4, 70]]);
    expect(splitRuns([{ value: 0, digits: "14061611956" }], 7, lastIsSum).candidates).toEqual([
      [14, 0, 6, 16, 1, 19, 56],
      [14, 0, 6, 16, 11, 9, 56],
    ]);
  });

  it("reads a scraped table 三 row and reports an ambiguous one with its candidates", () => {
    const head =
      "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人";
    const r = parseText(`${head}\n一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量1111116\n`);
    expect(r.report.applications.received).toEqual({
      naturalPerson: 64,
      business: 0,
      research: 0,
      nonprofit: 2,
      legalServices: 0,
      otherOrganization: 4,
      total: 70,
    });
    const amb = r.diagnostics.find((d) => d.code === "split.ambiguous");
    expect(amb).toBeUndefined();
    const r2 = parseText(`${head}\n一、本年新收政府信息公开申请数量14061611956二、上年结转\n`);
    const d = r2.diagnostics.find((x) => x.code === "split.ambiguous");
    expect(d?.path).toEqual(["applications", "received"]);
    expect(d?.candidates).toHaveLength(2);
    expect(d?.message).toContain("14|0|6|16|1|19|56");
    for (const c of d?.candidates ?? []) expect(lastIsSum(c)).toBe(true);
  });

  it("keeps the search bounded on a long run of digits", () => {
    const r = splitRuns([{ value: 0, digits: "9".repeat(5000) }], 7, lastIsSum);
    expect(r.candidates).toEqual([]);
    const wide = splitRuns([{ value: 0, digits: "12345678912345678912345" }], 15, () => true, 5);
    expect(wide.candidates).toHaveLength(5);
    expect(wide.truncated).toBe(true);
  });

  it("scraped corpus text: table 三 is read in full from run-together figures", () => {
    for (const stem of ["seed-2020", ...PDF_STEMS]) {
      const exp = expected(stem);
      const { report } = parseText(readFileSync(join(CORPUS, `${stem}.scraped.txt`), "utf8"));
      const misses = score(exp, report as unknown as Record<string, unknown>).misses;
      expect(
        misses.filter((m) => m.startsWith("applications.")),
        stem,
      ).toEqual([]);
    }
  }, 60_000);
});

describe("text inputs", () => {
  it("pdftotext -layout output of each PDF reads every cell", () => {
    for (const stem of PDF_STEMS) {
      const exp = expected(stem);
      const { report } = parseText(readFileSync(join(CORPUS, `${stem}.layout.txt`), "utf8"));
      expect(score(exp, report as unknown as Record<string, unknown>).misses, stem).toEqual([]);
    }
  }, 60_000);

  it("pdftotext output of tables across pages reads every cell: labels first, last columns after the page", () => {
    for (const stem of ["seed-2020", ...PDF_STEMS]) {
      const { report, diagnostics } = parseText(readFileSync(join(CORPUS, `${stem}.rendered-pdftotext.txt`), "utf8"));
      expect(score(expected(stem), report as unknown as Record<string, unknown>).misses, stem).toEqual([]);
      // Table 二 read by block, and said so.
      expect(
        diagnostics.some((d) => d.code === "row.by-order" && d.path?.[0] === "proactiveDisclosure"),
        stem,
      ).toBe(true);
    }
    const { diagnostics } = parseText(readFileSync(join(CORPUS, "huaian-2024.rendered-pdftotext.txt"), "utf8"));
    const moved = diagnostics.filter((d) => d.code === "row.by-order" && d.messageEn.includes("come after"));
    expect(moved.map((d) => d.path?.join("."))).toEqual(["applications.received", "applications.outcomes.disclosed"]);
  }, 60_000);

  it("a table 三 whose figures cannot be put back by the totals is not guessed", () => {
    const text = readFileSync(join(CORPUS, "huaian-2024.rendered-pdftotext.txt"), "utf8");
    // The 总计 of 一、本年新收 (3119) after the first page changed: no reading adds up.
    const broken = text.replace("总计\n3119\n", "总计\n3118\n");
    expect(broken).not.toBe(text);
    const { diagnostics } = parseText(broken);
    expect(diagnostics.some((d) => d.messageEn.includes("come after"))).toBe(false);
    expect(diagnostics.some((d) => d.severity !== "info" && d.path?.[0] === "applications")).toBe(true);
  });

  it("a missing table and section are diagnosed, not invented", () => {
    const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
    const cut = seed.slice(0, seed.indexOf("三、收到和处理"));
    const { report, diagnostics } = parseText(cut);
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain("table.missing");
    expect(codes).toContain("section.missing");
    expect(report.proactiveDisclosure).toMatchObject({ licensing: { previousCount: 22, change: 3, decisions: 2 } });
  });
});

describe("plain PDF-to-text output (labels printed apart from their figures)", () => {
  it("huaian-2024.plain.txt: table 三 read in row order, confirmed by the totals, and said so", async () => {
    const text = readFileSync(join(CORPUS, "huaian-2024.plain.txt"), "utf8");
    const { report, diagnostics } = await parseReport({ text });
    const expected = JSON.parse(readFileSync(join(FIXTURES, "huaian-2024.expected.json"), "utf8"));
    expect(report.applications).toEqual(expected.applications);
    expect(diagnostics.map((d) => d.code)).toContain("row.by-order");
  });

  // Both hongze PDFs in pdftotext's default mode: a stretch of table 三 comes column by column
  // (nine rows' 自然人 figures, then their 商业企业 figures…), two rows interleave in pairs, table
  // 二's 行政许可 label sits before a page footer and a column header, 行政事业性收费 comes after
  // its figure, and table 四's "总计" header falls between the 14th and the 15th figure.
  it.each(["hongze-2023", "hongze-2024"])("%s.plain.txt: every table cell", async (stem) => {
    const text = readFileSync(join(CORPUS, `${stem}.plain.txt`), "utf8");
    const { report, diagnostics } = await parseReport({ text });
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${stem}.expected.json`), "utf8"));
    for (const key of ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const)
      expect(report[key], key).toEqual(expected[key]);
    const byOrder = diagnostics.find((d) => d.code === "row.by-order");
    expect(byOrder?.messageEn).toMatch(/stretch\(es\) of rows come column by column/);
    expect(diagnostics.map((d) => d.code)).toContain("row.label-after");
  });

  it("huaian-2024.plain.txt: table 四 printed in pieces out of order: both orders that add up are given", async () => {
    const text = readFileSync(join(CORPUS, "huaian-2024.plain.txt"), "utf8");
    const { report, diagnostics } = await parseReport({ text });
    const r = JSON.parse(readFileSync(join(FIXTURES, "huaian-2024.expected.json"), "utf8")).reviewsAndLawsuits;
    const truth = ["administrativeReview", "lawsuitWithoutReview", "lawsuitAfterReview"].flatMap((g) =>
      ["upheld", "corrected", "other", "pending", "total"].map((o) => r[g][o]),
    );
    const d = diagnostics.find((x) => x.code === "split.ambiguous" && x.path?.[0] === "reviewsAndLawsuits");
    expect(d?.severity).toBe("warning");
    expect(d?.candidates).toContainEqual(truth);
    // Undecided cells hold a placeholder and list what they could be; the others are decided.
    for (const [k, v] of Object.entries(r.administrativeReview as Record<string, number>)) {
      const p = report.provenance?.[`reviewsAndLawsuits.administrativeReview.${k}`];
      if (p?.status === "ambiguous") expect(p.candidates).toContain(v);
      else expect((report.reviewsAndLawsuits.administrativeReview as Record<string, number>)[k]).toBe(v);
    }
  });
});

describe("agency and year from the many ways titles are printed", () => {
  const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
  const body = seed.slice(seed.indexOf("一、总体情况"));
  it.each([
    ["江苏省教育厅2023年度政府信息公开工作年度报告", "江苏省教育厅", 2023],
    ["淮安市洪泽区人民政府\n2024年政府信息公开工作年度报告", "淮安市洪泽区人民政府", 2024],
    ["关于印发《南京市发展和改革委员会2021年政府信息公开工作年度报告》的通知", "南京市发展和改革委员会", 2021],
    ["北京市朝阳区人民政府办公室 2020 年政府信息公开工作年度报告", "北京市朝阳区人民政府办公室", 2020],
    ["2023年政府信息公开工作年度报告\n（苏州工业园区管理委员会）", "苏州工业园区管理委员会", 2023],
    ["2022年政府信息公开工作年度报告\n（2023年1月20日）", "", 2022],
  ])("%s", (title, agency, year) => {
    const { report } = parseText(`${title}\n${body}`);
    expect([report.agency.name, report.year]).toEqual([agency, year]);
  });

  it("the signature at the end names the agency when the title does not", () => {
    const signed = parseText(`${seed}\n某某县人民政府办公室\n2021年1月20日\n`);
    expect(signed.report.agency.name).toBe("某某县人民政府");
    expect(signed.diagnostics.map((d) => d.code)).toContain("agency.from-signature");
    expect(parseText(`${seed}\n\n某某市统计局\n二〇二一年一月二十日\n`).report.agency.name).toBe("某某市统计局");
    expect(parseText(`${seed}\n2021年1月20日\n`).report.agency.name).toBe("");
  });
});

describe("Markdown written with HTML blocks", () => {
  it("reads the signature our renderer writes as <p align=right>机关<br>日期</p>", async () => {
    const { renderMarkdown } = await import("@gov-report/renderer");
    const report = JSON.parse(readFileSync(join(FIXTURES, "huaian-2024.expected.json"), "utf8"));
    report.signature = { agency: "淮安市人民政府办公室", date: "2025-01-20" };
    const md = await renderMarkdown(report);
    expect(md).toContain("<br>");
    const r = parseText(md);
    expect(r.report.signature).toEqual({ agency: "淮安市人民政府办公室", date: "2025-01-20" });
    expect(r.report.otherMatters).not.toContain("<p");
  }, 30_000);
});

/** Table rows printed with their label and every cell blank, and labels printed a row apart. */
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";

const APPLICANTS = "| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |";

describe("all-blank table rows", () => {
  it("a |-separated 表二 row with a label and only blank cells is blank, not unread", () => {
    const text = [
      "二、主动公开政府信息情况",
      "| 第二十条第（一）项 |  |  |  |",
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
      "| 规章 |  |  |  |",
      "| 行政规范性文件 | 1 | 2 | 3 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    for (const c of ["issued", "repealed", "inForce"])
      expect(r.report.provenance?.[`proactiveDisclosure.rules.${c}`]).toEqual({ status: "blank" });
    expect(r.report.proactiveDisclosure.normativeDocuments).toEqual({ issued: 1, repealed: 2, inForce: 3 });
  });

  it("a 表二 label printed one row before its figures is not a blank row", () => {
    const text = [
      "二、主动公开政府信息情况",
      "| 第二十条第（一）项 |  |  |  |",
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
      "| 规章 | 4 | 0 | 9 |",
      "| 行政规范性文件 |  |  |  |",
      "|  | 1 | 2 | 3 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure.normativeDocuments).toEqual({ issued: 1, repealed: 2, inForce: 3 });
  });

  it("a label-less 表二 row right before a row printed with its label is the row before it", () => {
    const text = [
      "二、主动公开政府信息情况",
      "| 第二十条第（一）项 |  |  |  |",
      "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
      "|  | 4 | 0 | 9 |",
      "| 行政规范性文件 | 1 | 2 | 3 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure.rules).toEqual({ issued: 4, repealed: 0, inForce: 9 });
    expect(r.report.proactiveDisclosure.normativeDocuments).toEqual({ issued: 1, repealed: 2, inForce: 3 });
    expect(
      r.diagnostics.some((d) => d.code === "row.by-order" && d.path?.join(".") === "proactiveDisclosure.rules"),
    ).toBe(true);
  });

  it("label-less 表二 rows before a label printed late are the rows before it, in order", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "| 类别 | 数据1 | 数据2 | 数据3 |",
      "| --- | --- | --- | --- |",
      "|  | 4 | 0 | 9 |",
      "|  | 1 | 2 | 3 |",
      "| 行政规范性文件 |  |  |  |",
      "第二十条第（五）项",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure.rules).toEqual({ issued: 4, repealed: 0, inForce: 9 });
    expect(r.report.proactiveDisclosure.normativeDocuments).toEqual({ issued: 1, repealed: 2, inForce: 3 });
  });

  it("a label-less 表二 grid row under a partial header waits for the label printed after it", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "| 本年新制 | 对外公开 |",
      "| --- | --- |",
      "|  | 0 | 6 | 0 |",
      "| 规章 |  |  |  |",
      "| 规范性文件 | 0 | 2 | 0 |",
    ].join("\n");
    const r = parseText(text, { edition: "2019", year: 2020 });
    expect(r.report.proactiveDisclosure.rules).toEqual({ newlyMade: 0, newlyPublished: 6, totalPublished: 0 });
    expect(r.report.provenance?.["proactiveDisclosure.rules.newlyPublished"]).toEqual({ status: "printed" });
  });

  it("a |-separated 表三 row with a label and only blank cells is blank, not unread", () => {
    const text = [
      "三、收到和处理政府信息公开申请情况",
      `| 申请人情况 ${APPLICANTS}`,
      "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
      "| 二、上年结转政府信息公开申请数量 |  |  |  |  |  |  |  |",
      "| （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    const prov = r.report.provenance ?? {};
    for (const c of ["naturalPerson", "business", "total"])
      expect(prov[`applications.carriedOver.${c}`]).toEqual({ status: "blank" });
    expect(prov["applications.outcomes.disclosed.total"]).toEqual({ status: "printed" });
  });

  it("表三 labels printed a row late go with the label-less figures before them", () => {
    const text = [
      "三、收到和处理政府信息公开申请情况",
      `| 申请人情况 ${APPLICANTS}`,
      "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |",
      "|  | 2 | 0 | 0 | 0 | 0 | 1 | 3 |",
      "| 二、上年结转政府信息公开申请数量 |  |  |  |  |  |  |  |",
      "| （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 1 | 7 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(Object.values(r.report.applications.carriedOver)).toEqual([2, 0, 0, 0, 0, 1, 3]);
    expect(Object.values(r.report.applications.outcomes.disclosed)).toEqual([5, 1, 0, 0, 0, 1, 7]);
  });

  it("a label, label-less figures, the next row's label alone: early or late cannot be told in 表二", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（六）项",
      "| 类别 | 数据1 |",
      "| --- | --- |",
      "| 行政处罚 |  |",
      "|  | 4 |",
      "| 行政强制 |  |",
      "第二十条第（八）项",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    const prov = r.report.provenance ?? {};
    expect(prov["proactiveDisclosure.penalties.decisions"]).toEqual({ status: "ambiguous", candidates: [0, 4] });
    expect(prov["proactiveDisclosure.coercion.decisions"]).toEqual({ status: "ambiguous", candidates: [0, 4] });
  });

  it("a label, label-less figures, the next row never printed: early or skipped cannot be told in 表二", () => {
    const lines = (rest: string[]) =>
      ["二、主动公开政府信息情况", "第二十条第（六）项", "| 类别 | 数据1 |", "| --- | --- |", ...rest].join("\n");
    const r = parseText(lines(["| 行政处罚 |  |", "|  | 12 |", "第二十条第（八）项"]), { edition: "2021", year: 2024 });
    const prov = r.report.provenance ?? {};
    expect(prov["proactiveDisclosure.penalties.decisions"]).toEqual({ status: "ambiguous", candidates: [0, 12] });
    expect(prov["proactiveDisclosure.coercion.decisions"]).toEqual({ status: "unread" });
    // Both rows printed with their label early: nothing in doubt.
    const both = parseText(lines(["| 行政处罚 |  |", "|  | 12 |", "| 行政强制 |  |", "|  | 5 |"]), {
      edition: "2021",
      year: 2024,
    });
    expect(both.report.proactiveDisclosure.penalties.decisions).toBe(12);
    expect(both.report.proactiveDisclosure.coercion.decisions).toBe(5);
    expect(both.report.provenance?.["proactiveDisclosure.penalties.decisions"]?.status).toBe("printed");
  });

  it("label-less figures, then a label alone, the row before never printed: late or skipped cannot be told", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "| 类别 | 数据1 | 数据2 | 数据3 |",
      "| --- | --- | --- | --- |",
      "|  |  | 0 | 33 |",
      "| 规范性文件 |  |  |  |",
      "第二十条第（五）项",
    ].join("\n");
    const prov = parseText(text, { edition: "2019", year: 2020 }).report.provenance ?? {};
    expect(prov["proactiveDisclosure.normativeDocuments.totalPublished"]).toEqual({
      status: "ambiguous",
      candidates: [0, 33],
    });
    expect(prov["proactiveDisclosure.rules.totalPublished"]).toEqual({ status: "unread" });
  });
});

describe("figures read by block order", () => {
  it("a figure a row took by its own label is not handed to an unlabelled row of an earlier block", () => {
    // 行政许可's row is printed with no label and blank; 行政强制's figure comes after a page footer.
    const text = [
      "## 二、主动公开政府信息情况",
      "第二十条第（五）项",
      "| 信息内容 | 本年处理决定数量 |",
      "| --- | --- |",
      "|  |  |",
      "第二十条第（六）项",
      "| 本年处理 |",
      "| --- |",
      "| 行政处罚 |  |",
      "|  |  |",
      "— 4 —",
      "二、主动公开政府信息情况",
      "| 本年处理 |",
      "| --- |",
      "| 行政强制 | 17 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure.coercion).toEqual({ decisions: 17 });
    const licensing = r.report.provenance?.["proactiveDisclosure.licensing.decisions"];
    expect(licensing?.status === "printed" && r.report.proactiveDisclosure.licensing.decisions === 17).toBe(false);
    expect(licensing?.status).toBe("unread");
  });
});

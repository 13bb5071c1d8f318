import { buildFormMetadata } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { accessibleName, distinctLabels, formulaText } from "../src/model/labels.js";
import { neighbours, offsetField, tableGrid } from "../src/model/layout.js";

const meta = buildFormMetadata();
const m21 = meta.editions["2021"];
const table = (id: string) => m21.sections.find((s) => s.table?.id === id)?.table;

describe("positions in the printed tables", () => {
  it("places 表三's value cells after its three label columns, 7 per row", () => {
    const grid = tableGrid(table("表三")!);
    expect(grid).toHaveLength(25 * 7);
    expect(new Set(grid.map((p) => p.col))).toEqual(new Set([3, 4, 5, 6, 7, 8, 9]));
  });

  it("moves like a spreadsheet, across rowspans and between tables", () => {
    const nav = neighbours(m21);
    const a = "applications.outcomes";
    expect(nav.get(`${a}.disclosed.naturalPerson`)?.down).toBe(`${a}.partiallyDisclosed.naturalPerson`);
    expect(nav.get(`${a}.partiallyDisclosed.total`)?.down).toBe(`${a}.withheld.stateSecret.total`);
    expect(nav.get(`${a}.withheld.administrativeQueries.business`)?.down).toBe(`${a}.unavailable.notHeld.business`);
    expect(nav.get("applications.received.business")?.left).toBe("applications.received.naturalPerson");
    expect(nav.get("applications.received.total")?.right).toBe("applications.carriedOver.naturalPerson");
    // 表二: the one cell of 行政许可 spans three columns; every column above leads to it.
    expect(nav.get("proactiveDisclosure.normativeDocuments.inForce")?.down).toBe(
      "proactiveDisclosure.licensing.decisions",
    );
    // From the last row of 表二 down into 表三.
    expect(nav.get("proactiveDisclosure.fees.amountWanYuan")?.down).toBe("applications.received.naturalPerson");
    expect(offsetField(nav, "applications.received.research", 1, 2)).toBe("applications.carriedOver.legalServices");
    expect(offsetField(nav, "applications.received.otherOrganization", 0, 2)).toBeUndefined();
  });
});

describe("names", () => {
  it("names a cell by its row and column labels without the table number", () => {
    const f = m21.fields["applications.outcomes.disclosed.naturalPerson"]!;
    expect(accessibleName(f, "zh")).toBe("三、本年度办理结果 （一）予以公开 · 自然人");
    expect(accessibleName(f, "en")).not.toMatch(/^Table/);
    expect(accessibleName(m21.fields["proactiveDisclosure.rules.issued"]!, "zh")).toBe(
      "第二十条第（一）项 规章 · 本年制发件数",
    );
  });

  it("shows the formula a total is computed with", () => {
    const row = m21.fields["applications.received.total"]!;
    expect(formulaText(row, m21.fields, "zh")).toBe(
      "= 自然人 + 法人或其他组织 商业企业 + 法人或其他组织 科研机构 + 法人或其他组织 社会公益组织 + 法人或其他组织 法律服务机构 + 法人或其他组织 其他",
    );
    const column = m21.fields["applications.outcomes.total.naturalPerson"]!;
    expect(formulaText(column, m21.fields, "zh")).toMatch(/^= （一）予以公开 \+ （二）部分公开/);
    // A part below a group is named by its group and its row, never again by the total's column.
    expect(formulaText(column, m21.fields, "zh")).toContain(" + （三）不予公开 1.属于国家秘密 + ");
    expect(formulaText(column, m21.fields, "zh")).not.toContain("自然人");
    expect(formulaText(column, m21.fields, "en")).toContain(" + (3) Not disclosed: State secret + ");
    expect(formulaText(column, m21.fields, "en")).toMatch(/ \+ \(6\) Otherwise handled: [^+]+$/);
    expect(formulaText(row, m21.fields, "en")).toBe(
      "= Natural persons + Businesses + Research institutions + Non-profit organizations + Legal service providers + Other organizations",
    );
    expect(formulaText(m21.fields["reviewsAndLawsuits.administrativeReview.total"]!, m21.fields, "zh")).toBe(
      "= 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    );
  });
});

describe("the labels that tell a part from its total", () => {
  it("drops what both begin and end with, whatever their lengths", () => {
    expect(distinctLabels(["表三", "三", "（三）", "1.", "自然人"], ["表三", "三", "（七）", "自然人"])).toEqual([
      "（三）",
      "1.",
    ]);
    expect(distinctLabels(["表三", "一", "法人", "商业企业"], ["表三", "一", "总计"])).toEqual(["法人", "商业企业"]);
    expect(distinctLabels(["a", "b"], ["a", "b"])).toEqual([]);
    expect(distinctLabels(["a", "b", "a"], ["a"])).toEqual(["b", "a"]);
  });
});

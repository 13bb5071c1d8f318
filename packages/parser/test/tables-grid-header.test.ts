/** Table 二 under a converter's generic grid header: the header's cells are the block's columns. */
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";

describe("table 二 in a generic grid", () => {
  it("places a row's figures in the header's columns, blank cells kept", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "| 类别 | 数据1 | 数据2 | 数据3 |",
      "| --- | --- | --- | --- |",
      "| 规章 | 0 | 5 |  |",
      "| 行政规范性文件 | 4 |  | 271 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    expect(r.report.proactiveDisclosure.rules).toEqual({ issued: 0, repealed: 5, inForce: 0 });
    expect(r.report.proactiveDisclosure.normativeDocuments).toEqual({ issued: 4, repealed: 0, inForce: 271 });
    const prov = r.report.provenance ?? {};
    expect(prov["proactiveDisclosure.rules.inForce"]).toEqual({ status: "blank" });
    expect(prov["proactiveDisclosure.normativeDocuments.inForce"]).toEqual({ status: "printed" });
  });

  it("with a header naming only some columns, a row of one label cell and one cell per column is read by its cells", () => {
    const text = [
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "| 本年制发 | 现行有效 |",
      "| --- | --- |",
      "| 规章 | 1 |  | 7 |",
      "| 行政规范性文件 |  |  |  |",
      "|  | 0 |  | 434 |",
    ].join("\n");
    const r = parseText(text, { edition: "2021", year: 2024 });
    // No row fills every column, so only each row's own cells can place its figures.
    expect(r.report.proactiveDisclosure.rules).toEqual({ issued: 1, repealed: 0, inForce: 7 });
    expect(r.report.proactiveDisclosure.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 434 });
    expect(r.report.provenance?.["proactiveDisclosure.normativeDocuments.repealed"]).toEqual({ status: "blank" });
    expect(r.report.provenance?.["proactiveDisclosure.normativeDocuments.issued"]).toEqual({ status: "printed" });
  });
});

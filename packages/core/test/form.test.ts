import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFormMetadata, cellsOf, type TableMeta } from "../src/index.js";

const meta = buildFormMetadata();

/** Expands a table's rows into a grid of cell references, checking that spans tile it exactly. */
function grid(table: TableMeta) {
  const g: (object | undefined)[][] = [];
  table.rows.forEach((row, r) => {
    g[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (g[r]?.[c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        g[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) {
          expect(g[r + dr]?.[c + dc], `overlap at ${r + dr},${c + dc}`).toBeUndefined();
          (g[r + dr] as object[])[c + dc] = cell;
        }
      }
      c += cell.colspan;
    }
  });
  for (const row of g) expect(row.length).toBe(table.columnCount);
  for (const row of g) for (const cell of row) expect(cell).toBeDefined();
  return g;
}

/** Every slot of the table's grid, from each cell's own row, col and spans: covered exactly once. */
function slotsFromPositions(table: TableMeta) {
  const rowCount = table.rows.length;
  const owner: (object | undefined)[][] = Array.from({ length: rowCount }, () => new Array(table.columnCount));
  for (const row of table.rows) {
    for (const cell of row.cells) {
      for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
        for (let c = cell.col; c < cell.col + cell.colspan; c++) {
          expect(r < rowCount && c < table.columnCount, `${table.id} ${r},${c} outside the grid`).toBe(true);
          expect(owner[r]?.[c], `${table.id} overlap at ${r},${c}`).toBeUndefined();
          (owner[r] as object[])[c] = cell;
        }
      }
    }
  }
  for (let r = 0; r < rowCount; r++)
    for (let c = 0; c < table.columnCount; c++) expect(owner[r]?.[c], `${table.id} ${r},${c} uncovered`).toBeDefined();
  return owner;
}

describe("form metadata", () => {
  it.each(["2019", "2021"] as const)(
    "%s: row and col of every cell tile each table exactly once, as HTML lays it out",
    (edition) => {
      for (const s of meta.editions[edition].sections) {
        if (!s.table) continue;
        const byPosition = slotsFromPositions(s.table);
        expect(byPosition).toEqual(grid(s.table));
        s.table.rows.forEach((row, r) => {
          for (const cell of row.cells) expect(cell.row).toBe(r);
        });
      }
      const t3 = meta.editions[edition].sections[2]?.table as TableMeta;
      const cell = (field: string) =>
        t3.rows.flatMap((r) => r.cells).find((c) => c.type === "value" && c.field === field) as {
          row: number;
          col: number;
        };
      expect(cell("applications.received.naturalPerson")).toMatchObject({ row: 3, col: 3 });
      expect(cell("applications.outcomes.withheld.stateSecret.total")).toMatchObject({ row: 7, col: 9 });
      const business = t3.rows.flatMap((r) => r.cells).find((c) => c.type === "label" && c.zh === "商业企业");
      expect(business).toMatchObject({ row: 2, col: 4, variants: ["商业"] });
    },
  );

  it("is JSON-serializable and equals the committed generated file", () => {
    const committed = JSON.parse(readFileSync(join(__dirname, "../generated/form-metadata.json"), "utf8"));
    expect(JSON.parse(JSON.stringify(meta))).toEqual(committed);
  });

  it.each(["2019", "2021"] as const)("%s: lists the six sections in printed order", (edition) => {
    expect(meta.editions[edition].sections.map((s) => s.heading)).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
  });

  it.each(["2019", "2021"] as const)("%s: every table tiles its grid and has one input per field", (edition) => {
    const e = meta.editions[edition];
    const seen: string[] = [];
    for (const s of e.sections) {
      if (!s.table) continue;
      grid(s.table);
      for (const row of s.table.rows) for (const c of row.cells) if (c.type === "value") seen.push(c.field);
    }
    const numeric = cellsOf(edition)
      .filter((c) => c.kind !== "text")
      .map((c) => c.id);
    expect(seen.sort()).toEqual([...numeric].sort());
  });

  it("prints 表三's header as the official format: 3×3 勾稽 note, 申请人情况 over 7 columns", () => {
    const t = meta.editions["2021"].sections[2]?.table as TableMeta;
    const [h1, h2, h3] = t.rows;
    expect(h1?.cells.map((c) => (c.type === "label" ? [c.zh.slice(0, 8), c.rowspan, c.colspan] : null))).toEqual([
      ["（本列数据的勾稽", 3, 3],
      ["申请人情况", 1, 7],
    ]);
    expect(h2?.cells.map((c) => (c.type === "label" ? [c.zh, c.rowspan, c.colspan] : null))).toEqual([
      ["自然人", 2, 1],
      ["法人或其他组织", 1, 5],
      ["总计", 2, 1],
    ]);
    expect(h3?.cells.map((c) => (c.type === "label" ? c.zh : null))).toEqual([
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ]);
    expect(t.rows.filter((r) => r.kind === "data")).toHaveLength(25);
    const l1 = t.rows.flatMap((r) => r.cells).find((c) => c.type === "label" && c.zh === "三、本年度办理结果");
    expect(l1?.rowspan).toBe(22);
    expect(meta.editions["2019"].sections[2]?.table?.rows.filter((r) => r.kind === "data")).toHaveLength(23);
  });

  it("describes 总计 cells with the fields they sum", () => {
    const f = meta.editions["2021"].fields["applications.outcomes.total.total"];
    expect(f?.sumOf?.map((s) => s.rule)).toEqual(["applications.row-total", "applications.column-total"]);
    expect(f?.sumOf?.[0]?.of).toHaveLength(6);
    expect(f?.sumOf?.[1]?.of).toHaveLength(21);
    expect(meta.editions["2019"].fields["proactiveDisclosure.licensing.change"]).toMatchObject({
      kind: "signedCount",
      constraints: { type: "integer" },
      labelPath: ["表二", "第二十条第（五）项", "行政许可", "本年增/减"],
    });
    expect(meta.editions["2019"].fields["proactiveDisclosure.procurement.amountWanYuan"]?.constraints).toEqual({
      type: "number",
      minimum: 0,
      maxDecimals: 4,
    });
  });
});

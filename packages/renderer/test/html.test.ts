import { buildFormMetadata, cellsOf, type Edition, getAt, type Report, SECTIONS } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../src/index.js";
import { FIXTURE_NAMES, loadFixture, readTables } from "./helpers.js";

/** How the official format prints a value, written out independently of the renderer. */
function printed(value: unknown, kind: string, maxDecimals?: number): string {
  const n = value as number;
  if (kind === "signedCount") return n > 0 ? `+${n}` : String(n);
  if (kind === "amountWanYuan" && maxDecimals !== undefined) return n.toFixed(maxDecimals);
  return String(n);
}

describe("grid positions from core", () => {
  for (const [edition, name] of [
    ["2019", "seed-2020"],
    ["2021", "huaian-2024"],
  ] as const) {
    it(`${edition}: every cell sits in the printed table where core's metadata puts it`, () => {
      const tables = readTables(renderHtml(loadFixture(name)));
      const metas = buildFormMetadata().editions[edition].sections.flatMap((s) => (s.table ? [s.table] : []));
      expect(tables).toHaveLength(metas.length);
      metas.forEach((meta, t) => {
        const grid = tables[t]?.grid ?? [];
        for (const cell of meta.rows.flatMap((r) => r.cells)) {
          const at = grid[cell.row]?.[cell.col];
          const want = cell.type === "value" ? cell.field : cell.zh;
          const got = cell.type === "value" ? at?.attrs["data-field"] : at?.text;
          expect(got, `${meta.id} (${cell.row}, ${cell.col})`).toBe(want);
          expect([at?.rowspan, at?.colspan]).toEqual([cell.rowspan, cell.colspan]);
        }
      });
    });
  }
});

describe("renderHtml golden snapshot", () => {
  it("renders the seed report exactly as the reviewed golden file", async () => {
    await expect(renderHtml(loadFixture("seed-2020"))).toMatchFileSnapshot("./golden/seed-2020.html");
  });
});

describe("renderHtml tables, read back with parse5", () => {
  for (const name of FIXTURE_NAMES) {
    it(`${name}: every figure sits at its row and column labels`, () => {
      const report = loadFixture(name);
      const edition = report.edition as Edition;
      const tables = readTables(renderHtml(report));
      const tableSections = SECTIONS.filter((s) => s.kind === "table");
      expect(tables.map((t) => t.heading)).toEqual(tableSections.map((s) => s.heading));
      const byId = new Map(tableSections.map((s, i) => [s.table as string, tables[i]]));
      const cells = cellsOf(edition).filter((c) => c.kind !== "text");
      expect(cells.length).toBe(edition === "2019" ? 22 + 161 + 15 : 10 + 175 + 15);
      for (const cell of cells) {
        const table = byId.get(cell.labelPath[0] as string);
        if (!table) throw new Error(`no table for ${cell.zh}`);
        const want = cell.labelPath.slice(1);
        const hits = new Set<unknown>();
        table.grid.forEach((row, r) => {
          row.forEach((g, c) => {
            if (g?.tag !== "td") return;
            const labels = new Set<string>();
            for (let k = 0; k < c; k++) if (row[k]?.tag === "th") labels.add((row[k] as { text: string }).text);
            for (let k = 0; k < r; k++) {
              const above = table.grid[k]?.[c];
              if (above?.tag === "th") labels.add(above.text);
            }
            if (want.every((l) => labels.has(l))) hits.add(g);
          });
        });
        expect(hits.size, `${cell.zh}: cells labelled ${want.join(" / ")}`).toBe(1);
        const [hit] = [...hits] as { text: string }[];
        expect(hit?.text, cell.zh).toBe(printed(getAt(report, cell.path), cell.kind, cell.maxDecimals));
      }
    });
  }

  it("prints table 三's header as the official format: the 勾稽 note in a 3×3 corner, 申请人情况 over 7 columns", () => {
    for (const name of ["seed-2020", "huaian-2024"]) {
      const t = readTables(renderHtml(loadFixture(name)))[1];
      const spans = t?.rows.slice(0, 3).map((r) => r.map((c) => `${c.text}:${c.rowspan}x${c.colspan}`));
      expect(spans).toEqual([
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）:3x3", "申请人情况:1x7"],
        ["自然人:2x1", "法人或其他组织:1x5", "总计:2x1"],
        ["商业企业:1x1", "科研机构:1x1", "社会公益组织:1x1", "法律服务机构:1x1", "其他:1x1"],
      ]);
      // Every row of the expanded grid is 10 columns wide.
      expect(new Set(t?.grid.map((r) => r.length))).toEqual(new Set([10]));
    }
  });

  it("prints 三、本年度办理结果 over all result rows, and the （六） rows as each edition has them", () => {
    const rowsOf = (name: string) => readTables(renderHtml(loadFixture(name)))[1]?.rows ?? [];
    const l1 = (name: string) =>
      rowsOf(name)
        .flat()
        .find((c) => c.text === "三、本年度办理结果");
    expect(l1("seed-2020")?.rowspan).toBe(20);
    expect(l1("huaian-2024")?.rowspan).toBe(22);
    const other = (name: string) =>
      rowsOf(name)
        .flat()
        .find((c) => c.text === "（六）其他处理");
    expect([other("seed-2020")?.rowspan, other("seed-2020")?.colspan]).toEqual([1, 2]);
    expect([other("huaian-2024")?.rowspan, other("huaian-2024")?.colspan]).toEqual([3, 1]);
  });

  it("prints table 四 with 行政复议 over 5 columns and 行政诉讼 over 10, and one row of 15 figures", () => {
    const t = readTables(renderHtml(loadFixture("huaian-2024")))[2];
    expect(t?.rows[0]?.map((c) => `${c.text}:${c.colspan}`)).toEqual(["行政复议:5", "行政诉讼:10"]);
    expect(t?.rows.at(-1)?.map((c) => c.text)).toEqual([
      "72",
      "64",
      "178",
      "37",
      "351",
      "13",
      "4",
      "8",
      "1",
      "26",
      "12",
      "1",
      "1",
      "6",
      "20",
    ]);
  });

  it("prints signs, 4-decimal procurement and as-given fee amounts", () => {
    const seed = readTables(renderHtml(loadFixture("seed-2020")))[0];
    const texts =
      seed?.rows
        .flat()
        .filter((c) => c.tag === "td")
        .map((c) => c.text) ?? [];
    expect(texts).toContain("+3");
    expect(texts).toContain("+19");
    expect(texts).toContain("25.6835");
    const report = loadFixture("seed-2020") as Report & { proactiveDisclosure: Record<string, Record<string, number>> };
    report.proactiveDisclosure.licensing = { previousCount: 22, change: -18, decisions: 0 };
    report.proactiveDisclosure.procurement = { projects: 1, amountWanYuan: 12.5 };
    const edited =
      readTables(renderHtml(report))[0]
        ?.rows.flat()
        .map((c) => c.text) ?? [];
    expect(edited).toContain("-18");
    expect(edited).toContain("12.5000");
    const huaian =
      readTables(renderHtml(loadFixture("huaian-2024")))[0]
        ?.rows.flat()
        .map((c) => c.text) ?? [];
    expect(huaian).toContain("96171.6");
  });
});

describe("renderHtml document", () => {
  it("titles the report <agency><year>年政府信息公开工作年度报告 and splits narratives into paragraphs", () => {
    const report = { ...loadFixture("huaian-2024"), overview: "第一段。\n第二段。\n\n第三段。" } as Report;
    const html = renderHtml(report);
    expect(html).toContain("<title>淮安市人民政府2024年政府信息公开工作年度报告</title>");
    expect(html).toContain("<h1>淮安市人民政府2024年政府信息公开工作年度报告</h1>");
    expect(html).toContain("<h2>一、总体情况</h2><p>第一段。</p><p>第二段。</p><p>第三段。</p>");
    for (const s of SECTIONS) expect(html).toContain(`<h2>${s.heading}</h2>`);
  });

  it("carries print rules: A4, repeating headers, rows kept whole, the official faces and their free stand-ins", () => {
    const html = renderHtml(loadFixture("seed-2020"));
    expect(html).toContain("size: A4");
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toContain(".gov-report td, .gov-report th:not([rowspan]) { break-inside: avoid;");
    expect(html).toContain("font-synthesis: none");
    for (const face of [
      "FangSong",
      "SimHei",
      "方正小标宋简体",
      "AR PL UMing CN",
      "WenQuanYi Zen Hei",
      "AR PL SungtiL GB",
    ]) {
      expect(html).toContain(`local("${face}")`);
    }
    expect(html).toContain('local("Liberation Serif")');
    // No CFF-outline CJK face is named: Chromium would print it as Type 3 fonts.
    expect(html).not.toContain("Noto Serif CJK");
    expect(html).not.toContain("Noto Sans CJK");
    expect(html).not.toMatch(/font-weight: bold/);
  });

  it("returns only the article with fragment: true", () => {
    const html = renderHtml(loadFixture("seed-2020"), { fragment: true });
    expect(html.startsWith('<article class="gov-report"')).toBe(true);
    expect(html.endsWith("</article>")).toBe(true);
    expect(html).not.toContain("<style>");
  });

  it("escapes every report string", () => {
    const report = {
      ...loadFixture("seed-2020"),
      agency: { name: `<b onmouseover="x">机关</b>` },
      overview: `<script>alert(1)</script>\n"><img src=x onerror=alert(1)>\n</textarea>&amp;`,
    } as Report;
    const html = renderHtml(report);
    expect(html).not.toMatch(/<script>alert|<img src=x|<b onmouseover|<\/textarea>/);
    expect(html).toContain("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(html).toContain("<p>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>");
    expect(html).toContain("<p>&lt;/textarea&gt;&amp;amp;</p>");
    expect(html).toContain("&lt;b onmouseover=&quot;x&quot;&gt;机关&lt;/b&gt;2020年");
  });
});

describe("renderHtml annotate", () => {
  it("marks the cells with issues, with the message as tooltip, and lists the issues", () => {
    const html = renderHtml(loadFixture("hongze-2023"), { annotate: true });
    const table4 = readTables(html)[2];
    const marked = table4?.rows.flat().filter((c) => c.attrs.class?.includes("gr-issue-error")) ?? [];
    expect(marked.map((c) => c.attrs["data-field"])).toEqual([
      "reviewsAndLawsuits.administrativeReview.total",
      "reviewsAndLawsuits.lawsuitAfterReview.total",
    ]);
    expect(marked[0]?.attrs.title).toBe("错误：表四 行政复议 · 总计：各项之和为 11，报告填写 0");
    const related = table4?.rows.flat().filter((c) => c.attrs.class?.includes("gr-related")) ?? [];
    expect(related).toHaveLength(8);
    expect(html).toContain('<section class="gr-issues"><h2>审核提示</h2><ol>');
    expect(html).toContain("表四 行政诉讼 复议后起诉 · 总计：各项之和为 5，报告填写 0");
  });

  it("says there is nothing to mark on a clean report, and marks nothing without annotate", () => {
    const seed = loadFixture("seed-2020");
    expect(renderHtml(seed, { annotate: true })).toContain("未发现问题。");
    const plain = renderHtml(loadFixture("hongze-2023"));
    expect(plain).not.toContain('class="gr-v gr-issue');
    expect(plain).not.toContain('<section class="gr-issues">');
  });
});

import { cellsOf, displayWidth, getAt, type Report } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, formatValue, renderMarkdown, renderText } from "../src/index.js";
import { FIXTURE_NAMES, loadFixture } from "./helpers.js";

/** The printed figures of a report in printed order, from core's cell list. */
function expectedFigures(report: Report): string[] {
  return cellsOf(report.edition)
    .filter((c) => c.kind !== "text")
    .map((c) => formatValue(getAt(report, c.path), c.kind, c.maxDecimals));
}

/** Cells of table lines ("| a | b |") that hold a number, in reading order. */
function numberCells(lines: string[]): string[] {
  return lines.flatMap((l) =>
    l
      .split("|")
      .map((c) => c.trim())
      .filter((c) => /^[+-]?\d+(\.\d+)?$/.test(c)),
  );
}

describe("formatValue", () => {
  it("prints counts, signed changes and money as the official format does", () => {
    expect(formatValue(0, "count")).toBe("0");
    expect(formatValue(3, "signedCount")).toBe("+3");
    expect(formatValue(-18, "signedCount")).toBe("-18");
    expect(formatValue(0, "signedCount")).toBe("0");
    expect(formatValue(25.6835, "amountWanYuan", 4)).toBe("25.6835");
    expect(formatValue(3, "amountWanYuan", 4)).toBe("3.0000");
    // More decimals than the label allows is a fault the validator reports: never rounded away.
    expect(formatValue(1.234567, "amountWanYuan", 4)).toBe("1.234567");
    expect(formatValue(24252.311082, "amountWanYuan")).toBe("24252.311082");
    expect(formatValue(1e-7, "amountWanYuan")).toBe("0.0000001");
    expect(formatValue(null, "count")).toBe("");
  });
});

describe("renderText", () => {
  it("counts CJK characters as two columns", () => {
    expect(displayWidth("自然人")).toBe(6);
    expect(displayWidth("a1（二）")).toBe(2 + 6);
  });

  for (const name of FIXTURE_NAMES) {
    it(`${name}: aligns every table line to the same display width and prints every figure`, () => {
      const report = loadFixture(name);
      const text = renderText(report);
      const lines = text.split("\n");
      // Lines of one table block (between blank lines and captions) share a width.
      let block: string[] = [];
      const flush = () => {
        const widths = new Set(block.map(displayWidth));
        expect(widths.size, block.join("\n")).toBeLessThanOrEqual(1);
        block = [];
      };
      for (const l of lines) {
        if (l.startsWith("|") || l.startsWith("+")) block.push(l);
        else flush();
      }
      flush();
      // Every figure, in printed order, as the pure-number cells of the table lines.
      expect(numberCells(lines.filter((l) => l.startsWith("|")))).toEqual(expectedFigures(report));
      const received = lines.find((l) => l.includes("一、本年新收政府信息公开申请数量"));
      const cells = received
        ?.split("|")
        .slice(2, -1)
        .map((c) => c.trim());
      const counts = (report.applications as { received: Record<string, number> }).received;
      expect(cells).toEqual(
        ["naturalPerson", "business", "research", "nonprofit", "legalServices", "otherOrganization", "total"].map((k) =>
          String(counts[k]),
        ),
      );
    });
  }

  it("marks cells with issues by issue number and lists them", () => {
    const text = renderText(loadFixture("hongze-2023"), { annotate: true });
    expect(text).toContain("0 [1]");
    expect(text).toContain("0 [2]");
    expect(text).toContain("[1] 错误：表四 行政复议 · 总计：各项之和为 11，报告填写 0");
  });

  it("starts with the title and prints all six headings", () => {
    const text = renderText(loadFixture("huaian-2024"));
    expect(text.split("\n")[0]).toBe("淮安市人民政府2024年政府信息公开工作年度报告");
    for (const h of ["一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"])
      expect(text).toContain(`\n${h}\n`);
  });
});

describe("renderMarkdown", () => {
  it("escapes report text so Markdown shows it literally", () => {
    expect(escapeMarkdown("# 标题")).toBe("\\# 标题");
    expect(escapeMarkdown("1. 第一")).toBe("1\\. 第一");
    expect(escapeMarkdown("<script>x</script> *a* [l](u) | b")).toBe(
      "&lt;script&gt;x&lt;/script&gt; \\*a\\* \\[l\\](u) \\| b",
    );
  });

  for (const name of FIXTURE_NAMES) {
    it(`${name}: every table row has as many cells as its header, and figures are in place`, () => {
      const report = loadFixture(name);
      const md = renderMarkdown(report);
      const rows = md.split("\n").filter((l) => l.startsWith("| "));
      // A table's rows all have as many cells as its header.
      const tables = md.split("\n\n").filter((b) => b.startsWith("| "));
      for (const t of tables) {
        const counts = new Set(t.split("\n").map((r) => r.split(" | ").length));
        expect(counts.size, t).toBe(1);
      }
      expect(numberCells(rows)).toEqual(expectedFigures(report));
      const total = rows.find((r) => r.includes("（七）总计"));
      const t = getAt(report, ["applications", "outcomes", "total", "total"]);
      expect(total?.endsWith(`| ${String(t)} |`)).toBe(true);
      const review = rows.at(-1)?.split(" | ").slice(1);
      expect(review?.length).toBe(15);
    });
  }

  it("renders narratives as escaped paragraphs", () => {
    const report = { ...loadFixture("seed-2020"), otherMatters: "# 不是标题\n<b>粗</b>" } as Report;
    const md = renderMarkdown(report);
    expect(md).toContain("## 六、其他需要报告的事项\n\n\\# 不是标题\n\n&lt;b&gt;粗&lt;/b&gt;\n");
  });
});

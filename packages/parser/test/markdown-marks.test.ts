/**
 * Markdown syntax around a report's text (AI and OCR converters) is not its content: a list
 * marker is not a dash cell, emphasis around a figure or a label is not part of it.
 */
import { REVIEW_GROUPS, REVIEW_OUTCOMES, type Report } from "@gov-report/core/lite";
import { renderMarkdown } from "@gov-report/renderer";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { textSource } from "../src/sources/text.js";
import { listItemStart, withoutEmphasis } from "../src/strategies/markdown-marks.js";
import { pipeCells } from "../src/strategies/pipe-grid.js";
import { expected } from "./helpers.js";

const exp = expected("huaian-2024");
const markdown = () => renderMarkdown(exp as unknown as Report);
const reviews = exp.reviewsAndLawsuits as Record<string, Record<string, number>>;

/** The Markdown with its table 四 (the lines from its header row on) replaced by `lines`. */
function withTableFour(lines: readonly string[]): string {
  const md = markdown().split("\n");
  const header = md.findIndex((l) => l.startsWith("|") && l.includes(REVIEW_GROUPS[0]?.zh as string));
  expect(header).toBeGreaterThan(0);
  return [...md.slice(0, header), ...lines, ...md.slice(header + 3)].join("\n");
}

const kinds = (line: string) => textSource(line).lines[0]?.tokens.map((t) => `${t.kind}:${t.text}`);

describe("list markers", () => {
  it("table 四 as a bullet list (- 行政复议：结果维持72件，…) reads every cell in its own place", () => {
    const bullet = (marker: string) =>
      REVIEW_GROUPS.map(
        (g) => `${marker} ${g.zh}：${REVIEW_OUTCOMES.map((o) => `${o.zh}${reviews[g.key]?.[o.key]}件`).join("，")}`,
      );
    for (const marker of ["-", "  -", "*", "+", "•"]) {
      const r = parseText(withTableFour(bullet(marker)));
      expect(r.report.reviewsAndLawsuits, marker).toEqual(exp.reviewsAndLawsuits);
      const t4 = Object.entries(r.report.provenance ?? {}).filter(([k]) => k.startsWith("reviewsAndLawsuits."));
      expect(new Set(t4.map(([, p]) => p?.status)), marker).toEqual(new Set(["printed"]));
    }
  });

  it("a marker is not a cell; a dash before or among figures still is a blank cell", () => {
    expect(kinds("- 行政复议：结果维持72件")).toEqual(["text:行政复议：结果维持", "num:72"]);
    expect(kinds("  - 1.属于国家秘密 2")).toEqual(["text:1.属于国家秘密", "num:2"]);
    expect(kinds("- 3 0 - 3")).toEqual(["dash:-", "num:3", "num:0", "dash:-", "num:3"]);
    expect(kinds("行政许可 - 3")).toEqual(["text:行政许可", "dash:-", "num:3"]);
    expect(listItemStart("- - 1")).toBe(0);
    expect(listItemStart("-行政复议")).toBe(0);
    expect(pipeCells("| 规章 | - | 3 |")).toEqual(["规章", "-", "3"]);
  });
});

describe("emphasis", () => {
  it("figures in bold or italic cells (| **3001** |, __3001__, *3001*) are read as printed", () => {
    const marks = ["**", "__", "*"];
    let k = 0;
    const md = markdown().replace(/\| (\d{3,}) (?=\|)/g, (_, d: string) => {
      const m = marks[k++ % marks.length] as string;
      return `| ${m}${d}${m} `;
    });
    expect(md).toContain("| **3001** |");
    const r = parseText(md);
    expect(r.report.applications).toEqual(exp.applications);
    expect(r.report.reviewsAndLawsuits).toEqual(exp.reviewsAndLawsuits);
    expect(r.report.proactiveDisclosure).toEqual(exp.proactiveDisclosure);
    const unread = Object.values(r.report.provenance ?? {}).filter((p) => p?.status !== "printed");
    expect(unread).toEqual([]);
  });

  it("takes pairs of marks only; a note mark after a figure and a word's underscore stay", () => {
    expect(withoutEmphasis("**3001**")).toBe("3001");
    expect(withoutEmphasis("__3001__")).toBe("3001");
    expect(withoutEmphasis("*3001*")).toBe("3001");
    expect(withoutEmphasis("***3001***")).toBe("3001");
    expect(withoutEmphasis("结果维持**72**件，**行政复议**：")).toBe("结果维持72件，行政复议：");
    expect(withoutEmphasis("**行政复议 *72* 件**")).toBe("行政复议 72 件");
    expect(withoutEmphasis("264*")).toBe("264*");
    expect(withoutEmphasis("264* 12*")).toBe("264* 12*");
    expect(withoutEmphasis("264*，其中*为")).toBe("264*，其中*为");
    expect(withoutEmphasis("file_name_2024")).toBe("file_name_2024");
    expect(withoutEmphasis("****")).toBe("****");
    expect(pipeCells("| 规章 | 264* | **3** |")).toEqual(["规章", "264*", "3"]);
  });
});

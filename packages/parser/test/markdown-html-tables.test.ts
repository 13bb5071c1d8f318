/**
 * Markdown written by PDF-to-Markdown converters carries its tables as HTML between Markdown lines
 * (`## 三、…` then `<table><tr><td>…</td></tr></table>`): the tables are read as grids, the lines
 * as text. Read as plain text, the tags were words and the figures ran together.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { textSource } from "../src/sources/text.js";
import { CORPUS, expected } from "./helpers.js";

const TABLES = ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const;

/** A converter's Markdown of the rendered page: headings as `#`, paragraphs as lines, tables as bare HTML on one line. */
function converterMarkdown(stem: string): string {
  const html = readFileSync(join(CORPUS, `${stem}.rendered.html`), "utf8");
  const body = html.slice(html.indexOf("<body"), html.indexOf("</body>"));
  return body
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<h1[^>]*>([\s\S]*?)<\/h1>/g, "# $1\n")
    .replace(/<h2[^>]*>([\s\S]*?)<\/h2>/g, "\n## $1\n")
    .replace(/<p[^>]*>([\s\S]*?)<\/p>/g, "$1\n\n")
    .replace(/<\/?(?:body|div|section|article|main|header|footer)[^>]*>/g, "")
    .replace(/<colgroup>[\s\S]*?<\/colgroup>|<\/?t(?:head|body)>/g, "")
    .replace(/\s(?:class|data-[a-z]+|style|scope)="[^"]*"/g, "")
    .replace(/<(\/?)th\b/g, "<$1td")
    .replace(/<table[\s\S]*?<\/table>/g, (t) => t.replace(/\s*\n\s*/g, ""));
}

describe("Markdown with HTML tables", () => {
  it.each(["huaian-2024", "seed-2020"])("%s: every cell of the three tables", (stem) => {
    const md = converterMarkdown(stem);
    expect(md).toContain("<table><tr><td");
    const r = parseText(md);
    const want = expected(stem) as Record<string, unknown>;
    for (const key of TABLES) expect(r.report[key], key).toEqual(want[key]);
    expect([r.report.year, r.report.edition]).toEqual([want.year, want.edition]);
  });

  it("keeps the text's own line numbers, and reads text without a table as text", () => {
    const doc = textSource(
      "一、总体情况\n本年度依法公开。\n<table><tr><td>规章</td><td>1</td></tr></table>\n五、存在问题\n",
    );
    expect(doc.lines.map((l) => [l.text, l.lineNo])).toEqual([
      ["一、总体情况", 1],
      ["本年度依法公开。", 2],
      ["规章 1", 3],
      ["五、存在问题", 4],
    ]);
    expect(textSource("<table> 是一个词，没有行。").kind).toBe("text");
  });
});

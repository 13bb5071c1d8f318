/**
 * A figure printed in one explicit cell (an HTML or Word table cell, a `|` cell) with another
 * thousands separator than "," ("128 406", "447，228"), or a 本年增/减 figure printed with a
 * spaced sign or in words ("- 18", "减少18", "增加18", "±0"), is one number. Outside explicit
 * cells (a line of text, a PDF line) a space separates cells and nothing is joined.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml, parseText } from "../src/index.js";
import { tokenize } from "../src/tokens.js";
import { CORPUS, expected } from "./helpers.js";

/** The tokens of one cell as the grid readers tokenize it (at one grid column), as kind:value. */
const cell = (s: string) => tokenize(s, 0, { x0: 3, x1: 3, cell: true }).map((t) => `${t.kind}:${t.value ?? t.text}`);
/** The same text as a line of text (no cell), and as a PDF piece (a span of x). */
const line = (s: string) => tokenize(s, 0).map((t) => `${t.kind}:${t.value ?? t.text}`);
const pdfPiece = (s: string) => tokenize(s, 0, { x0: 100, x1: 140 }).map((t) => `${t.kind}:${t.value ?? t.text}`);

describe("thousands separators inside one cell", () => {
  it.each([
    ["128\u00a0406", 128406],
    ["128 406", 128406],
    ["128\u2009406", 128406],
    ["128\u202f406", 128406],
    ["447，228", 447228],
    ["447,228", 447228],
    ["3，985，758", 3985758],
    ["12 345 678", 12345678],
    ["96，171.6", 96171.6],
    ["1 234件", 1234],
  ])("%s is one number", (text, value) => {
    expect(cell(text)).toEqual([`num:${value}`]);
  });

  it.each([
    ["1 234,567", ["num:1", "num:234567"]],
    ["12 3456", ["num:12", "num:3456"]],
    ["1234 567", ["num:1234", "num:567"]],
    ["2 3", ["num:2", "num:3"]],
  ])("%s (no consistent d{1,3}(SEP d{3})+ groups) is not joined", (text, tokens) => {
    expect(cell(text)).toEqual(tokens);
  });

  it("outside explicit cells a space separates cells: a text line and a PDF piece are not joined", () => {
    expect(line("128 406")).toEqual(["num:128", "num:406"]);
    expect(line("128\u00a0406")).toEqual(["num:128", "num:406"]);
    expect(pdfPiece("128 406")).toEqual(["num:128", "num:406"]);
    expect(tokenize("128 406", 0, { x0: 3, x1: 3, cell: false }).length).toBe(2);
    expect(tokenize("128 406", 0, { cell: true }).map((t) => t.value)).toEqual([128406]);
  });

  it("an HTML page whose large figures print other separators reads every cell as printed", () => {
    const seps = ["&nbsp;", " ", "\u2009", "\u202f", "，", ","];
    let n = 0;
    const html = readFileSync(join(CORPUS, "huaian-2024.rendered.html"), "utf8").replace(
      /(<td class="gr-v"[^>]*>)(\d{4,})((?:\.\d+)?)<\/td>/g,
      (_, open: string, digits: string, frac: string) => {
        const sep = seps[n++ % seps.length] as string;
        const groups: string[] = [];
        for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
        return `${open}${groups.join(sep)}${frac}</td>`;
      },
    );
    expect(n).toBe(10);
    const { report } = parseHtml(html);
    const want = expected("huaian-2024");
    for (const key of ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const)
      expect(report[key], key).toEqual(want[key]);
  });
});

describe("a signed figure in one cell: spaced sign, words", () => {
  it.each([
    ["- 18", -18],
    ["－ 18", -18],
    ["— 18", -18],
    ["—18", -18],
    ["减少18", -18],
    ["减少 18 件", -18],
    ["减18", -18],
    ["增加18", 18],
    ["增18件", 18],
    ["+ 7", 7],
    ["±0", 0],
    ["减少0", 0],
  ])("%s is one signed number", (text, value) => {
    const tokens = tokenize(text, 0, { x0: 3, x1: 3, cell: true });
    expect(tokens.map((t) => [t.kind, t.value])).toEqual([["num", value]]);
    if (value !== 0) expect(tokens[0]?.signed).toBe(true);
  });

  it("labels, notes and text lines do not become numbers", () => {
    expect(cell("增加的项目")).toEqual(["text:增加的项目"]);
    expect(cell("减少18项")).toEqual(["text:减少18项"]);
    expect(cell("±5")).toEqual(["text:±", "num:5"]);
    expect(cell("—")).toEqual(["dash:0"]);
    expect(line("- 18")).toEqual(["dash:0", "num:18"]);
    expect(line("行政许可 减少18")).toEqual(["text:行政许可 减少", "num:18"]);
    expect(pdfPiece("- 18")).toEqual(["dash:0", "num:18"]);
  });

  it("a 2019 page printing 本年增/减 in words and with spaced signs reads every cell", () => {
    const printed: Record<string, string> = {
      licensing: "- 3",
      otherServices: "减少19件",
      penalties: "增加 1",
      coercion: "±0",
      fees: "— 2",
    };
    let html = readFileSync(join(CORPUS, "seed-2020.rendered.html"), "utf8");
    for (const [row, text] of Object.entries(printed)) {
      const at = `data-field="proactiveDisclosure.${row}.change">`;
      const start = html.indexOf(at) + at.length;
      expect(start, row).toBeGreaterThan(at.length);
      html = html.slice(0, start) + text + html.slice(html.indexOf("<", start));
    }
    const { report } = parseHtml(html);
    const want = expected("seed-2020").proactiveDisclosure as Record<string, Record<string, number>>;
    const values = { licensing: -3, otherServices: -19, penalties: 1, coercion: 0, fees: -2 };
    for (const [row, value] of Object.entries(values)) (want[row] as Record<string, number>).change = value;
    expect(report.proactiveDisclosure).toEqual(want);
    expect(report.provenance?.["proactiveDisclosure.licensing.change"]?.status).toBe("printed");
  });

  it("a `|` cell printing - 9 is -9 and the row's next cell keeps its column", () => {
    const md = readFileSync(join(CORPUS, "seed-2020.ocr.md"), "utf8").replace(
      "| 行政许可 | 0 | +9 | 13 |",
      "| 行政许可 | 0 | - 9 | 13 |",
    );
    const { report } = parseText(md);
    expect(report.proactiveDisclosure.licensing).toMatchObject({ previousCount: 0, change: -9, decisions: 13 });
  });
});

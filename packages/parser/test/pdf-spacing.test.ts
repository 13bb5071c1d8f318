import { describe, expect, it } from "vitest";
import type { Token } from "../src/doc.js";
import { type PdfItem, pdfSource } from "../src/sources/pdf.js";

const SIZE = 9.5;
/** An item at x; its width from its characters (digits 0.5 em, marks 0.25 em, ideographs 1 em) plus `gap` between them. */
function item(str: string, x: number, gap = 0, y = 500): PdfItem {
  const chars = [...str.replace(/ /g, "")];
  const adv = (c: string) => (/\d/.test(c) ? 0.5 : /[.,]/.test(c) ? 0.25 : 1) * SIZE;
  const width = chars.reduce((a, c) => a + adv(c), 0) + gap * (chars.length - 1);
  return { str, x, y, width, size: SIZE };
}
/** Items one character each, `gap` apart, from x on. */
function glyphs(text: string, x: number, gap: number, y = 500): PdfItem[] {
  const out: PdfItem[] = [];
  for (const c of text) {
    const it = item(c, x, 0, y);
    out.push(it);
    x += it.width + gap;
  }
  return out;
}
const row = (items: PdfItem[]) => pdfSource({ pages: [{ width: 595, height: 842, items }] }).lines;
const cells = (tokens: Token[]) => tokens.map((t) => `${t.kind}:${t.text}`);
/** A table row's one-digit figures in the value columns (41 pt apart from x = 311 on). */
const figures = (n: number, y = 500) => Array.from({ length: n }, (_, k) => item("0", 311 + 41 * k, 0, y));

describe("PDF letter spacing", () => {
  it("joins a letter-spaced figure of one cell, given as one item with spaces (1 0 8, 3 11 9)", () => {
    const [line] = row([item("3.其他", 136), item("1 0 8", 264, 1), ...figures(5), item("3 11 9", 507, 0.93)]);
    expect(cells(line?.tokens ?? [])).toEqual(["text:3.其他", "num:108", ...Array(5).fill("num:0"), "num:3119"]);
  });

  it("keeps two cramped cells of one item apart: one wide gap is no even letter spacing", () => {
    const cramped = { ...item("12 34", 300), width: 4 * 0.5 * SIZE + 5 };
    const [line] = row([cramped, item("5", 340), item("6", 355)]);
    expect(cells(line?.tokens ?? [])).toEqual(["num:12", "num:34", "num:5", "num:6"]);
  });

  it("reads a label's item number as a marker when its characters are letter-spaced", () => {
    const [a] = row([item("1 .", 136, 1), item("属 于 国 家 秘 密", 144.1, 1), ...figures(7)]);
    expect(a?.tokens[0]).toMatchObject({ kind: "text", text: "1.属于国家秘密" });
    const [b] = row([...glyphs("1.属于国家秘密", 136, 5.7), ...figures(7)]);
    expect(b?.tokens[0]).toMatchObject({ kind: "text", text: "1.属于国家秘密" });
    expect(b?.tokens.filter((t) => t.kind === "num")).toHaveLength(7);
  });

  it("leaves spaced figures as they are where the page shows no cell gap (a text printed as PDF)", () => {
    const [line] = row([item("2 0 0 0 0 0 2", 60, 2.4)]);
    expect(line?.tokens.filter((t) => t.kind === "num")).toHaveLength(7);
  });
});

describe("PDF blank-cell marks in the label column", () => {
  const mark = "\u65e0";
  it("reads a vertical label's character as label text, not a blank cell", () => {
    const lines = row([
      item("\u4e0d", 102, 0, 520),
      item("4.abc", 136, 0, 520),
      ...figures(7, 520),
      item(mark, 102, 0, 500),
      item("11", 268, 0, 500),
      ...figures(6, 500),
    ]);
    const own = lines[1]?.tokens ?? [];
    expect(own[0]).toMatchObject({ kind: "text", text: mark });
    expect(own.filter((t) => t.kind === "num")).toHaveLength(7);
  });

  it("keeps a mark in a value column a blank cell", () => {
    const lines = row([...figures(7, 520), item(mark, 309, 0, 500), ...figures(7, 500).slice(1)]);
    expect(lines[1]?.tokens[0]).toMatchObject({ kind: "dash", text: mark });
  });
});

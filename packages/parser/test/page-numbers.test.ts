import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { CORPUS, STEMS } from "./helpers.js";

/** pdftotext output of a rendered fixture: its pages end with a form feed. */
const pdftotext = (stem: string) => readFileSync(join(CORPUS, `${stem}.rendered-pdftotext.txt`), "utf8");
const TABLES = ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const;
const tables = (r: ReturnType<typeof parseText>) => TABLES.map((k) => (r.report as Record<string, unknown>)[k]);
const codes = (r: ReturnType<typeof parseText>) => r.diagnostics.map((d) => d.code);

/** The text with page k's bare number (no dashes) printed as the last line of every page k. */
function bareFooters(text: string): string {
  const pages = text.split("\f");
  return pages.map((p, k) => (k < pages.length - 1 ? `${p}\n${k + 1}\n` : p)).join("\f");
}

/** Page 1's bare number printed between two lines of 表二 (before the figure of 行政许可), not at its foot. */
function midTableNumber(text: string, figure: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.trim() === figure);
  return [...lines.slice(0, at), "1", ...lines.slice(at)].join("\n");
}

describe("bare page numbers in text extracted from a PDF (form feeds between pages)", () => {
  it.each(STEMS)("%s: a bare number at the foot of each page is its page number, taken out", (stem) => {
    const text = pdftotext(stem);
    const plain = parseText(text);
    const footers = parseText(bareFooters(text));
    expect(tables(footers)).toEqual(tables(plain));
    expect(footers.confidence).toBe(plain.confidence);
  });

  it("a bare page number inside 表二: the other pages' numbers and the row count take it out", () => {
    const text = pdftotext("hongze-2024");
    const pages = bareFooters(text).split("\f");
    // Page 1's number moved from its foot to the middle of 表二.
    pages[0] = midTableNumber((pages[0] as string).replace(/\n1\n$/, "\n"), "9487");
    const r = parseText(pages.join("\f"));
    expect(tables(r)).toEqual(tables(parseText(text)));
    const d = r.diagnostics.find((x) => x.code === "numbers.page-number");
    expect(d?.path).toEqual(["proactiveDisclosure"]);
    expect(d?.message).toContain("“1”");
  });

  it("without the page sequence (no form feeds) the figure is not taken out and no cell is a confident guess", () => {
    const text = pdftotext("hongze-2024").replaceAll("\f", "");
    const r = parseText(midTableNumber(text, "9487"));
    const p = r.report.provenance?.["proactiveDisclosure.licensing.decisions"];
    expect(["ambiguous", "unread"]).toContain(p?.status);
    expect(codes(r)).not.toContain("numbers.page-number");
  });
});

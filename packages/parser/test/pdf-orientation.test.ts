import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../src/index.js";
import { type PageViewport, placeItems, type RawTextItem } from "../src/sources/pdf-orientation.js";
import { CORPUS } from "./helpers.js";

// An A4 page's viewports as pdf.js gives them (scale 1, view [0 0 595 842]).
const W = 595;
const H = 842;
const UPRIGHT: PageViewport = { width: W, height: H, transform: [1, 0, 0, -1, 0, H] };
const ROTATE_90: PageViewport = { width: H, height: W, transform: [0, 1, 1, 0, 0, 0] };
const ROTATE_270: PageViewport = { width: H, height: W, transform: [0, -1, -1, 0, H, W] };

/** An item of `str` at (x, y) in user space whose text runs at `quarter` quarter turns anticlockwise. */
function item(str: string, x: number, y: number, quarter = 0, size = 10): RawTextItem {
  const [cos, sin] = (
    [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ] as const
  )[quarter] ?? [1, 0];
  return {
    str,
    transform: [size * cos, size * sin, -size * sin, size * cos, x, y],
    width: str.length * size,
    height: size,
  };
}

const where = (placed: ReturnType<typeof placeItems>) => placed.items.map((i) => [i.str, i.x, i.y]);

describe("PDF items placed as the page is read", () => {
  it("keeps an upright page's items exactly where pdf.js puts them", () => {
    const raw = [item("a", 77.84, 753.42), item("b", 105.04, 679.17), item("up", 40, 300, 1)];
    const placed = placeItems(raw, UPRIGHT);
    expect(where(placed)).toEqual([
      ["a", 77.84, 753.42],
      ["b", 105.04, 679.17],
      ["up", 40, 300],
    ]);
    expect([placed.width, placed.height]).toEqual([W, H]);
  });

  it("reads a /Rotate 90 page whose content is drawn turned as it is shown: upright, landscape", () => {
    // Displayed upright: text at the top left of the landscape page runs along user y.
    const placed = placeItems([item("title", 72, 57, 1), item("row", 100, 57, 1)], ROTATE_90);
    expect([placed.width, placed.height]).toEqual([H, W]);
    const [title, row] = placed.items;
    expect([title?.x, title?.y]).toEqual([57, W - 72]);
    expect((title?.y ?? 0) > (row?.y ?? 0)).toBe(true);
    expect(title?.size).toBe(10);
  });

  it("reads a /Rotate 270 page the same way", () => {
    const placed = placeItems([item("title", W - 72, H - 57, 3), item("row", W - 100, H - 57, 3)], ROTATE_270);
    expect([placed.width, placed.height]).toEqual([H, W]);
    const [title, row] = placed.items;
    expect(title?.x).toBeCloseTo(57, 9);
    expect(title?.y).toBeCloseTo(W - 72, 9);
    expect((title?.y ?? 0) > (row?.y ?? 0)).toBe(true);
  });

  it("turns back a page whose text mostly runs up the page, with no /Rotate", () => {
    const raw = [item("title", 72, 57, 1), item("row", 100, 57, 1), item("p", 500, 20)];
    const placed = placeItems(raw, UPRIGHT);
    expect([placed.width, placed.height]).toEqual([H, W]);
    expect(where(placed).slice(0, 2)).toEqual([
      ["title", 57, W - 72],
      ["row", 57, W - 100],
    ]);
  });

  it("turns back text running down the page, and text upside down", () => {
    const down = placeItems([item("title", W - 72, H - 57, 3), item("row", W - 100, H - 57, 3)], UPRIGHT);
    expect(where(down)).toEqual([
      ["title", 57, W - 72],
      ["row", 57, W - 100],
    ]);
    // Upside down, the title (read first) sits at the bottom right of the page as shown.
    const upsideDown = placeItems([item("title", W - 57, 72, 2), item("row", W - 57, 100, 2)], UPRIGHT);
    expect([upsideDown.width, upsideDown.height]).toEqual([W, H]);
    expect(where(upsideDown)).toEqual([
      ["title", 57, H - 72],
      ["row", 57, H - 100],
    ]);
  });

  it("keeps a page upright when turned text is not the most of it", () => {
    const raw = [item("turned label", 40, 300, 1), item("body text here", 72, 700), item("more", 72, 680)];
    expect(where(placeItems(raw, UPRIGHT))).toEqual([
      ["turned label", 40, 300],
      ["body text here", 72, 700],
      ["more", 72, 680],
    ]);
  });
});

// Reading a PDF takes seconds on a loaded 2-core machine (the first one loads pdf.js too).
const PDF_TIMEOUT = 60_000;

// scripts/make-rotated-corpus.ts: the table pages printed landscape and stored turned in a portrait file.
describe("table pages stored turned read in full", () => {
  it.each([
    ["huaian-2024.rotate90", "huaian-2024"],
    ["seed-2020.rotate270", "seed-2020"],
    ["huaian-2024.turned-text", "huaian-2024"],
  ])(
    "%s: every table cell, no flag",
    async (file, stem) => {
      const { report, diagnostics } = await parseReport({
        pdf: new Uint8Array(readFileSync(join(CORPUS, `${file}.pdf`))),
      });
      const expected = JSON.parse(readFileSync(join(CORPUS, `${file}.expected.json`), "utf8"));
      for (const key of ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const) {
        expect(report[key], key).toEqual(expected[key]);
      }
      expect([report.edition, report.year, report.agency.name]).toEqual([
        expected.edition,
        expected.year,
        expected.agency.name,
      ]);
      expect(Object.values(report.provenance ?? {}).filter((p) => p?.status !== "printed").length, stem).toBe(0);
      expect(diagnostics.filter((d) => d.severity !== "info").map((d) => d.code)).toEqual([]);
    },
    PDF_TIMEOUT,
  );
});

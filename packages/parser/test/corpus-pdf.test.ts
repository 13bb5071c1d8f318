import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../src/index.js";
import { CORPUS, FIXTURES } from "./helpers.js";

const NAMES = ["seed-2020", "huaian-2024", "hongze-2023", "hongze-2024"];
// Reading a PDF takes seconds on a loaded 2-core machine (the first one loads pdf.js too).
const PDF_TIMEOUT = 60_000;

/** Parses a corpus PDF and checks every table cell, edition and year against the fixture. */
async function readsEveryCell(file: string, stem: string) {
  const result = await parseReport({ pdf: new Uint8Array(readFileSync(join(CORPUS, file))) });
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${stem}.expected.json`), "utf8"));
  for (const key of ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const) {
    expect(result.report[key], key).toEqual(expected[key]);
  }
  expect([result.report.edition, result.report.year]).toEqual([expected.edition, expected.year]);
  return result;
}

// PDFs printed by the renderer: labels wrap around vertically centred figures, and Chromium splits
// text items inside words ("申请人" | "无" | "正当理由"): a lone "无" must not be read as a cell.
describe("rendered PDFs read back", () => {
  it.each(NAMES)(
    "%s: every table cell",
    async (name) => {
      await readsEveryCell(`${name}.rendered.pdf`, name);
    },
    PDF_TIMEOUT,
  );
});

// Figures wider than their cells wrap ("300" over "1"); the row's other figures sit between.
describe("figures wrapped inside narrow cells", () => {
  it(
    "joins the pieces where the row and group totals then add up, and says so",
    async () => {
      const { diagnostics } = await readsEveryCell("huaian-2024.wrapped.pdf", "huaian-2024");
      const wrapped = diagnostics.filter((d) => d.code === "cell.wrapped").map((d) => d.messageEn);
      expect(wrapped.join("\n")).toContain("300/1");
      expect(wrapped.some((m) => m.startsWith("Table 4"))).toBe(true);
    },
    PDF_TIMEOUT,
  );
});

// Zeros left blank (a whole row of 表三 printing no figure at all), with the wrapping above.
describe("blank cells", () => {
  it(
    "reads every cell; a row with no figure is proven 0 by the column totals, the next row keeps its own figures",
    async () => {
      const { diagnostics, report } = await readsEveryCell("huaian-2024.blank-zeros.pdf", "huaian-2024");
      expect(diagnostics.filter((d) => d.code === "cell.blank").length).toBeGreaterThan(50);
      // The two rows of zeros print no figure at all: the printed column totals prove them 0.
      expect(diagnostics.filter((d) => d.code === "row.missing")).toEqual([]);
      expect(diagnostics.filter((d) => d.code === "row.blank-zero").map((d) => d.path?.join("."))).toEqual([
        "applications.outcomes.notProcessed.publications",
        "applications.outcomes.notProcessed.excessiveRequests",
      ]);
      expect(report.provenance?.["applications.outcomes.notProcessed.publications.total"]).toEqual({
        status: "inferred",
        by: "applications.column-total",
      });
    },
    PDF_TIMEOUT,
  );
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { score } from "../scripts/eval.js";
import { parseReport } from "../src/index.js";
import { expected, FIXTURES, PDF_STEMS, pdfBytes } from "./helpers.js";

// Reading a PDF takes seconds on a loaded 2-core machine: every PDF test has its own generous timeout.
const PDF_TIMEOUT = 60_000;

describe("real fixtures: every cell as printed", () => {
  for (const stem of PDF_STEMS) {
    it(
      `${stem}.pdf`,
      async () => {
        const exp = expected(stem);
        const { report, confidence } = await parseReport({ pdf: pdfBytes(stem) });
        const s = score(exp, report as unknown as Record<string, unknown>);
        expect(s.misses).toEqual([]);
        expect(report.agency.name).toBe((exp.agency as { name: string }).name);
        expect(confidence).toBeGreaterThan(0.8);
      },
      PDF_TIMEOUT,
    );
  }

  it("seed-2020.txt: cells, empty agency, and the narrative exactly as fixtures/README.md describes", async () => {
    const exp = expected("seed-2020");
    const { report, diagnostics } = await parseReport({ text: readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8") });
    expect(score(exp, report as unknown as Record<string, unknown>).misses).toEqual([]);
    expect(report.agency.name).toBe("");
    expect(diagnostics.map((d) => d.code)).toContain("agency.missing");
    for (const k of ["overview", "problemsAndImprovements", "otherMatters"] as const) expect(report[k]).toBe(exp[k]);
  });

  it(
    "hongze: the 2019 single （六） row goes to otherReasons; a row of zeros makes every sub-row 0, and says so",
    async () => {
      const { report, diagnostics } = await parseReport({ pdf: pdfBytes("hongze-2023") });
      expect(report.edition).toBe("2021");
      const d = diagnostics.find((x) => x.code === "row.single-other");
      expect(d?.severity).toBe("info");
      expect(d?.path).toEqual(["applications", "outcomes", "other"]);
      expect(d?.source?.page).toBe(4);
      expect(d?.message).toContain("三个子项因此均为 0");
      expect(report.provenance?.["applications.outcomes.other.unpaidFees.total"]).toEqual({
        status: "inferred",
        by: "row.single-other",
      });
    },
    PDF_TIMEOUT,
  );

  it(
    "huaian: the PDF narrative is read into the three text sections",
    async () => {
      const { report } = await parseReport({ pdf: pdfBytes("huaian-2024") });
      expect(report.overview.startsWith("2024年，我市坚持以习近平新时代")).toBe(true);
      expect(report.overview.split("\n")).toHaveLength(6);
      expect(report.otherMatters).toContain("3940 元");
      expect(report.problemsAndImprovements).not.toContain("六、");
    },
    PDF_TIMEOUT,
  );
});

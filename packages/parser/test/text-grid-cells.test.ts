/**
 * Cells of a `|` text table keep their columns: a figure printed with letters for digits (OCR) is
 * unread, never a blank 0; a 表四 row whose totals fail is read as printed (the validator tells),
 * and with a figure more than its cells it is said to be unsure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { CORPUS } from "./helpers.js";

const pipe = readFileSync(join(CORPUS, "huaian-2024.pipe.txt"), "utf8");
const want = JSON.parse(readFileSync(join(CORPUS, "huaian-2024.pipe.expected.json"), "utf8"));
const ROW = "|  |  | 0 |  |  |  | 2 |  | 439 | 20 | 461 |  |  |  | 396 | 396";

function read(row: string) {
  expect(pipe).toContain(ROW);
  const r = parseText(pipe.replace(ROW, row));
  const prov = r.report.provenance ?? {};
  const illegible = r.diagnostics.filter((d) => d.code === "cell.illegible");
  return { r, prov, illegible };
}

describe("illegible figures in table cells", () => {
  it("reads 4S9 as an unread cell in its own column, the others as printed", () => {
    const { r, prov, illegible } = read(ROW.replace("| 439 |", "| 4S9 |"));
    expect(prov["reviewsAndLawsuits.lawsuitWithoutReview.other"]?.status).toBe("unread");
    expect(illegible.map((d) => d.path?.join("."))).toEqual(["reviewsAndLawsuits.lawsuitWithoutReview.other"]);
    expect(illegible[0]?.severity).toBe("warning");
    const { other: _, ...rest } = r.report.reviewsAndLawsuits.lawsuitWithoutReview;
    const { other: __, ...wantRest } = want.reviewsAndLawsuits.lawsuitWithoutReview;
    expect(rest).toEqual(wantRest);
    expect(r.report.reviewsAndLawsuits.lawsuitAfterReview).toEqual(want.reviewsAndLawsuits.lawsuitAfterReview);
  });

  it("reads a lone l (for 1) as unread, not blank", () => {
    const { prov, illegible } = read(ROW.replace("| 2 |", "| l |"));
    expect(prov["reviewsAndLawsuits.lawsuitWithoutReview.upheld"]?.status).toBe("unread");
    expect(illegible).toHaveLength(1);
  });

  it("keeps figures and blank marks as they were", () => {
    const { r, illegible } = read(ROW);
    expect(illegible).toHaveLength(0);
    expect(r.report.reviewsAndLawsuits).toEqual(want.reviewsAndLawsuits);
  });
});

describe("a 表四 text grid row whose totals fail", () => {
  it("is read as printed, each figure in its own cell", () => {
    const { r, prov } = read(ROW.replace("| 461 |", "| 460 |"));
    expect(r.report.reviewsAndLawsuits.lawsuitWithoutReview).toEqual({
      ...want.reviewsAndLawsuits.lawsuitWithoutReview,
      total: 460,
    });
    expect(r.report.reviewsAndLawsuits.lawsuitAfterReview).toEqual(want.reviewsAndLawsuits.lawsuitAfterReview);
    expect(prov["reviewsAndLawsuits.lawsuitWithoutReview.total"]?.status).toBe("printed");
  });
});

describe("a 表四 row with one figure more than its cells", () => {
  it("reads the first fifteen as printed and says their places are unsure when they do not add up", () => {
    const row = "9 0 0 0 0 0 2 0 439 20 461 0 0 0 396 396";
    const { r } = read(row);
    const codes = r.diagnostics.filter((d) => d.path?.[0] === "reviewsAndLawsuits").map((d) => d.code);
    expect(codes).toContain("cell.position-unsure");
  });

  it("says nothing when the fifteen add up", () => {
    const { r } = read("0 0 0 0 0 2 0 439 20 461 0 0 0 396 396");
    expect(r.report.reviewsAndLawsuits).toEqual(want.reviewsAndLawsuits);
    expect(r.diagnostics.map((d) => d.code)).not.toContain("cell.position-unsure");
  });
});

/** OCR Markdown: a repeated row of 表三's column headers is no table row. */
import { describe, expect, it } from "vitest";
import { generate, prng } from "../scripts/roundtrip.js";
import { shapeFor } from "../scripts/shapes/index.js";
import { parseText } from "../src/index.js";

describe("column header rows in OCR Markdown", () => {
  // Report #25 of the round trip with seed 777: after a page break and the repeated heading,
  // the column headers (…自然人…总计) come before the label-less （七）总计 figures.
  it("the label-less figures after a repeated header keep their row", { timeout: 60_000 }, () => {
    const report = generate(26, 777)[25];
    const shape = shapeFor("ocr");
    if (!report || !shape) throw new Error("the round trip generates report #25 and the ocr shape");
    const { content, expected } = shape.make(report, prng(777 * 7919 + 25));
    const r = parseText(content);
    expect(Object.values(r.report.applications.outcomes.total)).toEqual(
      Object.values(expected.applications.outcomes.total),
    );
  });
});

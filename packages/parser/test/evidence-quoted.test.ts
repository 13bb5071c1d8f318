/** The overview's quoted figures as evidence: core's QUOTED_METRICS, the data of rule 10. */
import { QUOTED_METRICS } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { weigh } from "../src/evidence/evidence.js";
import { buildEvidence, quotedFacts } from "../src/evidence/facts.js";

const described = (facts: ReturnType<typeof quotedFacts>) =>
  facts.map((f) => [f.terms.map((t) => t.path.join(".")).join("+"), f.value, Boolean(f.approximate)]);

describe("figures the overview quotes", () => {
  it("a figure with one reading in the edition is an exact fact on core's cells", () => {
    const facts = quotedFacts("2021", "本年度收到政府信息公开申请12件，行政复议3件，行政诉讼2件。");
    expect(described(facts)).toEqual([
      ["applications.received.total", 12, false],
      ["reviewsAndLawsuits.administrativeReview.total", 3, false],
      ["reviewsAndLawsuits.lawsuitWithoutReview.total+reviewsAndLawsuits.lawsuitAfterReview.total", 2, false],
    ]);
    expect(facts.every((f) => f.by === "text.quoted")).toBe(true);
  });

  it("a figure with several readings confirms one and rules none out; an edition without the cell gives none", () => {
    const text = "现行有效行政规范性文件380件。";
    expect(described(quotedFacts("2021", text))).toEqual(
      QUOTED_METRICS.inForce.cells["2021"].map((cells) => [cells.map((p) => p.join(".")).join("+"), 380, true]),
    );
    expect(quotedFacts("2019", text)).toEqual([]);
  });

  it("only 一、总体情况 is read for them (rule 10), as the validator does", () => {
    const problems = "上年收到政府信息公开申请7件。";
    expect(buildEvidence("2021", { problemsAndImprovements: problems }).facts).toEqual([]);
    expect(buildEvidence("2021", { overview: problems }).facts.map((f) => f.value)).toEqual([7]);
  });

  it("decides between readings of 表三 the equations leave open", () => {
    const evidence = buildEvidence("2021", { overview: "本年度共收到政府信息公开申请12件。" });
    const paths = [
      ["applications", "received", "naturalPerson"],
      ["applications", "received", "total"],
    ];
    const w = weigh(
      evidence,
      paths,
      [
        [2, 2],
        [12, 12],
      ],
      () => undefined,
    );
    expect(w).toEqual({ readings: [[12, 12]], by: "text.quoted" });
  });
});

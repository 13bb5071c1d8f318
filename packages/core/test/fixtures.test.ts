import { describe, expect, it } from "vitest";
import { reportSchema, validateReport } from "../src/index.js";
import { errorsOf, FIXTURE_NAMES, fixture } from "./helpers.js";

// The rule faults each fixture's README lists (fixtures/README.md, "invariants broken").
const EXPECTED_ERRORS: Record<(typeof FIXTURE_NAMES)[number], string[]> = {
  "seed-2020": [],
  "huaian-2024": [],
  "hongze-2023": [
    "reviews.group-total reviewsAndLawsuits.administrativeReview.total",
    "reviews.group-total reviewsAndLawsuits.lawsuitAfterReview.total",
  ],
  "hongze-2024": [],
};

describe.each(FIXTURE_NAMES)("fixture %s", (name) => {
  const report = fixture(name);

  it("is structurally a report for the zod schema", () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it("gets exactly the rule faults its README lists", () => {
    const result = validateReport(report);
    expect(result.report).toBeDefined();
    expect(errorsOf(result.issues)).toEqual(EXPECTED_ERRORS[name]);
    expect(result.ok).toBe(EXPECTED_ERRORS[name].length === 0);
  });

  it("gets no warning beyond empty narrative sections (the PDF fixtures leave them empty on purpose)", () => {
    const warnings = validateReport(report).issues.filter((i) => i.severity === "warning");
    for (const w of warnings) expect(w.code).toBe("text.empty-section");
    if (name === "seed-2020") expect(warnings).toEqual([]);
  });
});

describe("hongze-2023 messages", () => {
  it("names the broken cell by its printed labels, with the parts as related cells", () => {
    const issue = validateReport(fixture("hongze-2023")).issues.find((i) => i.code === "reviews.group-total");
    expect(issue).toMatchObject({
      message: "表四 行政复议 · 总计：各项之和为 11，报告填写 0",
      messageEn: "Table 4, Administrative review: Total: the parts add up to 11, the report says 0",
      expected: 11,
      actual: 0,
      related: [
        ["reviewsAndLawsuits", "administrativeReview", "upheld"],
        ["reviewsAndLawsuits", "administrativeReview", "corrected"],
        ["reviewsAndLawsuits", "administrativeReview", "other"],
        ["reviewsAndLawsuits", "administrativeReview", "pending"],
      ],
    });
  });
});

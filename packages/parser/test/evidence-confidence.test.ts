/** Confidence is read from the parse's one validation (core's validateReport), not from a check of its own. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { numericCellsOf, type ValidationResult, validateReport } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { confidenceOf, UNREAD_TABLE_CAP } from "../src/confidence.js";
import { parseHtml, parseText } from "../src/index.js";
import { CORPUS, FIXTURES } from "./helpers.js";

const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
const printed = Object.fromEntries(numericCellsOf("2021").map((c) => [c.id, { status: "printed" as const }]));
const none: ValidationResult = { ok: true, issues: [] };
const share = (n: number) =>
  Math.round(((numericCellsOf("2021").length - n) / numericCellsOf("2021").length) * 100) / 100;

describe("confidenceOf(edition, validation, provenance, diagnostics)", () => {
  it("is 1 for a printed report whose validation found no broken equation", () => {
    expect(confidenceOf("2021", none, printed, [])).toBe(1);
  });

  it("loses every cell a constraint issue names (its path and related cells), and only those", () => {
    const issue = {
      code: "reviews.group-total",
      severity: "error" as const,
      path: ["reviewsAndLawsuits", "administrativeReview", "total"],
      related: ["upheld", "corrected", "other", "pending"].map((k) => [
        "reviewsAndLawsuits",
        "administrativeReview",
        k,
      ]),
      message: "",
      messageEn: "",
    };
    expect(confidenceOf("2021", { ok: false, issues: [issue] }, printed, [])).toBe(share(5));
    // An issue of another rule (here a quoted figure) is not an equation of the table.
    const text = { ...issue, code: "text.figure-mismatch", path: ["overview"], related: [issue.path] };
    expect(confidenceOf("2021", { ok: true, issues: [text] }, printed, [])).toBe(1);
  });

  it("a table none of whose cells was read caps it; an unreadable input scores 0", () => {
    const unread: Record<string, { status: "printed" | "unread" }> = { ...printed };
    for (const c of numericCellsOf("2021")) if (c.section === "applications") unread[c.id] = { status: "unread" };
    expect(confidenceOf("2021", none, unread, [])).toBeLessThanOrEqual(UNREAD_TABLE_CAP);
    const fatal = { code: "input.unreadable", severity: "error" as const, message: "", messageEn: "" };
    expect(confidenceOf("2021", none, printed, [fatal])).toBe(0);
  });

  it("a parse scores what its report's validation says (洪泽区 2023 prints 表四's totals as 0)", () => {
    const r = parseHtml(readFileSync(join(CORPUS, "hongze-2023.rendered.html"), "utf8"));
    const cells = numericCellsOf(r.report.edition);
    const v = validateReport(r.report);
    const named = new Set(
      v.issues
        .filter((i) => i.code.startsWith("applications.") || i.code.startsWith("reviews."))
        .flatMap((i) => [i.path, ...i.related].map((p) => p.join("."))),
    );
    const good = cells.filter((c) => {
      const s = r.report.provenance?.[c.id]?.status;
      return (s === "printed" || s === "blank") && !named.has(c.id);
    }).length;
    expect(v.issues.some((i) => i.code === "reviews.group-total")).toBe(true);
    expect(r.confidence).toBeLessThan(1);
    expect(r.confidence).toBe(Math.round((good / cells.length) * 100) / 100);
    // …and a fully printed consistent report scores 1.
    expect(parseText(seed).confidence).toBe(1);
  });
});

/** The preview's rendering: the print copy's stylesheet carries the renderer's marks of unknown cells. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "@gov-report/core/lite";
import { MARK_CSS, REPORT_CSS } from "@gov-report/renderer";
import { describe, expect, it } from "vitest";
import { renderReport } from "../src/io/render.js";

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "..", "fixtures", name), "utf8")) as Report;

/** huaian-2024 as read from a document: one cell unread, one read two ways. */
function parsed(): Report {
  const report = fixture("huaian-2024.expected.json");
  const provenance = {
    "applications.outcomes.notProcessed.publications.business": { status: "unread" },
    "proactiveDisclosure.normativeDocuments.issued": { status: "ambiguous", candidates: [45, 4] },
  };
  return { ...report, provenance } as Report;
}

describe("the preview's rendering", () => {
  it("styles the print copy with REPORT_CSS and MARK_CSS, as the renderer's own page is styled", async () => {
    const rendered = await renderReport(parsed());
    expect(MARK_CSS.trim()).not.toBe("");
    expect(rendered.css).toContain(REPORT_CSS);
    expect(rendered.css).toContain(MARK_CSS);
    // The fragment uses the classes MARK_CSS styles, and the page frame carries the same rules.
    expect(rendered.fragment).toMatch(/<td class="[^"]*\bgr-unread\b[^"]*"[^>]*>未读</);
    expect(rendered.fragment).toMatch(/class="[^"]*\bgr-ambiguous\b/);
    expect(rendered.fragment).toContain("45/4?");
    expect(rendered.fragment).toContain("gr-legend");
    expect(rendered.page).toContain(MARK_CSS);
  });

  it("keeps the same stylesheet for a report without marks (nothing in it is unknown)", async () => {
    const rendered = await renderReport(fixture("huaian-2024.expected.json"));
    expect(rendered.css).toBe(REPORT_CSS + MARK_CSS);
    expect(rendered.fragment).not.toContain("gr-legend");
  });
});

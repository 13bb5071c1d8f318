/** A table with every value cell blank is read as blanks and said (the figures may be where the reader cannot see). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../src/index.js";
import { CORPUS } from "./helpers.js";

const page = readFileSync(join(CORPUS, "huaian-2024.rendered.html"), "utf8");
/** The page with every figure of `table` taken out of its cell. */
const emptied = (table: string) => page.replace(new RegExp(`(data-field="${table}\\.[^"]+">)[^<]*<`, "g"), "$1<");

describe("a table of blank cells", () => {
  it("reads 表四 as blanks and warns once, for that table", () => {
    const html = emptied("reviewsAndLawsuits");
    expect(html).not.toBe(page);
    const r = parseHtml(html);
    const statuses = Object.entries(r.report.provenance ?? {})
      .filter(([k]) => k.startsWith("reviewsAndLawsuits."))
      .map(([, p]) => p?.status);
    expect(new Set(statuses)).toEqual(new Set(["blank"]));
    const said = r.diagnostics.filter((d) => d.code === "table.all-blank");
    expect(said.map((d) => [d.severity, d.path])).toEqual([["warning", ["reviewsAndLawsuits"]]]);
    expect(said[0]?.message).toContain("表四");
  });

  it("says nothing of tables that print figures", () => {
    const r = parseHtml(page);
    expect(r.diagnostics.map((d) => d.code)).not.toContain("table.all-blank");
  });
});

/** A table printed twice in its section (a web page's desktop and mobile copies): read once, and said. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../src/index.js";
import { CORPUS, expected } from "./helpers.js";

const STEM = "hongze-2023";
const html = readFileSync(join(CORPUS, `${STEM}.rendered.html`), "utf8");

/** The page with a table's copy right after it, every figure of the copy replaced. */
function withCopy(table: string, figure: (f: string) => string): string {
  const start = html.indexOf(`<table class="gr-table gr-${table}`);
  const end = html.indexOf("</table>", start) + "</table>".length;
  const copy = html
    .slice(start, end)
    .replace(/(<td class="gr-v"[^>]*>)([^<]*)<\/td>/g, (_, open: string, f: string) => `${open}${figure(f)}</td>`);
  return html.slice(0, end) + copy + html.slice(end);
}

describe("a table printed twice", () => {
  it.each(["proactiveDisclosure", "applications"] as const)("%s: the first copy is read, the other said", (table) => {
    const want = expected(STEM) as Record<string, unknown>;
    for (const figure of [(f: string) => f, () => "9", () => ""]) {
      const r = parseHtml(withCopy(table, figure));
      expect(r.report[table]).toEqual(want[table]);
      const d = r.diagnostics.find((x) => x.code === "table.repeated");
      expect(d?.severity).toBe("warning");
      expect(r.diagnostics.some((x) => x.code === "numbers.unassigned")).toBe(false);
    }
  });

  it("says nothing of a table printed once", () => {
    expect(parseHtml(html).diagnostics.some((d) => d.code === "table.repeated")).toBe(false);
  });
});

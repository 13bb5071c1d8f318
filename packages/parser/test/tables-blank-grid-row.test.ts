/** A table grid's data row printed with every cell blank (a row of zeros, as small agencies print them). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../src/index.js";
import { htmlSource } from "../src/sources/html.js";
import { CORPUS, expected } from "./helpers.js";

const blankZeros = (html: string) => html.replace(/(<td class="gr-v"[^>]*>)0<\/td>/g, "$1</td>");

describe("a grid row of empty cells", () => {
  it("seed-2020 with its zero cells blank: 表四's empty data row is fifteen blank cells, not unread", () => {
    const r = parseHtml(blankZeros(readFileSync(join(CORPUS, "seed-2020.rendered.html"), "utf8")));
    const want = expected("seed-2020") as Record<string, unknown>;
    expect(r.report.reviewsAndLawsuits).toEqual(want.reviewsAndLawsuits);
    const t4 = Object.entries(r.report.provenance ?? {}).filter(([k]) => k.startsWith("reviewsAndLawsuits."));
    expect(new Set(t4.map(([, p]) => p?.status))).toEqual(new Set(["blank"]));
  });

  it("is kept as a line of how many cells it has; a spacer row of one or two cells is not", () => {
    const doc = htmlSource(
      `<table><tr><td>行政复议</td></tr><tr>${"<td></td>".repeat(15)}</tr><tr><td></td><td></td></tr></table>`,
    );
    expect(doc.lines.map((l) => [l.text, l.emptyCells])).toEqual([
      ["行政复议", undefined],
      ["", 15],
    ]);
  });
});

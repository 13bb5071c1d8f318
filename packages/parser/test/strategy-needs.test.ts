/** Strategies declare what they need of the source; readers use those the source meets. */
import { describe, expect, it } from "vitest";
import type { SourceDoc } from "../src/doc.js";
import { REORDERED_RUNS } from "../src/strategies/reordered-runs.js";
import { firstReading, meets, type Strategy } from "../src/strategies/strategy.js";
import { WRAPPED_BANDS } from "../src/strategies/wrapped-bands.js";
import { WRAPPED_ROW } from "../src/strategies/wrapped-row.js";

const doc = (kind: SourceDoc["kind"], positional: boolean): SourceDoc => ({ kind, lines: [], positional });

describe("strategy needs", () => {
  it("a strategy applies only where the source meets every need it declares", () => {
    expect(meets(doc("pdf", true), WRAPPED_BANDS)).toBe(true);
    expect(meets(doc("html", true), WRAPPED_BANDS)).toBe(false);
    expect(meets(doc("html", true), WRAPPED_ROW)).toBe(true);
    expect(meets(doc("text", false), WRAPPED_ROW)).toBe(false);
    expect(meets(doc("text", false), REORDERED_RUNS)).toBe(true);
    // `|` text read as a grid has positions: no longer a text flow.
    expect(meets(doc("text", true), REORDERED_RUNS)).toBe(false);
    expect(meets(doc("text", false), { name: "any", needs: [] })).toBe(true);
    // A table grid's columns are exact; a PDF's positions are x on a page.
    expect(meets(doc("html", true), { name: "g", needs: ["grid"] })).toBe(true);
    expect(meets(doc("text", true), { name: "g", needs: ["grid"] })).toBe(true);
    expect(meets(doc("pdf", true), { name: "g", needs: ["grid"] })).toBe(false);
  });

  it("the first strategy that applies and gives a reading wins, in order", () => {
    const seen: string[] = [];
    const s = (name: string, needs: Strategy<number, string>["needs"], out?: string): Strategy<number, string> => ({
      name,
      needs,
      read: (n) => {
        seen.push(name);
        return out === undefined ? undefined : `${out}${n}`;
      },
    });
    const list = [s("grid", ["positions"], "g"), s("declines", []), s("flow", ["text-flow"], "f"), s("last", [], "l")];
    expect(firstReading(doc("text", false), list, 1)).toBe("f1");
    expect(seen).toEqual(["declines", "flow"]);
    expect(firstReading(doc("html", true), list, 2)).toBe("g2");
    expect(firstReading(doc("html", true), [s("none", ["printed-page"], "x")], 3)).toBeUndefined();
  });
});

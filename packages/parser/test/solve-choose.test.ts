/** Candidates asked of strategies in order, scored by the constraints, the evidence and the share printed. */
import { describe, expect, it } from "vitest";
import type { SourceDoc } from "../src/doc.js";
import { type Candidate, choose, type Judge } from "../src/solve/choose.js";
import type { Strategy } from "../src/strategies/strategy.js";

const doc: SourceDoc = { kind: "text", lines: [], positional: false };
/** The constraint: two cells that add up to 10. */
const judge: Judge = {
  fits: (r) => (r[0] as number) + (r[1] as number) === 10,
  weigh: (readings) => {
    // Evidence: the text says the first cell is 3 (when that reading is among them).
    const kept = readings.filter((r) => r[0] === 3);
    return kept.length && kept.length < readings.length ? { readings: kept, by: "text" } : { readings: [...readings] };
  },
};
type C = Candidate & { name: string };
const asked: string[] = [];
const s = (name: string, c: Omit<C, "name"> | undefined, needs: Strategy<0, C>["needs"] = []): Strategy<0, C> => ({
  name,
  needs,
  read: () => {
    asked.push(name);
    return c && { ...c, name };
  },
});

describe("choose", () => {
  it("a candidate printed in full ends the search; an earlier one that fits the constraints still wins", () => {
    asked.length = 0;
    const out = choose(
      doc,
      [
        s("moved", { readings: [[4, 6]], printed: 0 }),
        s("printed", { readings: [[4, 5]], printed: 1 }),
        s("never", { readings: [[1, 9]], printed: 0 }),
      ],
      0,
      judge,
    );
    expect(out?.candidate.name).toBe("moved");
    expect(out?.fits).toBe(true);
    expect(asked).toEqual(["moved", "printed"]);
  });

  it("a printed candidate that fits wins over guesses; with none fitting, the most printed wins", () => {
    const fitsPrinted = choose(
      doc,
      [s("split", { readings: [[2, 8]], printed: 0 }), s("grid", { readings: [[7, 3]], printed: 1 })],
      0,
      judge,
    );
    expect(fitsPrinted?.candidate.name).toBe("grid");
    const none = choose(
      doc,
      [s("half", { readings: [[1, 1]], printed: 0.5 }), s("guess", { readings: [[2, 2]], printed: 0 })],
      0,
      judge,
    );
    expect(none?.candidate.name).toBe("half");
    expect(none?.fits).toBe(false);
  });

  it("the evidence narrows a candidate's readings and says so; no readings never fits", () => {
    const out = choose(
      doc,
      [
        s("empty", { readings: [], printed: 0 }),
        s("split", {
          readings: [
            [3, 7],
            [4, 6],
          ],
          printed: 0,
        }),
      ],
      0,
      judge,
    );
    expect(out?.candidate.name).toBe("split");
    expect(out?.readings).toEqual([[3, 7]]);
    expect(out?.by).toBe("text");
  });

  it("a candidate printed in full with several readings ends the search and keeps them all", () => {
    asked.length = 0;
    const out = choose(
      doc,
      [
        s("glued", {
          readings: [
            [5, 5],
            [6, 4],
          ],
          printed: 1,
        }),
        s("as-printed", { readings: [[5, 5]], printed: 1 }),
      ],
      0,
      { ...judge, weigh: (readings) => ({ readings: [...readings] }) },
    );
    expect(out?.candidate.name).toBe("glued");
    expect(out?.readings).toEqual([
      [5, 5],
      [6, 4],
    ]);
    expect(asked).toEqual(["glued"]);
  });

  it("strategies whose needs the source does not meet are not asked; nothing read is undefined", () => {
    asked.length = 0;
    expect(
      choose(doc, [s("grid", { readings: [[5, 5]], printed: 1 }, ["positions"]), s("none", undefined)], 0, judge),
    ).toBeUndefined();
    expect(asked).toEqual(["none"]);
  });
});

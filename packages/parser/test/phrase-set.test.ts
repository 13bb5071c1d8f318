import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseSet } from "../src/normalize.js";

describe("PhraseSet", () => {
  const phrases = ["行政规范性文件", "行政处罚", "本年制发件数", "现行有效件数", "ICP备"];
  const set = new PhraseSet(phrases);

  it("finds a phrase anywhere in a key, including phrases sharing a first character", () => {
    expect(set.has("2021年行政处罚12件")).toBe(true);
    expect(set.has("行政许可")).toBe(false);
    expect(set.has("苏ICP备12345号")).toBe(true);
    expect(set.has("")).toBe(false);
  });

  it("counts each distinct phrase once per key, into its group", () => {
    const totals = [0, 0];
    set.countInto("行政规范性文件本年制发件数行政规范性文件", [0, 0, 1, 1, 0], totals);
    expect(totals).toEqual([1, 1]);
    set.countInto("现行有效件数", [0, 0, 1, 1, 0], totals);
    expect(totals).toEqual([1, 2]);
  });

  it("agrees with String.prototype.includes on any key", () => {
    const alphabet = fc.constantFrom(..."行政规范性文件处罚本年制发件数现行有效ICP备许可12");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join("")),
        (key) => {
          expect(set.has(key)).toBe(phrases.some((p) => key.includes(p)));
          const totals = [0];
          set.countInto(key, [0, 0, 0, 0, 0], totals);
          expect(totals[0]).toBe(phrases.filter((p) => key.includes(p)).length);
        },
      ),
    );
  });
});

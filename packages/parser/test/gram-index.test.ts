import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigrams, coverage, GramIndex, labelKey } from "../src/normalize.js";

describe("GramIndex", () => {
  it("gives each text the coverage of the label, as coverage() does text by text", () => {
    const texts = ["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "", "其他"].map((t) =>
      bigrams(labelKey(t)),
    );
    const index = new GramIndex([...texts, undefined]);
    const label = bigrams(labelKey("本年新收政府信息公开申请数量"));
    const out = index.coverages(label, []);
    expect(out).toHaveLength(5);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(coverage(label, new Set(texts[1])));
    expect(out[1]).toBeGreaterThan(0);
    expect(out[1]).toBeLessThan(1);
    expect(out.slice(2)).toEqual([0, 0, 0]);
    expect(index.coverages([], out)).toEqual([0, 0, 0, 0, 0]);
  });

  it("agrees with coverage() on any label and texts (repeated bigrams included)", () => {
    const word = fc.array(fc.constantFrom(..."本年新收上结转申请其他"), { maxLength: 12 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(word, fc.array(fc.option(word, { nil: undefined }), { maxLength: 8 }), (label, texts) => {
        const grams = texts.map((t) => (t === undefined ? undefined : bigrams(t)));
        const got = new GramIndex(grams).coverages(bigrams(label), [7]);
        expect(got).toEqual(grams.map((g) => (g ? coverage(bigrams(label), new Set(g)) : 0)));
      }),
    );
  });
});

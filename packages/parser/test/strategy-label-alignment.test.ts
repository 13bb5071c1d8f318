/** Strategy "label alignment": groups of figures aligned with the form's rows by their labels. */
import { describe, expect, it } from "vitest";
import { align, laterLabelsFirst } from "../src/strategies/label-alignment.js";

describe("label alignment", () => {
  it("pairs rows and groups by similarity, and finds a row the document left out", () => {
    // Three rows, two groups: the second group's label is row 2's.
    const sims = [
      [1, 0],
      [0, 0.1],
      [0, 1],
    ];
    const al = align(3, [{ before: "a" }, { before: "c" }], sims);
    expect(al.pairs.map((p) => [p.row, p.group])).toEqual([
      [0, 0],
      [2, 1],
    ]);
    expect(al.missingRows).toEqual([1]);
    expect(al.extraGroups).toEqual([]);
  });

  it("a label-only row matches only its own row, and costs nothing when it is another row's label", () => {
    // Row 0's figures come with no label, then a row holding only row 0's label (printed late).
    const groups = [{ before: "" }, { before: "x", blank: true }, { before: "y" }];
    const sims = [
      [0.9, 1, 0],
      [0, 0, 1],
    ];
    const al = align(2, groups, sims);
    expect(al.pairs.map((p) => [p.row, p.group])).toEqual([
      [0, 0],
      [1, 2],
    ]);
    expect(al.extraGroups).toEqual([1]);
    // With a weak label, the label-only row cannot take a row: the figures do.
    const weak = align(1, [{ before: "" }, { before: "z", blank: true }], [[0, 0.3]]);
    expect(weak.pairs.map((p) => p.group)).toEqual([0]);
  });

  it("a group whose words hold a whole label and then the next one's start is the next row's", () => {
    const keys = ["一本年新收", "二上年结转"];
    const sims = [[0.9], [0.9]];
    const cut = laterLabelsFirst(keys, [{ before: "一本年新收二上" }], sims);
    expect(cut[0]?.[0]).toBeLessThan(0.5);
    expect(cut[1]?.[0]).toBe(0.9);
    // Without the next label's start, nothing changes.
    expect(laterLabelsFirst(keys, [{ before: "一本年新收" }], sims)).toEqual(sims);
  });
});

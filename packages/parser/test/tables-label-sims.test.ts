/** Table 三's label similarities by the bigram index equal the plain coverage of each form. */
import { describe, expect, it } from "vitest";
import { bigrams, coverage, labelKey } from "../src/normalize.js";
import { LabelIndex } from "../src/tables/applications/label-sims.js";

const row = (...labels: string[]) => ({ formsKey: labels.join("|"), forms: labels.map((l) => bigrams(labelKey(l))) });
const plain = (forms: readonly (readonly number[])[], text: string) =>
  Math.max(0, ...forms.map((f) => coverage(f, new Set(bigrams(labelKey(text))))));

describe("label index", () => {
  it("gives each row the coverage of its best form, over the words before a group or the label after it", () => {
    const rows = [row("行政规范性文件", "规范性文件"), row("不予公开"), row("无法提供"), row("其他处理")];
    const groups = [
      { before: labelKey("本年制发规范性文件") },
      { before: labelKey("三、不予公开"), after: labelKey("无法提供") },
      { before: "" },
      { before: labelKey("其他其他处理处理") },
    ];
    const simsOf = new LabelIndex([...rows, rows[0] as (typeof rows)[0]]).over(groups);
    for (const r of rows) {
      const expected = groups.map((g) => Math.max(plain(r.forms, g.before), g.after ? plain(r.forms, g.after) : 0));
      expect(simsOf(r.formsKey)).toEqual(expected);
    }
    // The variant 规范性文件 is printed whole before the first group.
    expect(simsOf("行政规范性文件|规范性文件")[0]).toBe(1);
    expect(simsOf("no such row")).toEqual([0, 0, 0, 0]);
  });
});

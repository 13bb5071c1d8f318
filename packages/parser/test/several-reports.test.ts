/** A file holding several reports: one is read, never a mix of their tables, and the others are said. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { CORPUS } from "./helpers.js";

const TABLES = ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const;
const huaian = readFileSync(join(CORPUS, "huaian-2024.pipe.txt"), "utf8");
/** The report the generated huaian-2024.pipe.txt reads as. */
const want = JSON.parse(readFileSync(join(CORPUS, "huaian-2024.pipe.expected.json"), "utf8")) as Record<
  string,
  unknown
>;
const hongze = readFileSync(join(CORPUS, "hongze-2024.variants-pipe.txt"), "utf8");
/** huaian's report without its 表四 (printed as an image, say): the other report's must not fill it. */
const huaianNoT4 = huaian.replace(/(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(\n五、)/, "$1（见附图）\n$2");

function tablesOf(text: string) {
  const r = parseText(text);
  return { r, several: r.diagnostics.find((d) => d.code === "document.several-reports") };
}

describe("several reports in one file", () => {
  it("reads the first report's tables only and says there are two", () => {
    const { r, several } = tablesOf(`${huaian}\n${hongze}`);
    for (const key of TABLES) expect(r.report[key], key).toEqual(want[key]);
    expect(several?.severity).toBe("warning");
    expect(several?.message).toContain("2 份");
  });

  it("never takes a table the first report lacks from the second", () => {
    const { r } = tablesOf(`${huaianNoT4}\n${hongze}`);
    const statuses = Object.entries(r.report.provenance ?? {})
      .filter(([k]) => k.startsWith("reviewsAndLawsuits."))
      .map(([, p]) => p?.status);
    expect(new Set(statuses)).toEqual(new Set(["unread"]));
  });

  it("reads the final text when the first is a draft", () => {
    const draft = hongze.replace("年度报告的通知", "年度报告（征求意见稿）的通知");
    const { r, several } = tablesOf(`${draft}\n${huaian}`);
    for (const key of TABLES) expect(r.report[key], key).toEqual(want[key]);
    expect(several?.message).toContain("第 2 份");
  });

  it("says nothing of one report", () => {
    expect(tablesOf(huaian).several).toBeUndefined();
  });
});

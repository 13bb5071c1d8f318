/** A table of contents (目录) before the body is not a report: the body is read, and nothing is said of two reports. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SECTIONS } from "@gov-report/core";
import { describe, expect, it } from "vitest";
import { parseText } from "../src/index.js";
import { CORPUS } from "./helpers.js";

const huaian = readFileSync(join(CORPUS, "huaian-2024.pipe.txt"), "utf8");
const want = JSON.parse(readFileSync(join(CORPUS, "huaian-2024.pipe.expected.json"), "utf8")) as Record<
  string,
  unknown
>;
const TABLES = ["proactiveDisclosure", "applications", "reviewsAndLawsuits"] as const;

/** The section headings as a table of contents: `entry` writes one line per heading. */
const contents = (entry: (heading: string, page: number) => string[]) =>
  ["目 录", ...SECTIONS.flatMap((s, i) => entry(s.heading, i + 1))].join("\n");

/** The report with `toc` after its title line. */
const withToc = (toc: string) => {
  const [title, ...rest] = huaian.split("\n");
  return [title, toc, ...rest].join("\n");
};

describe("a table of contents before the report", () => {
  const shapes: Record<string, string> = {
    "page numbers": contents((h, p) => [`${h} ${p}`]),
    "dotted leaders": contents((h, p) => [`${h}……………………${p}`]),
    "with sub-entries": contents((h, p) => [
      `${h}……${p}`,
      ...(p === 1 ? ["（一）主动公开……1", "（二）依申请公开……1"] : []),
    ]),
    "bare headings": contents((h) => [h]),
  };
  for (const [name, toc] of Object.entries(shapes))
    it(`reads the body, not the contents (${name})`, () => {
      const r = parseText(withToc(toc));
      expect(r.diagnostics.map((d) => d.code)).not.toContain("document.several-reports");
      for (const key of TABLES) expect(r.report[key], key).toEqual(want[key]);
      expect(r.report.overview.replace(/\s/g, "")).toBe(String(want.overview).replace(/\s/g, ""));
    });

  it("keeps a report's own headings when no contents stand before it", () => {
    const r = parseText(huaian);
    for (const key of TABLES) expect(r.report[key], key).toEqual(want[key]);
  });
});

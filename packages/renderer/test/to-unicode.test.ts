import { ideographForRadical } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { fixCMap } from "../src/to-unicode.js";

describe("ToUnicode radical fix", () => {
  it("maps Kangxi and simplified supplement radicals to ideographs, and nothing else", () => {
    expect(ideographForRadical(0x2f2f)).toBe("工");
    expect(ideographForRadical(0x2ed4)).toBe("门");
    expect(ideographForRadical(0x5de5)).toBeUndefined();
  });

  it("rewrites bfchar destinations and splits bfranges that reach a radical", () => {
    const cmap = [
      "begincmap",
      "2 beginbfchar",
      "<01> <2F00>",
      "<02> <6C11>",
      "endbfchar",
      "2 beginbfrange",
      "<03> <04> <2ED4>",
      "<05> <06> <0030>",
      "endbfrange",
      "endcmap",
    ].join("\n");
    const fixed = fixCMap(cmap);
    expect(fixed).toContain("<01> <4E00>");
    expect(fixed).toContain("<02> <6C11>");
    expect(fixed).toContain("<05> <06> <0030>");
    expect(fixed).not.toContain("<03> <04> <2ED4>");
    expect(fixed).toContain("2 beginbfchar\n<03> <95E8>\n<04> <D863DE0F>\nendbfchar\nendcmap");
  });
});

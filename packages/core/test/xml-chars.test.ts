import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateReport } from "../src/lite.js";
import { firstInvalidXmlChar } from "../src/validate.js";

const fixture = () =>
  JSON.parse(readFileSync(new URL("../../../fixtures/seed-2020.expected.json", import.meta.url), "utf8"));

describe("characters XML does not allow", () => {
  it.each([
    ["U+FFFE", "总体\uFFFE情况", 2],
    ["U+FFFF", "\uFFFF", 0],
    ["a C0 control", "ab\u0007", 2],
    ["a lone high surrogate", "x\uD800y", 1],
    ["a lone low surrogate", "\uDC00", 0],
  ])("finds %s", (_name, text, at) => {
    expect(firstInvalidXmlChar(text)).toBe(at);
  });

  it("accepts tab, line breaks, CJK and a surrogate pair", () => {
    expect(firstInvalidXmlChar("一\t二\n三\r四 😀")).toBe(-1);
  });

  it("warns at the field, and only there", () => {
    const report = fixture();
    expect(validateReport(report).issues.some((i) => i.code === "text.invalid-char")).toBe(false);
    report.otherMatters = `${report.otherMatters}\uFFFE`;
    report.agency.name = `${report.agency.name}\u001b[2J`;
    const found = validateReport(report).issues.filter((i) => i.code === "text.invalid-char");
    expect(found.map((i) => i.path.join("."))).toEqual(["otherMatters", "agency.name"]);
    expect(found.every((i) => i.severity === "warning")).toBe(true);
  });
});

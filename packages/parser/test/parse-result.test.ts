import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { parseReport, parseText } from "../src/index.js";
import { FIXTURES } from "./helpers.js";

describe("a parse result carries the validation the parser ran", () => {
  it("is core's validateReport of the report, so callers need not validate again", () => {
    const result = parseText(readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8"));
    expect(result.validation).toEqual(validateReport(result.report));
  }, 60_000);

  it("is absent when the input could not be read at all", async () => {
    const result = await parseReport({ pdf: new Uint8Array([1, 2, 3]) });
    expect(result.diagnostics.some((d) => d.code === "input.unreadable")).toBe(true);
    expect(result.validation).toBeUndefined();
  }, 60_000);
});

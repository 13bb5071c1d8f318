import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH, fx, hasStackTrace, runCliInto } from "./helpers.js";

describe("standard output closed or full", () => {
  it("ends quietly with exit 0 when the reader of a pipe goes away (| head)", () => {
    for (const args of [["schema"], ["validate", "--help"], ["check", join(BATCH, "two-years"), "--format", "json"]]) {
      const r = runCliInto(args, "| true");
      expect(r.stderr, args.join(" ")).not.toMatch(/EPIPE|Error/);
      expect(hasStackTrace(r.stderr), args.join(" ")).toBe(false);
      expect(r.code, args.join(" ")).toBe(0);
    }
  });

  it.runIf(existsSync("/dev/full"))("says in one line that standard output is full, and exits 2", () => {
    const zh = runCliInto(["schema"], "> /dev/full");
    expect(zh.code).toBe(2);
    expect(zh.stderr.trim()).toBe("gov-report: 无法写入标准输出：磁盘空间不足");
    const en = runCliInto(["validate", "--lang", "en", fx("seed-2020")], "> /dev/full");
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe("gov-report: cannot write to standard output: no space left on the disk");
  });
});

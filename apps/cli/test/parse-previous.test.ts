import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, hasStackTrace, runCli } from "./helpers.js";

/** The CLI from the sources with a parse worker: generous on a loaded machine. */
const HEAVY = 300_000;

describe("gov-report parse --previous", () => {
  it(
    "reads last year's report and parses this year's against it",
    () => {
      const r = runCli([
        "parse",
        join(FIXTURES, "seed-2020.txt"),
        "--previous",
        join(FIXTURES, "seed-2020.expected.json"),
        "--format",
        "json",
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).report.year).toBe(2020);
    },
    HEAVY,
  );

  it(
    "refuses a previous report that cannot be read, with exit 2 and no stack trace",
    () => {
      const r = runCli(["parse", join(FIXTURES, "seed-2020.txt"), "--previous", join(FIXTURES, "nothing-here.json")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--previous");
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stdout).toBe("");
    },
    HEAVY,
  );
});

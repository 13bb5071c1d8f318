/** The common options (README): --lang on every command, --jobs on every command that reads reports. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

describe("common options", () => {
  it("init and schema take --lang", () => {
    const file = join(mkdtempSync(join(tmpdir(), "gr-lang-")), "r.json");
    writeFileSync(file, "{}");
    const init = runCli(["init", "--year", "2024", "-o", file, "--lang", "en"]);
    expect(init.code).toBe(2);
    expect(init.stderr).toContain("already exists");
    expect(runCli(["init", "--year", "2024", "--lang", "zh"]).code).toBe(0);
    const schema = runCli(["schema", "--lang", "en"]);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).$schema).toContain("2020-12");
  });
});

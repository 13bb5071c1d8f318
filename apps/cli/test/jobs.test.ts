import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, runCli } from "./helpers.js";

/** Documents of every kind the parse workers read, in one folder. */
function documents(): string {
  const dir = mkdtempSync(join(tmpdir(), "gr-jobs-"));
  for (const f of ["hongze-2023.pdf", "huaian-2024.pdf", "seed-2020.txt", "hongze-2024.expected.json"])
    cpSync(join(FIXTURES, f), join(dir, f));
  cpSync(join(ROOT, "packages/parser/test/corpus/huaian-2024.libreoffice.docx"), join(dir, "huaian-2024.docx"));
  return dir;
}

describe("--jobs", () => {
  it("gives the same output, in the same order, with one job and with several", () => {
    const dir = documents();
    const one = runCli(["check", "--format", "json", "--jobs", "1", dir]);
    const three = runCli(["check", "--format", "json", "--jobs", "3", dir]);
    expect(three.code).toBe(one.code);
    expect(three.stdout).toBe(one.stdout);
    const files = (JSON.parse(one.stdout) as { files: { file: string; source: string }[] }).files;
    expect(files.map((f) => `${f.file.slice(dir.length + 1)} ${f.source}`)).toEqual([
      "hongze-2023.pdf pdf",
      "hongze-2024.expected.json json",
      "huaian-2024.docx docx",
      "huaian-2024.pdf pdf",
      "seed-2020.txt text",
    ]);
  }, 600_000);

  it("rejects a number of jobs that is not a whole number from 1", () => {
    const r = runCli(["check", "--jobs", "0", FIXTURES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("应为 1 至 256 之间的整数");
  });
});

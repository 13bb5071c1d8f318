/** Summary lines count files as files: a folder that cannot be listed apart, "1 file" in English. */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Summary, summaryText } from "../src/commands/check-output.js";
import { setLang } from "../src/util/i18n.js";
import { fx, runCli } from "./helpers.js";

const oneReport = () => {
  const dir = mkdtempSync(join(tmpdir(), "gr-count-"));
  copyFileSync(fx("seed-2020"), join(dir, "a.json"));
  return dir;
};

const summary = (over: Partial<Summary>): Summary => ({
  files: 1,
  reports: 1,
  withErrors: 0,
  withoutErrors: 1,
  unreadable: 0,
  unreadableFolders: 0,
  withUnreadCells: 0,
  duplicates: 0,
  crossYearPairs: 0,
  crossYearPairsWithErrors: 0,
  skipped: 0,
  ...over,
});

describe("summary counts", () => {
  it("says 1 file, 1 report, 1 pair in English", () => {
    const dir = oneReport();
    expect(runCli(["check", dir, "--lang", "en"]).stdout).toContain(
      "1 file: 1 report without errors, 0 with errors, 0 unreadable; 0 cross-year pairs, 0 with errors",
    );
    expect(runCli(["export", dir, "--lang", "en"]).stderr).toContain("1 file: 1 report exported");
    const out = join(mkdtempSync(join(tmpdir(), "gr-count-out-")), "o");
    expect(runCli(["parse", dir, "--out-dir", out, "--lang", "en"]).stderr).toContain("1 file: 1 parsed");
  });

  it("counts a folder that cannot be listed as a folder, not as a file", () => {
    const s = summary({ files: 2, unreadable: 1, unreadableFolders: 1 });
    setLang("zh");
    expect(summaryText(s)).toContain("共 1 个文件：1 份报告无错误，0 份有错误，0 个无法读取，1 个文件夹无法读取");
    setLang("en");
    expect(summaryText(s)).toContain(
      "1 file: 1 report without errors, 0 with errors, 0 unreadable, 1 folder could not be read",
    );
  });

  it.runIf(process.getuid?.() !== 0)("counts it so in every command's summary", () => {
    const dir = oneReport();
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0);
    try {
      expect(runCli(["check", dir]).stdout).toContain(
        "共 1 个文件：1 份报告无错误，0 份有错误，0 个无法读取，1 个文件夹无法读取",
      );
      expect(runCli(["validate", dir]).stdout).toContain(
        "共 1 个文件：1 个无错误，0 个有错误，0 个无法读取，1 个文件夹无法读取",
      );
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

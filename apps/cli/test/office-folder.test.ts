/**
 * A supervisory office's mixed folder (reports as JSON and text, a duplicate, an empty file, one of
 * white space only, truncated JSON, an image) through every batch command: each message in the
 * language asked for, English counts in the singular or plural, a summary that counts files.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, fx, hasStackTrace, runCli } from "./helpers.js";

const EMPTY_ZH = "文件是空的（0 字节），可能未下载或保存完整；请重新下载该报告，或将其移出文件夹";

function officeFolder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "gr-office-")), "in");
  mkdirSync(join(dir, "sub"), { recursive: true });
  copyFileSync(fx("hongze-2024"), join(dir, "hongze-2024.json"));
  copyFileSync(fx("huaian-2024"), join(dir, "huaian-2024.json"));
  copyFileSync(fx("huaian-2024"), join(dir, "sub", "huaian-copy.json"));
  copyFileSync(join(FIXTURES, "seed-2020.txt"), join(dir, "seed-2020.txt"));
  writeFileSync(join(dir, "empty.json"), "");
  writeFileSync(join(dir, "blank.txt"), " \n\n");
  writeFileSync(join(dir, "truncated.json"), '{"year": 2024, "agency": {"name": "某局"');
  writeFileSync(join(dir, "scan.jpg"), "x");
  return dir;
}

describe("a mixed folder of an office", () => {
  let dir: string;
  beforeAll(() => {
    dir = officeFolder();
  });

  it("an empty file and a blank one are named as such, with what to do, in either language", () => {
    const r = runCli(["check", dir, "--jobs", "2"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`empty.json: ${EMPTY_ZH}`);
    expect(r.stdout).toContain("blank.txt: 文件只有空白，没有内容；请重新下载该报告，或将其移出文件夹");
    expect(r.stdout).not.toContain("empty.json: 不是有效的 JSON");
    const en = runCli(["check", dir, "--jobs", "2", "--lang", "en"]);
    expect(en.stdout).toContain("empty.json: the file is empty (0 bytes)");
    expect(en.stdout).toMatch(/; 1 duplicate; 0 cross-year pairs/);
    const one = runCli(["validate", join(dir, "empty.json")]);
    expect(one.code).toBe(2);
    expect(one.stderr).toBe(`gov-report: ${join(dir, "empty.json")}: ${EMPTY_ZH}\n`);
    const stdin = runCli(["validate", "-"], { input: "" });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain("<标准输入>: 没有内容；请用管道或重定向给出一份报告");
  });

  it("render counts the files of the folder, and English counts agree with their nouns", () => {
    const out = join(dir, "..", "md");
    const r = runCli(["render", dir, "--to", "md", "--out-dir", out, "--jobs", "2"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `共 8 个文件：已输出 4 个 md 文件到 ${out}，其中 0 份有错误，3 个无法读取，1 个不是报告格式（已跳过）`,
    );
    const en = runCli([
      "render",
      join(dir, "hongze-2024.json"),
      "--to",
      "txt",
      "--out-dir",
      `${out}-en`,
      "--lang",
      "en",
    ]);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(`1 file: 1 txt file written to ${out}-en, 0 with errors`);
    expect(en.stderr).not.toContain("(s)");
  });

  it("export says how many files could not be exported, not that they were skipped like the image", () => {
    const r = runCli(["export", dir, "--to", "csv", "-o", join(dir, "..", "all.csv"), "--jobs", "2"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("✗ 无法导出 ");
    expect(r.stderr).toContain("共 8 个文件：导出 4 份报告，3 个无法导出，1 个不是报告格式（已跳过）");
    const en = runCli(["export", dir, "--to", "csv", "-o", join(dir, "..", "en.csv"), "--lang", "en"]);
    expect(en.stderr).toContain("8 files: 4 reports exported, 3 could not be exported, 1 not in a report format");
  });

  it("aggregate and validate in English: no file(s), report(s) or error(s)", () => {
    const agg = runCli(["aggregate", dir, "--year", "2024", "--allow-duplicates", "--lang", "en", "--jobs", "2"]);
    expect(agg.code).toBe(1);
    expect(agg.stderr).toContain("Summed 3 reports, 2024 (2021 edition):");
    expect(agg.stderr).toContain("Left out 5 files:");
    const v = runCli(["validate", join(dir, "hongze-2024.json"), "--lang", "en"]);
    expect(v.stdout).toContain("0 errors, 3 warnings");
    const one = runCli(["validate", fx("hongze-2023"), "--lang", "en"]);
    expect(one.stdout).toMatch(/2 errors, \d+ warnings?\n/);
    expect(`${agg.stderr}${v.stdout}${one.stdout}`).not.toContain("(s)");
  });

  it("compare given a folder says it takes two files, and that check reads a folder", () => {
    const r = runCli(["compare", dir, join(dir, "hongze-2024.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `gov-report: ${dir} 是文件夹：compare 比较同一机关两个年度的两份报告，请给出两个文件（如 gov-report compare 2023.pdf 2024.pdf）；核对整个文件夹（含跨年度核对）请用 gov-report check ${dir}\n`,
    );
    const en = runCli(["compare", join(dir, "hongze-2024.json"), dir, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`${dir} is a folder: compare takes two reports of one agency`);
    expect(hasStackTrace(r.stderr + en.stderr)).toBe(false);
  });
});

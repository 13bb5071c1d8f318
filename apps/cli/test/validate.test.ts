import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, hasStackTrace, runCli } from "./helpers.js";

const fx = (name: string) => join(FIXTURES, `${name}.expected.json`);

describe("gov-report validate", () => {
  it("exits 0 on a consistent report", () => {
    const r = runCli(["validate", fx("seed-2020")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("未发现问题");
  });

  it("exits 1 and names the broken cells by their printed labels", () => {
    const r = runCli(["validate", fx("hongze-2023")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("四、政府信息公开行政复议、行政诉讼情况");
    expect(r.stdout).toContain("表四 行政复议 · 总计：各项之和为 11，报告填写 0");
  });

  it("prints { file, ok, issues } per file with --format json", () => {
    const r = runCli(["validate", "--format", "json", fx("hongze-2023"), fx("seed-2020")]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { file: string; ok: boolean; issues: { code: string; path: string[] }[] }[];
    expect(out.map((o) => o.ok)).toEqual([false, true]);
    expect(out[0]?.issues.filter((i) => i.code === "reviews.group-total").map((i) => i.path.join("."))).toEqual([
      "reviewsAndLawsuits.administrativeReview.total",
      "reviewsAndLawsuits.lawsuitAfterReview.total",
    ]);
  });

  it("lists the parser's warnings about how a document was read, as check does", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-"));
    const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
    writeFileSync(join(dir, "two.txt"), `${seed}\n${seed}`);
    const r = runCli(["validate", "--format", "json", join(dir, "two.txt")]);
    const out = JSON.parse(r.stdout) as { issues: { code: string; severity: string }[] }[];
    const said = out[0]?.issues.find((i) => i.code === "parse.document.several-reports");
    expect(said?.severity).toBe("warning");
    const text = runCli(["validate", join(dir, "two.txt")]);
    expect(text.stdout).toContain("文件中有 2 份年度报告");
    expect(text.stdout).not.toContain("未发现问题");
  });

  it("reads standard input with -", () => {
    const r = runCli(["validate", "-"], { input: readFileSync(fx("seed-2020"), "utf8") });
    expect(r.code).toBe(0);
  });

  it("exits 2 on truncated JSON, naming the file and position, without a stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, '{"edition": "2021",\n "year": 20');
    const r = runCli(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: 不是有效的 JSON（第 2 行第 \d+ 列）/);
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
  });

  it("exits 2 on a named path that does not exist, before reading the others", () => {
    const r = runCli(["validate", fx("seed-2020"), "/nonexistent/x.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/nonexistent/x.json: 文件或文件夹不存在；请检查路径");
    expect(r.stdout).toBe("");
  });

  it("prints English messages with --lang en", () => {
    const r = runCli(["validate", "--lang", "en", fx("hongze-2023")]);
    expect(r.stdout).toContain("Table 4, Administrative review: Total: the parts add up to 11, the report says 0");
  });
});

import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAt, numericCellsOf, validateReport } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { BATCH, fx, hasStackTrace, mixedFolder, ROOT, runCli } from "./helpers.js";

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as unknown;
const tmp = () => mkdtempSync(join(tmpdir(), "gr-agg-"));

describe("gov-report aggregate", () => {
  it("notes under a summed document what the parser warned of its reading (表四 stated as none)", () => {
    const corpus = join(ROOT, "packages/parser/test/corpus/huaian-2024.pipe.txt");
    const text = readFileSync(corpus, "utf8");
    const heading = "四、政府信息公开行政复议、行政诉讼情况";
    const start = text.indexOf(heading);
    const file = join(tmp(), "huaian-2024.txt");
    writeFileSync(file, `${text.slice(0, start)}${heading}\n\n无。\n\n${text.slice(text.indexOf("五、", start))}`);
    const r = runCli(["aggregate", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("表四未印表格，正文称“无。”，各栏按 0 推定");
  });

  it("sums two reports of one year cell by cell into a roll-up that validates, and lists what it summed", () => {
    const out = join(tmp(), "city-2024.json");
    const r = runCli(["aggregate", fx("huaian-2024"), fx("hongze-2024"), "--agency", "淮安市（汇总）", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const sum = readJson(out);
    const parts = [readJson(fx("huaian-2024")), readJson(fx("hongze-2024"))];
    for (const c of numericCellsOf("2021")) {
      const expected = parts.reduce((s: number, p) => s + (getAt(p, c.path) as number), 0);
      expect(getAt(sum, c.path), c.id).toBeCloseTo(expected, 6);
    }
    expect(sum).toMatchObject({ edition: "2021", year: 2024, agency: { name: "淮安市（汇总）" }, overview: "" });
    expect(validateReport(sum).ok).toBe(true);
    expect(r.stderr).toContain("已汇总 2 份报告，2024 年度（2021 版格式）");
    expect(r.stderr).toContain("huaian-2024.expected.json");
    expect(r.stderr).toContain("✓ 未发现问题");
    expect(r.stderr).toContain("文字部分");
    expect(r.stderr).toContain(`已写入 ${out}`);

    const again = runCli(["aggregate", fx("huaian-2024"), "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在；加 --force");
    expect(runCli(["aggregate", fx("huaian-2024"), "-o", out, "--force"]).code).toBe(0);
  });

  it("refuses a folder that mixes editions of one year, writing nothing", () => {
    const out = join(tmp(), "sum.json");
    const r = runCli(["aggregate", join(BATCH, "mixed-editions"), "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2024 年度（2021 版格式） 1 份");
    expect(r.stderr).toContain("2024 年度（2019 版格式） 1 份");
    expect(r.stderr).toContain("--edition");
    expect(existsSync(out)).toBe(false);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("sums only the selected edition and lists the others as not selected", () => {
    const r = runCli(["aggregate", join(BATCH, "mixed-editions"), "--edition", "2021"]);
    expect(r.code).toBe(0);
    const sum = JSON.parse(r.stdout) as unknown;
    expect(getAt(sum, ["applications", "received", "total"])).toBe(
      getAt(readJson(fx("huaian-2024")), ["applications", "received", "total"]),
    );
    expect(r.stderr).toMatch(/- .*stats-bureau-2024-old-format\.json: 未选中：2024 年度（2019 版格式）/);
  });

  it("keeps an input's broken totals in the sum, says which input had errors, and exits 1", () => {
    const r = runCli(["aggregate", mixedFolder(), "--year", "2023"]);
    expect(r.code).toBe(1);
    const sum = JSON.parse(r.stdout) as unknown;
    expect(getAt(sum, ["reviewsAndLawsuits", "administrativeReview", "total"])).toBe(0);
    expect(r.stderr).toMatch(/! 第 1 份报告 “洪泽区人民政府” 有 2 个错误，其数字按原样计入汇总/);
    expect(r.stderr).toContain("表四 行政复议 · 总计：各项之和为 11，报告填写 0");
    // The broken and non-report files are listed as faults; the other years as not selected.
    expect(r.stderr).toMatch(/✗ .*broken\.json: 不是有效的 JSON（第 3 行第 \d+ 列）/);
    expect(r.stderr).toMatch(/✗ .*not-a-report\.json: 不是一份年度报告/);
    expect(r.stderr).toMatch(/- .*huaian-2024\.json: 未选中：2024 年度/);
  });

  it("recomputes the roll-up's totals from their parts with --recompute-totals", () => {
    const r = runCli(["aggregate", fx("hongze-2023"), "--recompute-totals"]);
    const sum = JSON.parse(r.stdout) as unknown;
    expect(getAt(sum, ["reviewsAndLawsuits", "administrativeReview", "total"])).toBe(11);
    expect(validateReport(sum).ok).toBe(true);
    // The input still had errors: the run says so in its exit code.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("各总计已按分项重新计算");
  });

  it("refuses two reports of one agency and year, naming both files, unless --allow-duplicates", () => {
    const dir = tmp();
    cpSync(fx("huaian-2024"), join(dir, "a.json"));
    cpSync(fx("huaian-2024"), join(dir, "b.json"));
    const out = join(dir, "sum.json");
    const r = runCli(["aggregate", dir, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ .*a\.json 与 .*b\.json/);
    expect(r.stderr).toContain("--allow-duplicates");
    expect(r.stderr).toContain("未写入任何文件");
    expect(existsSync(out)).toBe(false);
    const allowed = runCli(["aggregate", dir, "--allow-duplicates"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/b\.json\n {4}! 与 .*a\.json 是同一机关同一年度的报告：是否重复？已一并计入/);
  });

  it("refuses 洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2023 as one agency's year twice", () => {
    const dir = tmp();
    const longer = readJson(fx("hongze-2023")) as { agency: { name: string } };
    longer.agency.name = `淮安市${longer.agency.name}`;
    cpSync(fx("hongze-2023"), join(dir, "page.json"));
    writeFileSync(join(dir, "text.json"), JSON.stringify(longer));
    const r = runCli(["aggregate", dir, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ .*page\.json and .*text\.json/);
  });

  it("exits 2 when nothing can be summed", () => {
    const dir = tmp();
    writeFileSync(join(dir, "x.json"), '{"edition": "2030", "year": 2024}');
    const r = runCli(["aggregate", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是结构完整的年度报告");
    expect(r.stderr).toContain("没有可汇总的报告，未写入任何文件");
  });
});

describe("gov-report aggregate --allow-duplicates", () => {
  it("notes under the second report which other file is the same agency's year", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-dup-"));
    copyFileSync(fx("huaian-2024"), join(dir, "a000.json"));
    copyFileSync(fx("hongze-2024"), join(dir, "a010 (1).json"));
    copyFileSync(fx("hongze-2024"), join(dir, "a010.json"));
    const r = runCli(["aggregate", dir, "--allow-duplicates"]);
    const lines = r.stderr.split("\n");
    const at = lines.findIndex((l) => l.endsWith("/a010.json"));
    expect(lines[at + 1]).toBe(
      `    ! 与 ${join(dir, "a010 (1).json")} 是同一机关同一年度的报告：是否重复？已一并计入（--allow-duplicates）`,
    );
    expect(r.stderr).not.toContain("份报告的机关");
    const en = runCli(["aggregate", dir, "--allow-duplicates", "--lang", "en"]);
    expect(en.stderr).toContain(
      `! same agency and year as ${join(dir, "a010 (1).json")}: a duplicate? Summed all the same (--allow-duplicates)`,
    );
  });
});

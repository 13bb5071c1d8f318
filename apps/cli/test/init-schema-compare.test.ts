import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, hasStackTrace, runCli } from "./helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "gr-"));

describe("gov-report init", () => {
  it("writes an empty report of the year's edition that validates", () => {
    const file = join(tmp(), "r.json");
    const r = runCli(["init", "--year", "2025", "--agency", "测试局", "-o", file]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(report.edition).toBe("2021");
    expect(report.agency.name).toBe("测试局");
    expect(runCli(["validate", file]).code).toBe(0);
  });

  it("picks the 2019 edition for 2020 and honours --edition", () => {
    expect(JSON.parse(runCli(["init", "--year", "2020"]).stdout).edition).toBe("2019");
    expect(JSON.parse(runCli(["init", "--year", "2020", "--edition", "2021"]).stdout).edition).toBe("2021");
  });

  it("never overwrites an existing file without --force", () => {
    const file = join(tmp(), "keep.json");
    writeFileSync(file, '{"keep":1}');
    const r = runCli(["init", "--year", "2025", "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("文件已存在");
    expect(readFileSync(file, "utf8")).toBe('{"keep":1}');
    expect(runCli(["init", "--year", "2025", "-o", file, "--force"]).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).year).toBe(2025);
  });

  it("rejects a bad year with exit 2 and no stack trace", () => {
    const r = runCli(["init", "--year", "twenty"]);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe("gov-report schema", () => {
  it("prints the union schema, an edition's schema, or the form metadata", () => {
    const union = JSON.parse(runCli(["schema"]).stdout);
    expect(union.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(union.oneOf).toHaveLength(2);
    const e2019 = JSON.parse(runCli(["schema", "--edition", "2019"]).stdout);
    expect(e2019.$ref).toBe("#/$defs/Report2019");
    const form = JSON.parse(runCli(["schema", "--form"]).stdout);
    expect(Object.keys(form.editions)).toEqual(["2019", "2021"]);
  });
});

describe("gov-report compare", () => {
  it("passes for two consecutive Hongze reports (结转 0 → 0, 现行有效 5 + 3 − 0 = 8)", () => {
    const r = runCli([
      "compare",
      join(FIXTURES, "hongze-2023.expected.json"),
      join(FIXTURES, "hongze-2024.expected.json"),
    ]);
    expect(r.code).toBe(0);
  });

  it("exits 1 when carried-over figures do not match last year's carried-forward", () => {
    const dir = tmp();
    const cur = JSON.parse(readFileSync(join(FIXTURES, "hongze-2024.expected.json"), "utf8"));
    cur.applications.carriedOver.naturalPerson = 4;
    const file = join(dir, "cur.json");
    writeFileSync(file, JSON.stringify(cur));
    const r = runCli(["compare", "--format", "json", join(FIXTURES, "hongze-2023.expected.json"), file]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.issues.map((i: { code: string }) => i.code)).toContain("years.carried-forward");
  });

  const hongze = (year: number, name?: string) => {
    const r = JSON.parse(readFileSync(join(FIXTURES, "hongze-2023.expected.json"), "utf8"));
    r.year = year;
    if (name !== undefined) r.agency.name = name;
    const file = join(tmp(), `hongze-${year}.json`);
    writeFileSync(file, JSON.stringify(r));
    return file;
  };

  it("refuses the years in the wrong order, naming both files and years and the command to run", () => {
    const prev = join(FIXTURES, "hongze-2023.expected.json");
    const cur = join(FIXTURES, "hongze-2024.expected.json");
    const r = runCli(["compare", cur, prev]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${cur} 是 2024 年度，${prev} 是 2023 年度`);
    expect(r.stderr).toContain(`gov-report compare ${prev} ${cur}`);
    const en = runCli(["compare", cur, prev, "--lang", "en"]);
    expect(en.stderr).toContain(`${cur} is the 2024 report and ${prev} the 2023 report`);
  });

  it("refuses years that are not consecutive", () => {
    const a = hongze(2020);
    const b = join(FIXTURES, "hongze-2024.expected.json");
    const r = runCli(["compare", a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${a} 是 2020 年度，${b} 是 2024 年度，不是相邻的两个年度`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("refuses two different agencies; names that check pairs (洪泽区人民政府 = 淮安市洪泽区人民政府) are one agency", () => {
    const a = hongze(2023, "某县统计局");
    const b = join(FIXTURES, "hongze-2024.expected.json");
    const r = runCli(["compare", a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是同一机关的报告");
    expect(r.stderr).toContain("某县统计局");
    expect(r.stderr).toContain("淮安市洪泽区人民政府");
    const unnamed = runCli(["compare", hongze(2023, ""), b]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain("没有填写机关名称");
    expect(runCli(["compare", hongze(2023, " 淮安市洪泽区人民政府"), b]).code).toBe(0);
  });

  it("accepts --jobs as every command does", () => {
    const r = runCli([
      "compare",
      "--jobs",
      "1",
      join(FIXTURES, "hongze-2023.expected.json"),
      join(FIXTURES, "hongze-2024.expected.json"),
    ]);
    expect(r.code).toBe(0);
  });
});

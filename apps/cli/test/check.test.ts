import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConsecutiveYears } from "../src/util/cross-year.js";
import { renderTable } from "../src/util/table.js";
import { displayWidth, truncate } from "../src/util/text-width.js";
import { collectInputs } from "../src/util/walk.js";
import { BATCH, FIXTURES, fx, hasStackTrace, mixedFolder, runCli } from "./helpers.js";

const TWO_YEARS = join(BATCH, "two-years");

interface FileRecord {
  file: string;
  error?: string;
  agency?: string;
  year?: number;
  edition?: string;
  ok?: boolean;
  issues?: { code: string; severity: string; path: string[] }[];
}
interface CheckJson {
  files: FileRecord[];
  crossYear: {
    agency: string;
    previous: { year: number };
    current: { file: string; year: number };
    ok: boolean;
    issues: { code: string; path: string[] }[];
  }[];
  summary: Record<string, number>;
  skipped: { file: string; reason: string }[];
}

const base = (f: string) => f.slice(f.lastIndexOf("/") + 1);

describe("gov-report check", () => {
  it("lists the parser's warnings about how a document was read (two reports in one file)", () => {
    const dir = mkdtempSync(join(tmpdir(), "gov-report-check-"));
    const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
    writeFileSync(join(dir, "two.txt"), `${seed}\n${seed}`);
    const r = runCli(["check", "--format", "json", dir]);
    const out = JSON.parse(r.stdout) as CheckJson;
    const codes = out.files[0]?.issues?.map((i) => i.code);
    expect(codes).toContain("parse.document.several-reports");
    const text = runCli(["check", dir]);
    expect(text.stdout).toContain("文件中有 2 份年度报告");
  });

  it("prints one row per report with width-aligned Chinese columns, lists unreadable files, and exits 1", () => {
    const r = runCli(["check", mixedFolder()]);
    expect(r.code).toBe(1);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    const lines = r.stdout.split("\n");
    const header = lines[0] as string;
    expect(header.split(/\s{2,}/)).toEqual(["文件", "机关", "年度", "版本", "错误", "提醒", "最主要的问题"]);
    const rows = lines.filter((l) => l.includes("/mixed/") && !l.includes("✗") && !l.includes("!"));
    expect(rows.map((l) => base(l.split(/\s+/)[0] as string))).toEqual([
      "hongze-2023.json",
      "huaian-2024.json",
      "seed-2020.json",
      "wrong-edition-2021.json",
    ]);
    // The year column starts at the same display column on every line, whatever the agency's width.
    const yearAt = (l: string, y: string) => displayWidth(l.slice(0, l.indexOf(`  ${y}  `) + 2));
    expect(rows.map((l, i) => yearAt(l, ["2023", "2024", "2020", "2021"][i] as string))).toEqual(
      Array(4).fill(displayWidth(header.slice(0, header.indexOf("年度")))),
    );
    expect(rows[0]).toContain("表四 行政复议 · 总计：各项之和为 11，报告填写 0");
    expect(rows[3]).toMatch(
      /某县统计局\s+2021\s+2019\s+0\s+1\s+格式版本：2021 年度报告应使用 2021 版格式，报告为 2019 版/,
    );
    expect(r.stdout).toContain("无法读取的文件（2 个）");
    expect(r.stdout).toMatch(/✗ .*mixed\/broken\.json: 不是有效的 JSON（第 3 行第 \d+ 列）/);
    expect(r.stdout).toMatch(/✗ .*mixed\/not-a-report\.json: 不是一份年度报告/);
    expect(r.stdout).toMatch(/不是报告格式、已跳过的文件（1 个）：\n {2}! .*notes\.csv: 电子表格，不是报告文件/);
    expect(r.stdout).toContain("共 7 个文件：3 份报告无错误，1 份有错误，2 个无法读取，1 个不是报告格式（已跳过）");
  });

  it("gives every file, its issues and a summary with --format json", () => {
    const r = runCli(["check", "--format", "json", mixedFolder()]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.files.map((f) => base(f.file))).toEqual([
      "broken.json",
      "hongze-2023.json",
      "huaian-2024.json",
      "not-a-report.json",
      "seed-2020.json",
      "wrong-edition-2021.json",
    ]);
    const wrong = out.files[5] as FileRecord;
    expect(wrong.ok).toBe(true);
    expect(wrong.issues?.map((i) => `${i.severity} ${i.code}`)).toEqual(["warning edition.year-mismatch"]);
    expect(out.files[0]?.error).toMatch(/不是有效的 JSON/);
    expect(out.files[1]?.issues?.filter((i) => i.severity === "error").map((i) => i.code)).toEqual([
      "reviews.group-total",
      "reviews.group-total",
    ]);
    expect(out.crossYear).toEqual([]);
    expect(out.summary).toEqual({
      files: 6,
      reports: 4,
      withErrors: 1,
      withoutErrors: 3,
      unreadable: 2,
      unreadableFolders: 0,
      withUnreadCells: 0,
      duplicates: 0,
      crossYearPairs: 0,
      crossYearPairsWithErrors: 0,
      skipped: 1,
    });
    expect(out.skipped.map((f: { file: string }) => base(f.file))).toEqual(["notes.csv"]);
  });

  it("compares consecutive years of one agency and reports a carried-over mismatch as an error", () => {
    const r = runCli(["check", "--format", "json", TWO_YEARS]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as CheckJson;
    // Each report is consistent on its own: only the cross-year check finds the fault.
    expect(out.files.every((f) => f.ok)).toBe(true);
    expect(out.crossYear).toHaveLength(1);
    const pair = out.crossYear[0] as CheckJson["crossYear"][number];
    expect([pair.agency, pair.previous.year, pair.current.year, pair.ok]).toEqual([
      "淮安市洪泽区人民政府",
      2023,
      2024,
      false,
    ]);
    expect(pair.issues.filter((i) => i.code === "years.carried-forward").map((i) => i.path.join("."))).toEqual([
      "applications.carriedOver.naturalPerson",
      "applications.carriedOver.total",
    ]);
    expect(out.summary.crossYearPairsWithErrors).toBe(1);

    const text = runCli(["check", TWO_YEARS]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/hongze-2024\.json\s+淮安市洪泽区人民政府\s+2024\s+2021\s+2\s+\d+\s+表三 二、上年结转/);
    expect(text.stdout).toContain("淮安市洪泽区人民政府 2023 → 2024");
    expect(text.stdout).toContain("上年结转下年度为 0，本年填写 2 [years.carried-forward]");
  });

  it("does not pair different agencies or years that are not consecutive", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-check-"));
    cpSync(join(TWO_YEARS, "hongze-2023.json"), join(dir, "a.json"));
    cpSync(join(FIXTURES, "huaian-2024.expected.json"), join(dir, "b.json"));
    const out = JSON.parse(runCli(["check", "--format", "json", dir]).stdout) as CheckJson;
    expect(out.summary.crossYearPairs).toBe(0);
  });

  it("writes a CSV summary with a BOM, one row per file", () => {
    const r = runCli(["check", "--format", "csv", mixedFolder()]);
    expect(r.code).toBe(1);
    expect(
      r.stdout.startsWith(
        "\uFEFFfile,source,agency,year,edition,errors,warnings,unread_cells,duplicate,worst_code,worst_message,unreadable\r\n",
      ),
    ).toBe(true);
    const lines = r.stdout.trimEnd().split("\r\n");
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.includes("hongze-2023"))).toMatch(
      /,json,洪泽区人民政府,2023,2021,2,3,0,,reviews\.group-total,/,
    );
    expect(lines.find((l) => l.includes("broken.json"))).toMatch(/,json,{10}.*不是有效的 JSON/);
  });

  it("exits 0 when every report is free of errors, with English output on request", () => {
    const r = runCli([
      "check",
      "--lang",
      "en",
      join(FIXTURES, "huaian-2024.expected.json"),
      join(FIXTURES, "seed-2020.expected.json"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]?.split(/\s{2,}/)).toEqual([
      "file",
      "agency",
      "year",
      "edition",
      "errors",
      "warnings",
      "main issue",
    ]);
    expect(r.stdout).toContain("2 files: 2 reports without errors, 0 with errors, 0 unreadable");
  });

  it("exits 2 when no file could be read, when a path is missing and when a folder holds no report", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-check-"));
    writeFileSync(join(dir, "a.json"), "[1, 2");
    const bad = runCli(["check", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain("1 个无法读取");

    const missing = runCli(["check", "/nonexistent/reports"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("/nonexistent/reports: 文件或文件夹不存在");

    const empty = mkdtempSync(join(tmpdir(), "gr-check-"));
    const none = runCli(["check", empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("没有找到报告文件");
    expect(hasStackTrace(bad.stderr + missing.stderr + none.stderr)).toBe(false);
  });

  it("pairs the years of one agency printed with and without the city in front", () => {
    const r = runCli(["check", "--format", "json", fx("hongze-2023"), fx("hongze-2024")]);
    const out = JSON.parse(r.stdout) as { crossYear: { previous: { year: number }; current: { year: number } }[] };
    expect(out.crossYear.map((p) => [p.previous.year, p.current.year])).toEqual([[2023, 2024]]);
  });

  it("reads PDF and text reports through the parser", () => {
    const r = runCli(["check", "--format", "json", join(FIXTURES, "seed-2020.txt")]);
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.files[0]).toMatchObject({ year: 2020, edition: "2019" });
  });
});

describe("batch helpers", () => {
  it("measures CJK characters as two columns and aligns table columns by display width", () => {
    expect(displayWidth("洪泽区")).toBe(6);
    expect(displayWidth("ab（1）")).toBe(7);
    expect(truncate("一二三四五", 7)).toBe("一二三…");
    const lines = renderTable(
      [{ header: "机关" }, { header: "n", align: "right" }, { header: "x" }],
      [
        ["淮安市人民政府", "12", "a"],
        ["ab", "3", "b"],
      ],
    );
    expect(lines.map((l) => displayWidth(l.slice(0, l.lastIndexOf(" ") + 1)))).toEqual([20, 20, 20, 20]);
    expect(lines[3]).toBe(`ab${" ".repeat(15)}3  b`);
  });

  it("walks folders recursively in name order, skipping hidden entries and other extensions", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-walk-"));
    const names = ["b.json", "a/z.pdf", "a/y.docx", "a/w.xlsx", ".hidden/x.json", "c.HTML", "d.txt", "e.png"];
    for (const f of [...names, "f.md", "g.shtml", "h.zip"]) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), "{}");
    }
    expect(collectInputs([dir]).map((e) => e.file.slice(dir.length + 1))).toEqual([
      "a/y.docx",
      "a/z.pdf",
      "b.json",
      "c.HTML",
      "d.txt",
      "f.md",
      "g.shtml",
    ]);
  });

  it("says a zip archive is to be unpacked, and names the damaged .docx", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-zip-"));
    // A zip archive's first bytes (a local file header) naming a report, no Word part.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), Buffer.from("2024/淮安市.json{}")]);
    writeFileSync(join(dir, "reports.zip"), zip);
    writeFileSync(join(dir, "report.docx"), zip);
    const r = runCli(["check", join(dir, "reports.zip"), join(dir, "report.docx")]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain("reports.zip: 这是 zip 压缩包，不是报告文件：请先解压");
    expect(r.stdout + r.stderr).toContain("report.docx: 扩展名表明是 Word (.docx) 文件，但内容不是");
  }, 60_000);
});

describe("ConsecutiveYears", () => {
  it("pairs consecutive years of one agency at once while both are in memory, else leaves them for re-reading", () => {
    const years = new ConsecutiveYears(1);
    expect(years.add(0, "甲", 2023, "a23")).toEqual([]);
    expect(years.add(1, "甲", 2024, "a24")).toEqual([
      { previous: 0, current: 1, previousValue: "a23", currentValue: "a24" },
    ]);
    expect(years.add(2, "乙", 2024, "b24")).toEqual([]);
    expect(years.add(3, "丙", 2024, "c24")).toEqual([]);
    // 乙 2023 comes after 乙 2024 left the window of one report: compared later from the files.
    expect(years.add(4, "乙", 2023, "b23")).toEqual([]);
    expect(years.add(5, "甲", 2022, "a22")).toEqual([]);
    expect(years.remaining()).toEqual([
      { previous: 5, current: 0, agency: "甲" },
      { previous: 4, current: 2, agency: "乙" },
    ]);
  });

  it("pairs only the first report of an agency and year: copies are duplicates, not n × m pairs to read again", () => {
    const years = new ConsecutiveYears(1);
    expect(years.add(0, "甲", 2023, "a23")).toEqual([]);
    expect(years.add(1, "甲", 2023, "a23 again")).toEqual([]);
    expect(years.add(2, "乙", 2024, "b24")).toEqual([]);
    // 甲 2023 left the window: its pair with 甲 2024 is read again at the end, once.
    expect(years.add(3, "甲", 2024, "a24")).toEqual([]);
    expect(years.add(4, "甲", 2024, "a24 again")).toEqual([]);
    expect(years.add(5, "甲", 2023, "a23 third")).toEqual([]);
    expect(years.add(6, "甲", 2025, "a25")).toEqual([
      { previous: 3, current: 6, previousValue: "a24", currentValue: "a25" },
    ]);
    expect(years.remaining()).toEqual([{ previous: 0, current: 3, agency: "甲" }]);
  });
});

describe("check output hygiene", () => {
  it("shows control characters in names as spaces, so a row stays one line and the terminal gets no escapes", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-check-"));
    const report = JSON.parse(readFileSync(join(FIXTURES, "huaian-2024.expected.json"), "utf8")) as {
      agency: { name: string };
    };
    report.agency.name = "某局\n\u001b[2J二处";
    writeFileSync(join(dir, "r.json"), JSON.stringify(report));
    const r = runCli(["check", dir]);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toMatch(/r\.json\s+某局 二处\s+2024/);
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmptyReport, getAt, numericCellsOf, sharedCells } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { exportColumns } from "../src/commands/export.js";
import { csvField, csvText } from "../src/util/csv.js";
import { fx, mixedFolder, runCli } from "./helpers.js";

const NAMES = ["hongze-2023", "hongze-2024", "huaian-2024", "seed-2020"];

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), so the test does not trust the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) throw new Error("the last line has no CRLF");
  return rows;
}

describe("gov-report export --to csv", () => {
  it("writes one row per report and one column per cell, labelled as printed, with every value right", () => {
    const r = runCli(["export", "--to", "csv", ...NAMES.map(fx)]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(r.stdout.slice(1));
    expect(header?.slice(0, 4)).toEqual(["文件", "机关名称", "报告年度", "格式版本"]);
    expect(rows).toHaveLength(4);
    const shared = sharedCells().filter((c) => c.kind !== "text").length;
    expect(header).toHaveLength(4 + numericCellsOf("2019").length + numericCellsOf("2021").length - shared + 1);
    expect(header?.at(-1)).toBe("未读单元格");
    expect(new Set(header).size).toBe(header?.length);
    NAMES.forEach((name, i) => {
      const report = JSON.parse(readFileSync(fx(name), "utf8")) as { edition: "2019" | "2021"; year: number };
      const row = rows[i] as string[];
      expect(row.slice(2, 4)).toEqual([String(report.year), report.edition]);
      for (const c of numericCellsOf(report.edition)) {
        expect(row[header?.indexOf(c.zh) ?? -1], `${name} ${c.id}`).toBe(String(getAt(report, c.path)));
      }
      // Blank where the report's edition has no such cell.
      const other = report.edition === "2019" ? "2021" : "2019";
      const own = new Set(numericCellsOf(report.edition).map((c) => c.zh));
      for (const c of numericCellsOf(other)) if (!own.has(c.zh)) expect(row[header?.indexOf(c.zh) ?? -1]).toBe("");
    });
  });

  it("names columns by model path with --keys en, telling apart same-path cells of two editions", () => {
    const r = runCli(["export", "--keys", "en", fx("seed-2020"), fx("huaian-2024")]);
    const header = parseCsv(r.stdout.slice(1))[0] as string[];
    expect(header.slice(0, 4)).toEqual(["file", "agency", "year", "edition"]);
    expect(header).toContain("applications.received.total");
    expect(header).toContain("proactiveDisclosure.licensing.decisions@2019");
    expect(header).toContain("proactiveDisclosure.licensing.decisions@2021");
    expect(header.indexOf("applications.outcomes.other.naturalPerson")).toBeLessThan(
      header.indexOf("applications.outcomes.total.naturalPerson"),
    );
  });

  it("has only the edition's own columns when every report is of one edition", () => {
    const r = runCli(["export", "--keys", "en", fx("huaian-2024"), fx("hongze-2024")]);
    const header = parseCsv(r.stdout.slice(1))[0] as string[];
    expect(header.slice(4)).toEqual([...numericCellsOf("2021").map((c) => c.id), "unreadCells"]);
  });

  it("quotes commas, quotes and line breaks, and defuses formulas in text", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-exp-"));
    const report = createEmptyReport({ edition: "2021", year: 2024, agencyName: '=HYPERLINK("x"),某局\n二处' });
    writeFileSync(join(dir, "r.json"), JSON.stringify(report));
    const r = runCli(["export", dir]);
    const rows = parseCsv(r.stdout.slice(1));
    expect(rows[1]?.[1]).toBe(`'=HYPERLINK("x"),某局\n二处`);
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(-3)).toBe("-3");
    expect(csvText("-3")).toBe("'-3");
  });

  it("skips unreadable files with a reason, still writes the others, and exits 1", () => {
    const out = join(mkdtempSync(join(tmpdir(), "gr-exp-")), "all.csv");
    const mixed = mixedFolder();
    const r = runCli(["export", mixed, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/无法导出 .*broken\.json: 不是有效的 JSON（第 3 行第 \d+ 列）/);
    expect(r.stderr).toMatch(/无法导出 .*not-a-report\.json: 不是一份年度报告/);
    expect(r.stderr).toContain(`导出 4 份报告，2 个无法导出，1 个不是报告格式（已跳过），已写入 ${out}`);
    const rows = parseCsv(readFileSync(out, "utf8").slice(1));
    expect(rows.slice(1).map((row) => row[2])).toEqual(["2023", "2024", "2020", "2021"]);
    const again = runCli(["export", mixed, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在；加 --force");
  });

  it("exits 2 and writes nothing when no report can be exported", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-exp-"));
    writeFileSync(join(dir, "x.json"), "{}");
    const out = join(dir, "out.csv");
    const r = runCli(["export", dir, "-o", out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe("exportColumns", () => {
  it("puts each edition's own cells where they stand and the shared cells once", () => {
    const both = exportColumns(["2019", "2021"], "en");
    const keys = both.map((c) => c.key);
    expect(keys.filter((k) => k === "applications.received.total")).toHaveLength(1);
    expect(keys.indexOf("2019:proactiveDisclosure.procurement.amountWanYuan")).toBeLessThan(
      keys.indexOf("2021:proactiveDisclosure.rules.issued"),
    );
    expect(keys.indexOf("2021:applications.outcomes.other.otherReasons.total")).toBeLessThan(
      keys.indexOf("applications.outcomes.total.naturalPerson"),
    );
    expect(keys.at(-1)).toBe("reviewsAndLawsuits.lawsuitAfterReview.total");
    const received = both.find((c) => c.key === "applications.received.total");
    expect(Object.keys(received?.index ?? {})).toEqual(["2019", "2021"]);
  });
});

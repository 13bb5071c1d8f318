import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReportFile, readReportFile, reportFileName, reportJson } from "../src/io/report-file.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "..", "..", "..", "fixtures", name), "utf8");

describe("report files", () => {
  it("opens a report, even one whose totals are wrong (that is what checking finds)", () => {
    const r = parseReportFile(fixture("hongze-2023.expected.json"));
    expect(r.ok).toBe(true);
    const bom = parseReportFile(`\uFEFF${fixture("huaian-2024.expected.json")}`);
    expect(bom.ok && bom.report.year).toBe(2024);
  });

  it("says why a file is refused", () => {
    const json = parseReportFile('{"edition": "2021",');
    expect(json.ok === false && json.reason).toBe("json");
    const shape = parseReportFile(JSON.stringify({ edition: "2021", year: 2024, agency: { name: "" } }));
    expect(shape.ok).toBe(false);
    if (!shape.ok && shape.reason === "structure") expect(shape.issues.length).toBeGreaterThan(0);
    expect(parseReportFile("[]").ok).toBe(false);
  });

  it("names a zip archive and an image as no report, and reads GB 18030 JSON", async () => {
    const never = () => Promise.reject(new Error("the parser is not for these"));
    const zip = await readReportFile(
      { name: "reports.zip", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]) },
      never,
    );
    expect(zip.ok === false && zip.reason === "unreadable" && zip.detail).toContain("zip 压缩包");
    const png = await readReportFile(
      { name: "scan.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
      never,
    );
    expect(png.ok === false && png.reason === "unreadable" && png.detail).toContain("不是报告文件");
    // The huaian-2024 fixture saved in GB 18030, as many portals still publish.
    const gbk = new Uint8Array(readFileSync(join(import.meta.dirname, "data", "huaian-2024.gb18030.json")));
    const opened = await readReportFile({ name: "r.json", bytes: gbk }, never);
    expect(opened.ok && (opened.report.agency as { name: string }).name).toBe("淮安市人民政府");
  });

  it("names and writes the file", () => {
    const r = parseReportFile(fixture("huaian-2024.expected.json"));
    if (!r.ok) throw new Error("fixture refused");
    expect(reportFileName(r.report)).toBe("淮安市人民政府-2024.json");
    expect(JSON.parse(reportJson(r.report))).toEqual(JSON.parse(fixture("huaian-2024.expected.json")));
    expect(reportFileName({ ...r.report, agency: { name: 'a/b:c "d"' } })).toBe("a_b_c_d_-2024.json");
  });
});

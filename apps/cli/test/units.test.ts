import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/util/errors.js";
import { writeOutputFile } from "../src/util/io.js";
import { uniqueOutputNames } from "../src/util/out-names.js";
import { formatIssues } from "../src/util/report-output.js";
import { clean, cleanLines } from "../src/util/sanitize.js";

describe("clean", () => {
  it("strips escape sequences, C0/C1 controls and bidi overrides, keeping the text", () => {
    expect(clean("某局\u001b]0;owned\u0007\u001b[2J二处")).toBe("某局二处");
    expect(clean("a\nb\rc\u0085d")).toBe("a b c d");
    expect(clean("file\u202egpj.exe")).toBe("file gpj.exe");
    expect(clean("\u009b31mred")).toBe("red");
    expect(clean("tab\there")).toBe("tab\there");
    expect(cleanLines("line 1\r\n\u001b[31mline 2\n")).toBe("line 1\nline 2\n");
  });

  it("runs in linear time on long runs of escapes", () => {
    const s = "\u001b[".repeat(200_000) + "\u001b]".repeat(200_000);
    expect(clean(s)).toBe("");
  });
});

describe("uniqueOutputNames", () => {
  it("never gives two inputs one name", () => {
    expect(uniqueOutputNames(["d1/r.txt", "d2/r.txt", "d3/s.txt"], "json")).toEqual([
      "d1-r.json",
      "d2-r.json",
      "s.json",
    ]);
    expect(uniqueOutputNames(["a/r.pdf", "a/r.html"], "json")).toEqual(["a-r-pdf.json", "a-r-html.json"]);
    expect(uniqueOutputNames(["a/r.txt", "a/r.txt", "a/R.txt"], "json")).toEqual([
      "a-r-txt.json",
      "a-r-txt-2.json",
      "a-R-txt-3.json",
    ]);
    expect(uniqueOutputNames(["-", "x/seed.expected.json"], "html")).toEqual(["stdin.html", "seed.expected.html"]);
  });
});

describe("writeOutputFile", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "gr-io-"));

  it("refuses a symbolic link without --force, and with it writes through to the target", () => {
    const d = dir();
    writeFileSync(join(d, "target.json"), "old");
    symlinkSync(join(d, "target.json"), join(d, "link.json"));
    expect(() => writeOutputFile(join(d, "link.json"), "new")).toThrow(CliError);
    expect(() => writeOutputFile(join(d, "link.json"), "new")).toThrow("符号链接");
    writeOutputFile(join(d, "link.json"), "new", true);
    expect(lstatSync(join(d, "link.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, "target.json"), "utf8")).toBe("new");
  });

  it("refuses a device without --force, and with it writes into it instead of replacing it", () => {
    expect(() => writeOutputFile("/dev/null", "x")).toThrow("不是普通文件");
    writeOutputFile("/dev/null", "x", true);
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("leaves no temporary file behind when the write fails", () => {
    const d = dir();
    writeFileSync(join(d, "r.json"), "keep");
    expect(() => writeOutputFile(join(d, "r.json"), "new")).toThrow("文件已存在");
    expect(() => writeOutputFile(join(d, "missing", "r.json"), "new")).toThrow("不存在");
    expect(readdirSync(d)).toEqual(["r.json"]);
  });
});

describe("formatIssues", () => {
  it("is linear: 50,000 issues format in one pass", () => {
    const issues = Array.from({ length: 50_000 }, (_, i) => ({
      code: "report.unknown-key",
      severity: "warning" as const,
      path: [`k${i}\u001b[2J`],
      related: [],
      message: `报告中出现格式中没有的项 "k${i}\u001b[2J"`,
      messageEn: `unknown top-level key "k${i}"`,
    }));
    const lines = formatIssues(issues, "zh");
    expect(lines).toHaveLength(50_001);
    expect(lines.some((l) => l.includes("\u001b"))).toBe(false);
  });
});

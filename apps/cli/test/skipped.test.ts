/**
 * Files of a folder that are not in a report format (an image, a saved web archive, a WPS or OFD
 * document) are listed with why and what to do, counted in the summary, and leave the exit code as
 * it is; named on the command line, such a file is an error with the same message.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectInputs } from "../src/util/walk.js";
import { fx, runCli } from "./helpers.js";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "gr-skip-"));
  copyFileSync(fx("seed-2020"), join(dir, "a004.json"));
  writeFileSync(join(dir, "scan.jpg"), JPEG);
  writeFileSync(join(dir, "saved.mhtml"), "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n\r\n");
  writeFileSync(join(dir, "a.wps"), "x\n");
  writeFileSync(join(dir, "b.ofd"), "x\n");
  return dir;
}

const REASONS = {
  "scan.jpg": "图片，不是报告文件",
  "saved.mhtml": "另存为 .html",
  "a.wps": "另存为 .docx 或 PDF",
  "b.ofd": "另存为（或转换为）.docx 或 PDF",
};

describe("files that are not in a report format", () => {
  it("check lists each skipped file with why, counts them, and keeps exit 0", () => {
    const dir = folder();
    const r = runCli(["check", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("不是报告格式、已跳过的文件（4 个）");
    for (const [name, why] of Object.entries(REASONS))
      expect(r.stdout).toMatch(new RegExp(`${name}: .*${why.replace(/[.()（）]/g, "\\$&")}`));
    expect(r.stdout).toContain("共 5 个文件：1 份报告无错误，0 份有错误，0 个无法读取，4 个不是报告格式（已跳过）");
    const en = runCli(["check", dir, "--lang", "en"]);
    expect(en.stdout).toContain("scan.jpg: an image, not a report file");
    expect(en.stdout).toContain("4 not in a report format (skipped)");
    const json = JSON.parse(runCli(["check", dir, "--format", "json"]).stdout);
    expect(json.summary.skipped).toBe(4);
    expect(json.skipped.map((s: { file: string }) => s.file.slice(dir.length + 1))).toEqual([
      "a.wps",
      "b.ofd",
      "saved.mhtml",
      "scan.jpg",
    ]);
  });

  it.each([
    ["validate", [] as string[]],
    ["export", []],
    ["aggregate", []],
    ["render", ["--to", "txt", "--out-dir"]],
    ["parse", ["--out-dir"]],
  ])("%s lists them on stderr and keeps its exit code", (command, extra) => {
    const dir = folder();
    const args = extra.includes("--out-dir") ? [...extra, join(mkdtempSync(join(tmpdir(), "gr-out-")), "out")] : extra;
    const r = runCli([command, dir, ...args]);
    for (const name of Object.keys(REASONS)) expect(r.stderr).toContain(name);
    expect(r.stderr).toContain("另存为 .html");
    expect(r.code).toBe(0);
  });

  it("a file of that kind named on the command line is an error with the same message", () => {
    const dir = folder();
    for (const [name, why] of Object.entries(REASONS)) {
      const r = runCli(["validate", join(dir, name)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(why);
      expect(r.stderr, name).not.toContain("章节标题");
    }
  });

  it("lists the resources folder of a saved web page once, not each file in it", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-page-"));
    writeFileSync(join(dir, "淮安 2024.html"), "<html></html>");
    mkdirSync(join(dir, "淮安 2024_files"));
    writeFileSync(join(dir, "淮安 2024_files", "style.css"), "");
    writeFileSync(join(dir, "淮安 2024_files", "logo.png"), JPEG);
    const skipped: { file: string; reason: string }[] = [];
    expect(collectInputs([dir], skipped).map((e) => e.file.slice(dir.length + 1))).toEqual(["淮安 2024.html"]);
    expect(skipped.map((s) => s.file.slice(dir.length + 1))).toEqual(["淮安 2024_files"]);
    expect(skipped[0]?.reason).toContain("淮安 2024.html");
  });
});

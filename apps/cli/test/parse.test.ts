import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, hasStackTrace, ROOT, runCli } from "./helpers.js";

/** PDF and Word parsing in the CLI's workers, from the sources: generous on a loaded machine. */
const HEAVY = 300_000;

const expectedOf = (stem: string) => JSON.parse(readFileSync(join(FIXTURES, `${stem}.expected.json`), "utf8"));

describe("gov-report parse", () => {
  it(
    "prints the report JSON on stdout and the diagnostics and findings on stderr",
    () => {
      const r = runCli(["parse", join(FIXTURES, "seed-2020.txt")]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      const exp = expectedOf("seed-2020");
      expect(report.proactiveDisclosure).toEqual(exp.proactiveDisclosure);
      expect(report.overview).toBe(exp.overview);
      expect(r.stderr).toContain("[agency.missing]");
      expect(r.stderr).toContain("未发现问题");
    },
    HEAVY,
  );

  it(
    "--format json gives { report, diagnostics, issues } and exit 1 when the parsed report breaks a rule",
    () => {
      const r = runCli(["parse", join(FIXTURES, "hongze-2023.pdf"), "--format", "json"]);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as {
        report: { reviewsAndLawsuits: unknown };
        diagnostics: { code: string }[];
        issues: { code: string }[];
      };
      expect(out.report.reviewsAndLawsuits).toEqual(expectedOf("hongze-2023").reviewsAndLawsuits);
      expect(out.diagnostics.map((d) => d.code)).toContain("row.single-other");
      expect(out.issues.filter((i) => i.code === "reviews.group-total")).toHaveLength(2);
    },
    HEAVY,
  );

  it(
    "exits 2 on a file that is not a report, a missing file, a damaged PDF and an image, without a stack trace",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "gr-parse-"));
      const bad = join(dir, "half.pdf");
      const bytes = readFileSync(join(FIXTURES, "hongze-2024.pdf"));
      writeFileSync(bad, bytes.subarray(0, 2000));
      const png = join(dir, "scan.png");
      writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      for (const args of [
        ["parse", join(FIXTURES, "README.md")],
        ["parse", join(dir, "none.pdf")],
        ["parse", bad],
        ["parse", png],
      ]) {
        const r = runCli(args);
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stdout).toBe("");
        expect(hasStackTrace(r.stderr)).toBe(false);
      }
      expect(runCli(["parse", png]).stderr).toContain("scan.png: 图片，不是报告文件");
      // A scan saved under a PDF's name is told by its content.
      const named = join(dir, "scan.pdf");
      writeFileSync(named, readFileSync(png));
      expect(runCli(["parse", named]).stderr).toContain("scan.pdf: 图片，不是报告文件");
    },
    HEAVY,
  );

  it(
    "reads a Word .docx; a legacy .doc exits 2 and says to save it as .docx or PDF",
    () => {
      const docx = join(ROOT, "packages/parser/test/corpus/huaian-2024.libreoffice.docx");
      const r = runCli(["parse", docx]);
      expect(r.code).toBe(0);
      const exp = expectedOf("huaian-2024");
      const report = JSON.parse(r.stdout);
      expect(report.applications).toEqual(exp.applications);
      expect(report.agency).toEqual(exp.agency);

      const dir = mkdtempSync(join(tmpdir(), "gr-parse-"));
      const legacy = join(dir, "2024年报告.doc");
      writeFileSync(legacy, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
      const old = runCli(["parse", legacy]);
      expect(old.code).toBe(2);
      expect(old.stdout).toBe("");
      expect(old.stderr).toContain("另存为 .docx 或 PDF");
      expect(hasStackTrace(old.stderr)).toBe(false);
    },
    HEAVY,
  );

  it(
    "-o writes the file and refuses to overwrite it without --force",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "gr-parse-"));
      const out = join(dir, "r.json");
      expect(runCli(["parse", join(FIXTURES, "seed-2020.txt"), "-o", out]).code).toBe(0);
      expect(JSON.parse(readFileSync(out, "utf8")).year).toBe(2020);
      writeFileSync(out, "keep");
      const again = runCli(["parse", join(FIXTURES, "seed-2020.txt"), "-o", out]);
      expect(again.code).toBe(2);
      expect(readFileSync(out, "utf8")).toBe("keep");
      expect(runCli(["parse", join(FIXTURES, "seed-2020.txt"), "-o", out, "--force"]).code).toBe(0);
    },
    HEAVY,
  );

  it(
    "a folder goes to --out-dir, one .json per input, with a summary",
    () => {
      const src = mkdtempSync(join(tmpdir(), "gr-src-"));
      writeFileSync(join(src, "a.txt"), readFileSync(join(FIXTURES, "seed-2020.txt")));
      writeFileSync(join(src, "b.pdf"), readFileSync(join(FIXTURES, "hongze-2024.pdf")));
      writeFileSync(join(src, "c.pdf"), "not a pdf");
      const out = join(src, "out");
      mkdirSync(out);
      const r = runCli(["parse", src, "--out-dir", out]);
      // Exit 1: two files written, one could not be read (named on stderr).
      expect(r.code).toBe(1);
      expect(existsSync(join(out, "a.json"))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, "b.json"), "utf8")).agency.name).toBe("淮安市洪泽区人民政府");
      expect(existsSync(join(out, "c.json"))).toBe(false);
      expect(r.stderr).toContain("共 3 个文件：已解析并写入 2 个");
      expect(r.stderr).toContain("1 个无法读取或写入");
      expect(r.stderr).toContain("c.pdf: 扩展名表明是 PDF 文件，但内容不是");
      // The parser's notes are counted as a single parse lists them (hongze-2024 has one, an info).
      expect(r.stderr).toMatch(/b\.pdf → [^\n]*[1-9]\d* 条解析说明（其中 \d+ 条为提醒或错误）/);
    },
    HEAVY,
  );

  it(
    "several inputs without --out-dir is a usage error",
    () => {
      const r = runCli(["parse", join(FIXTURES, "seed-2020.txt"), join(FIXTURES, "hongze-2024.pdf")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--out-dir");
    },
    HEAVY,
  );
});

describe("gov-report parse of a folder", () => {
  it("says a folder needs --out-dir, even with one file in it, and how to read that one file", () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-one-"));
    cpSync(join(FIXTURES, "seed-2020.txt"), join(dir, "a003.txt"));
    for (const extra of [[], ["-o", join(dir, "x.json")]]) {
      const r = runCli(["parse", dir, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${dir} 是文件夹：请用 --out-dir <文件夹>，为其中每个文件输出一个 .json`);
      expect(r.stderr).not.toContain("有多个输入");
    }
  });
});

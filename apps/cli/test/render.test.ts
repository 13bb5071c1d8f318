import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRender } from "../src/commands/render.js";
import { CliError } from "../src/util/errors.js";
import { FIXTURES, hasStackTrace, runCli } from "./helpers.js";

const fx = (name: string) => join(FIXTURES, `${name}.expected.json`);
const tmp = () => mkdtempSync(join(tmpdir(), "gr-render-"));

describe("gov-report render", () => {
  it("writes HTML, Markdown and text to standard output for one input", () => {
    const html = runCli(["render", fx("huaian-2024"), "--to", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain("<h1>淮安市人民政府2024年政府信息公开工作年度报告</h1>");
    const md = runCli(["render", fx("seed-2020"), "--to", "md"]);
    expect(md.stdout.startsWith("# 2020年政府信息公开工作年度报告")).toBe(true);
    const txt = runCli(["render", "-", "--to", "txt"], { input: readFileSync(fx("seed-2020"), "utf8") });
    expect(txt.code).toBe(0);
    expect(txt.stdout).toContain("| 政府集中采购 |");
  });

  it("writes a .docx with -o and refuses to overwrite it without --force", () => {
    const out = join(tmp(), "r.docx");
    expect(runCli(["render", fx("seed-2020"), "--to", "docx", "-o", out]).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    const again = runCli(["render", fx("seed-2020"), "--to", "docx", "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在；加 --force");
    expect(runCli(["render", fx("huaian-2024"), "--to", "docx", "-o", out, "--force"]).code).toBe(0);
  });

  it("renders many inputs into --out-dir, named after the inputs", () => {
    const dir = tmp();
    const r = runCli(["render", fx("seed-2020"), fx("hongze-2023"), "--to", "html", "--out-dir", dir, "--annotate"]);
    // Exit 1: one report breaks a rule (it is rendered all the same).
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, "seed-2020.expected.html"), "utf8")).toContain("未发现问题");
    expect(readFileSync(join(dir, "hongze-2023.expected.html"), "utf8")).toContain("gr-issue-error");
    // A report with broken totals is rendered as printed, and the user is told.
    expect(r.stderr).toContain("hongze-2023.expected.json: 已输出，但报告有 2 个错误");
  });

  it("needs --out-dir for several inputs", () => {
    const r = runCli(["render", fx("seed-2020"), fx("huaian-2024"), "--to", "txt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("有多个输入：请用 --out-dir");
  });

  it("in a batch, lists invalid JSON and renders the rest (exit 1); one input that is not a report is exit 2, writing nothing", () => {
    const dir = tmp();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{"edition": "2021",\n "year": 20');
    const r1 = runCli(["render", fx("seed-2020"), bad, "--to", "html", "--out-dir", dir]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/bad\.json: 不是有效的 JSON（第 2 行第 \d+ 列）/);
    expect(statSync(join(dir, "seed-2020.expected.html")).isFile()).toBe(true);
    expect(() => statSync(join(dir, "bad.html"))).toThrow();
    const alone = runCli(["render", bad, "--to", "html", "--out-dir", join(dir, "none")]);
    expect(alone.code).toBe(2);
    expect(() => statSync(join(dir, "none"))).toThrow();
    const notReport = join(dir, "list.json");
    writeFileSync(notReport, "[1, 2, 3]");
    const r2 = runCli(["render", notReport, "--to", "txt"]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("list.json: 不是一份年度报告");
    expect(r2.stderr).toContain("JSON 对象");
    expect(hasStackTrace(r1.stderr + r2.stderr)).toBe(false);
  });

  it("refuses to write a binary format to a terminal", async () => {
    const writes: unknown[] = [];
    const stdout = { isTTY: true, write: (c: unknown) => writes.push(c) > 0 };
    const stderr = { write: () => true };
    await expect(runRender([fx("seed-2020")], { to: "docx" }, { stdout, stderr })).rejects.toThrow(CliError);
    await expect(runRender([fx("seed-2020")], { to: "pdf" }, { stdout, stderr })).rejects.toThrow("不能输出到终端");
    expect(writes).toEqual([]);
  });

  it("says how to install Chromium when it is missing", () => {
    const r = runCli(["render", fx("seed-2020"), "--to", "pdf", "-o", join(tmp(), "x.pdf")], {
      env: { CHROMIUM_PATH: "/nonexistent/chromium" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("apt-get install chromium fonts-noto-cjk");
  });
});

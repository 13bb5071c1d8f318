/** Unread cells, duplicates and documents going through every command (the one loader). */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fx, hasStackTrace, runCli } from "./helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "gr-find-"));

/** 淮安市 2024 as a parser would give it with two cells it could not read for certain. */
function withUnreadCells(dir: string, name = "unread.json"): string {
  const r = JSON.parse(readFileSync(fx("huaian-2024"), "utf8")) as Record<string, unknown>;
  r.provenance = {
    "applications.received.naturalPerson": { status: "unread" },
    "applications.received.business": { status: "ambiguous", candidates: [1, 2] },
  };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(r));
  return file;
}

describe("unread and ambiguous cells", () => {
  it("are errors in validate and check, named by their printed labels", () => {
    const dir = tmp();
    const file = withUnreadCells(dir);
    const v = runCli(["validate", file]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain("表三 一、本年新收政府信息公开申请数量 · 自然人：原文未能读取 [cell.unread]");
    const c = runCli(["check", "--format", "json", dir]);
    expect(c.code).toBe(1);
    const out = JSON.parse(c.stdout) as { files: { unreadCells: { id: string }[] }[]; summary: Record<string, number> };
    expect(out.files[0]?.unreadCells.map((x) => x.id)).toEqual([
      "applications.received.naturalPerson",
      "applications.received.business",
    ]);
    expect(out.summary.withUnreadCells).toBe(1);
  });

  it("make parse exit 1", () => {
    const r = runCli(["parse", withUnreadCells(tmp())]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("有 2 个单元格未能读取或存疑");
    expect(JSON.parse(r.stdout).provenance["applications.received.naturalPerson"].status).toBe("unread");
  });

  it("are refused by aggregate unless --allow-unread, and listed", () => {
    const dir = tmp();
    withUnreadCells(dir);
    const out = join(dir, "sum.json");
    const r = runCli(["aggregate", dir, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/✗ .*unread\.json: 表三 一、本年新收政府信息公开申请数量 · 自然人；.*商业企业（存疑）/);
    expect(r.stderr).toContain("--allow-unread");
    expect(existsSync(out)).toBe(false);
    const allowed = runCli(["aggregate", dir, "--allow-unread", "-o", out]);
    expect(allowed.stderr).toContain("汇总数只是下限");
    expect(existsSync(out)).toBe(true);
  });

  it("are empty fields in the CSV, listed in the 未读单元格 column", () => {
    const dir = tmp();
    withUnreadCells(dir, "a.json");
    cpSync(fx("hongze-2024"), join(dir, "b.json"));
    const r = runCli(["export", "--keys", "en", dir]);
    expect(r.code).toBe(1);
    const [header, a, b] = r.stdout
      .slice(1)
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(","));
    const col = (name: string) => (header as string[]).indexOf(name);
    expect(a?.[col("applications.received.naturalPerson")]).toBe("");
    expect(a?.[col("applications.received.business")]).toBe("");
    expect(a?.[col("applications.received.total")]).not.toBe("");
    expect(a?.at(-1)).toBe("applications.received.naturalPerson applications.received.business");
    expect(b?.at(-1)).toBe("");
    expect(r.stderr).toContain("1 份有未能读取或存疑的单元格");
  });
});

describe("duplicates", () => {
  it("are a warning in check, naming the first file", () => {
    const dir = tmp();
    cpSync(fx("huaian-2024"), join(dir, "web.json"));
    cpSync(fx("huaian-2024"), join(dir, "text.json"));
    const r = runCli(["check", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /web\.json\s+淮安市人民政府\s+2024\s+2021\s+0\s+4\s+与 .*text\.json 是同一机关同一年度的报告/,
    );
    expect(r.stdout).toContain("1 份疑似重复");
  });
});

describe("documents in every command", () => {
  it("render reads a PDF in one command and a folder of mixed files into --out-dir", () => {
    const html = runCli(["render", join(FIXTURES, "huaian-2024.pdf"), "--to", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain("<h1>淮安市人民政府2024年政府信息公开工作年度报告</h1>");
    const src = tmp();
    cpSync(join(FIXTURES, "seed-2020.txt"), join(src, "a", "r.txt"), { recursive: true });
    cpSync(fx("seed-2020"), join(src, "b", "r.json"), { recursive: true });
    const out = join(src, "out");
    const r = runCli(["render", src, "--to", "md", "--out-dir", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "a-r.md"), "utf8")).toContain("# 2020年政府信息公开工作年度报告");
    expect(existsSync(join(out, "b-r.md"))).toBe(true);
    expect(r.stderr).toContain("共 2 个文件：已输出 2 个 md 文件");
    expect(hasStackTrace(r.stderr)).toBe(false);
  }, 300_000);

  it("validate and compare read documents too", () => {
    const v = runCli(["validate", join(FIXTURES, "seed-2020.txt")]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain("未发现问题");
    const c = runCli(["compare", fx("hongze-2023"), join(FIXTURES, "hongze-2024.pdf"), "--format", "json"]);
    expect(JSON.parse(c.stdout).current).toBe(join(FIXTURES, "hongze-2024.pdf"));
  }, 300_000);

  it("parse writes d1-r.json and d2-r.json for two inputs of one name, and says so", () => {
    const src = tmp();
    cpSync(join(FIXTURES, "seed-2020.txt"), join(src, "d1", "r.txt"), { recursive: true });
    cpSync(join(FIXTURES, "seed-2020.txt"), join(src, "d2", "r.txt"), { recursive: true });
    const out = join(src, "out");
    const r = runCli(["parse", join(src, "d1", "r.txt"), join(src, "d2", "r.txt"), "--out-dir", out, "--force"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, "d1-r.json")) && existsSync(join(out, "d2-r.json"))).toBe(true);
    expect(r.stderr).toMatch(/d1\/r\.txt → .*d1-r\.json/);
    expect(r.stderr).toContain("已解析并写入 2 个");
  }, 300_000);
});

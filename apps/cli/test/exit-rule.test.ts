/**
 * One rule for every command (README, exit codes): one named input that cannot be read is exit 2;
 * in a batch (a folder, several inputs) an unreadable file is listed, the readable ones are used and
 * written, and the exit is 1 — 2 only when not one file could be read; a named path that does not
 * exist stops the run with exit 2 before anything is read or written.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fx, hasStackTrace, runCli } from "./helpers.js";

function batch(): { dir: string; good: string; broken: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), "gr-rule-"));
  const dir = join(root, "in");
  mkdirSync(dir);
  const good = join(dir, "a001.json");
  copyFileSync(fx("seed-2020"), good);
  const broken = join(dir, "broken.json");
  writeFileSync(broken, "{bad\n");
  return { dir, good, broken, out: join(root, "out") };
}

const missing = "/nonexistent/gr-missing.json";

describe.each([
  ["validate", [] as string[]],
  ["check", []],
  ["export", []],
  ["aggregate", []],
  ["render", ["--to", "txt"]],
  ["parse", []],
])("gov-report %s", (command, extra) => {
  const outDir = (out: string) => (command === "render" || command === "parse" ? ["--out-dir", out] : []);

  it("a batch with one unreadable file: the readable one is used, the broken one listed, exit 1", () => {
    const { dir, out } = batch();
    const r = runCli([command, dir, ...extra, ...outDir(out)]);
    expect(r.stderr + r.stdout).toContain("broken.json: 不是有效的 JSON（第 1 行第 2 列）");
    expect(hasStackTrace(r.stderr + r.stdout)).toBe(false);
    expect(r.code).toBe(1);
    if (outDir(out).length) expect(readdirSync(out)).toEqual([command === "parse" ? "a001.json" : "a001.txt"]);
  });

  it("one named input that cannot be read: exit 2", () => {
    const { broken, out } = batch();
    const r = runCli([command, broken, ...extra, ...outDir(out)]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain("broken.json: 不是有效的 JSON（第 1 行第 2 列）");
  });

  it("a named path that does not exist: exit 2, nothing read or written", () => {
    const { good, out } = batch();
    const r = runCli([command, good, missing, ...extra, ...outDir(out)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${missing}: 文件或文件夹不存在；请检查路径`);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});

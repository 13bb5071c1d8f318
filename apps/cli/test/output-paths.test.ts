/** Output paths that cannot be written as given: the message says what to do instead. */
import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fx, runCli } from "./helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "gr-out-"));

describe("output paths", () => {
  it("-o into a folder that does not exist says to create it, or to use --out-dir where there is one", () => {
    const dir = join(tmp(), "nx", "sub");
    const init = runCli(["init", "--year", "2024", "-o", join(dir, "f.json")]);
    expect(init.code).toBe(2);
    expect(init.stderr).toContain(`文件夹 ${dir} 不存在：请先创建它（mkdir -p ${dir}）`);
    expect(init.stderr).not.toContain("--out-dir");
    const render = runCli(["render", fx("seed-2020"), "--to", "txt", "-o", join(dir, "f.txt")]);
    expect(render.code).toBe(2);
    expect(render.stderr).toContain(`（mkdir -p ${dir}），或改用 --out-dir ${dir}（会自动创建）`);
    const en = runCli(["parse", fx("seed-2020"), "-o", join(dir, "f.json"), "--lang", "en"]);
    expect(en.stderr).toContain(
      `folder ${dir} does not exist: create it first (mkdir -p ${dir}), or use --out-dir ${dir} (created for you)`,
    );
  });

  it("-o naming a folder says to give a file name in it, not --force", () => {
    const dir = tmp();
    for (const force of [[], ["--force"]]) {
      const r = runCli(["init", "--year", "2024", "-o", dir, ...force]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${dir}: 是一个文件夹：-o 应为文件名（例如 ${join(dir, "新文件名")}）`);
      expect(r.stderr).not.toContain("加 --force");
    }
    const link = join(tmp(), "to-folder");
    mkdirSync(join(dir, "inner"));
    symlinkSync(join(dir, "inner"), link);
    expect(runCli(["init", "--year", "2024", "-o", link]).stderr).toContain("是一个文件夹");
  });
});

/** Help in Chinese by default: no words of commander's own (choices, default) left in English. */
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/program.js";
import { runCli } from "./helpers.js";

const NAMES = ["validate", "compare", "init", "schema", "render", "parse", "check", "aggregate", "export", "serve"];

describe("help", () => {
  it("names every command", () => {
    expect(COMMANDS).toHaveLength(NAMES.length);
  });

  it.each(NAMES)("%s --help has no English of commander's in Chinese, and keeps it with --lang en", (name) => {
    const zh = runCli([name, "--help"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).not.toMatch(/choices|default:|preset:|Usage:|Options:|Arguments:|\[options\]|\[command\]/);
    const en = runCli([name, "--help", "--lang", "en"]);
    expect(en.stdout).toContain("Usage:");
  });

  it("writes the choices and defaults in Chinese", () => {
    expect(runCli(["init", "--help"]).stdout.replace(/\s+/g, "")).toContain("（可选：2019、2021）");
    const exp = runCli(["export", "--help"]).stdout.replace(/\s+/g, "");
    expect(exp).toContain("（可选：zh、en；默认：zh）");
    expect(runCli(["export", "--help", "--lang", "en"]).stdout).toContain('(choices: "zh", "en", default: "zh")');
  });

  it("lines up and wraps Chinese help by the columns a terminal draws (two per Chinese character)", () => {
    const cols = (line: string) =>
      [...line].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
    const lines = runCli(["--help"]).stdout.split("\n");
    // Where each command's description starts: after the name and usage, past two or more spaces.
    const descColumn = (l: string) => cols(l.slice(0, (l.match(/^ {2}\S.*? {2,}/)?.[0] ?? "").length));
    const commandLines = lines.filter((l) => NAMES.some((n) => l.startsWith(`  ${n} `)));
    expect(commandLines).toHaveLength(NAMES.length);
    expect(new Set(commandLines.map(descColumn)).size).toBe(1);
    const body = lines.filter((l) => /^ {2}/.test(l));
    for (const l of body) expect(cols(l)).toBeLessThanOrEqual(80);
    expect(body.some((l) => /^\s+[，。；：、）]/.test(l) || /（$/.test(l))).toBe(false);
  });

  it("describes the arguments in English with --lang en", () => {
    const en = runCli(["check", "--help", "--lang", "en"]).stdout;
    expect(en).toContain("report JSON, PDF, Word (.docx)");
    expect(en).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it("points a usage error to the command's own help", () => {
    const r = runCli(["check", "--bogus", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("（运行 gov-report check --help 查看用法）");
    const en = runCli(["export", "--to", "xml", "x", "--lang", "en"]);
    expect(en.stderr).toContain("(run gov-report export --help for usage)");
  });

  it("prints the help on stderr and exits 2 with no command; --help and help exit 0", () => {
    const r = runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("用法：gov-report [选项] [命令]");
    expect(r.stderr).toContain("check [选项] <paths...>");
    expect(runCli(["--help", "--lang", "en"]).stdout).toContain("Usage: gov-report [options] [command]");
    expect(runCli(["--help"]).code).toBe(0);
    expect(runCli(["help"]).code).toBe(0);
    expect(runCli(["help", "check"]).code).toBe(0);
  });
});

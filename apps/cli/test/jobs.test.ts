import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, runCli } from "./helpers.js";

const BIN = join(ROOT, "apps/cli/src/bin.ts");

/** The pids of the parse workers under `parent` (Linux: read from /proc). */
function workersOf(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (ppid === parent && cmd.includes("worker.ts")) out.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Documents of every kind the parse workers read, in one folder. */
function documents(): string {
  const dir = mkdtempSync(join(tmpdir(), "gr-jobs-"));
  for (const f of ["hongze-2023.pdf", "huaian-2024.pdf", "seed-2020.txt", "hongze-2024.expected.json"])
    cpSync(join(FIXTURES, f), join(dir, f));
  cpSync(join(ROOT, "packages/parser/test/corpus/huaian-2024.libreoffice.docx"), join(dir, "huaian-2024.docx"));
  return dir;
}

describe("--jobs", () => {
  it("gives the same output, in the same order, with one job and with several", () => {
    const dir = documents();
    const one = runCli(["check", "--format", "json", "--jobs", "1", dir]);
    const three = runCli(["check", "--format", "json", "--jobs", "3", dir]);
    expect(three.code).toBe(one.code);
    expect(three.stdout).toBe(one.stdout);
    const files = (JSON.parse(one.stdout) as { files: { file: string; source: string }[] }).files;
    expect(files.map((f) => `${f.file.slice(dir.length + 1)} ${f.source}`)).toEqual([
      "hongze-2023.pdf pdf",
      "hongze-2024.expected.json json",
      "huaian-2024.docx docx",
      "huaian-2024.pdf pdf",
      "seed-2020.txt text",
    ]);
  }, 600_000);

  it.runIf(existsSync("/proc/self/stat"))(
    "leaves no parse worker running when the run is stopped (SIGTERM)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "gr-jobs-stop-"));
      for (let i = 0; i < 8; i++) cpSync(join(FIXTURES, "huaian-2024.pdf"), join(dir, `${i}.pdf`));
      const cli = spawn(
        process.execPath,
        ["--import", "tsx", "--conditions=@gov-report/source", BIN, "check", "--jobs", "2", dir],
        {
          cwd: ROOT,
          stdio: "ignore",
        },
      );
      const ended = new Promise<number | null>((resolve) => cli.on("exit", (code) => resolve(code)));
      let workers: number[] = [];
      for (let i = 0; i < 1200 && workers.length < 2; i++) {
        await sleep(100);
        workers = workersOf(cli.pid as number);
      }
      expect(workers.length).toBe(2);
      cli.kill("SIGTERM");
      expect(await ended).toBe(143);
      for (let i = 0; i < 100 && workers.some(alive); i++) await sleep(100);
      expect(workers.filter(alive)).toEqual([]);
    },
    600_000,
  );

  it("rejects a number of jobs that is not a whole number from 1", () => {
    const r = runCli(["check", "--jobs", "0", FIXTURES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("应为 1 至 256 之间的整数");
  });
});

/**
 * gov-report serve as a person runs it: Ctrl-C (SIGINT) or SIGTERM closes the server and the
 * database, says so and exits 0 (not the 130 of an interrupted batch); what cannot start is told in
 * the language of --lang, naming what to do. The stop is tested on the built CLI (bin/gov-report.js,
 * when built) and on the sources, each in its own process; start-up on a loaded machine is slow.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, hasStackTrace, ROOT, runCli } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const BUILT = join(here, "../bin/gov-report.js");
const built = existsSync(join(here, "../dist/bin.js"));
const FROM_SOURCES = [
  join(ROOT, "node_modules/tsx/dist/cli.mjs"),
  "--conditions=@gov-report/source",
  join(here, "../src/bin.ts"),
];

interface Served {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `serve` in a child process and resolves once it says how to stop it. */
function serve(launcher: string[], args: string[], cwd: string): Promise<Served> {
  const child = spawn(process.execPath, [...launcher, "serve", "--port", "0", "--workers", "1", ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const served = { child, stdout: () => out, stderr: () => err, exited };
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (/按 Ctrl-C 停止|Press Ctrl-C to stop/.test(out)) {
        clearInterval(timer);
        resolve(served);
      }
    }, 50);
    void exited.then(({ code }) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${code} before it started:\n${out}\n${err}`));
    });
  });
}

const urlOf = (out: string) => /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1] ?? "";

describe.each([
  ["the built CLI", [BUILT], built],
  ["the CLI from its sources", FROM_SOURCES, true],
])("Ctrl-C on serve (%s)", (_name, launcher, available) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "gr-serve-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!available)(
    "SIGINT closes the server and the database, says 已停止。 and exits 0",
    async () => {
      const s = await serve(launcher, ["--db", join(dir, "zh.sqlite")], dir);
      try {
        const url = urlOf(s.stdout());
        expect((await fetch(url)).status).toBe(200);
        s.child.kill("SIGINT");
        const { code } = await s.exited;
        expect(code).toBe(0);
        expect(s.stdout()).toMatch(/正在停止…\n已停止。\n$/);
        expect(s.stderr()).toBe("");
        await expect(fetch(url)).rejects.toThrow();
      } finally {
        s.child.kill("SIGKILL");
      }
    },
    180_000,
  );

  it.skipIf(!available)(
    "with --lang en, SIGTERM says Stopped. and exits 0",
    async () => {
      const s = await serve(launcher, ["--db", join(dir, "en.sqlite"), "--lang", "en"], dir);
      try {
        s.child.kill("SIGTERM");
        const { code } = await s.exited;
        expect(code).toBe(0);
        expect(s.stdout()).toMatch(/Stopping…\nStopped\.\n$/);
        expect(s.stderr()).toBe("");
      } finally {
        s.child.kill("SIGKILL");
      }
    },
    180_000,
  );
});

describe("serve that cannot start, or cannot create an account", () => {
  let dir: string;
  let taken: Server;
  let port = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "gr-serve-"));
    mkdirSync(join(dir, "folder"));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => {
    taken.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a port in use: the desk's own words, in Chinese by default and in English with --lang en", () => {
    const zh = runCli(["serve", "--port", String(port), "--db", join(dir, "a.sqlite")], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      `gov-report: 端口 ${port} 已被占用（可能另一个审核台已在运行），请用 --port 换一个端口，或先停止占用它的程序\n`,
    );
    const en = runCli(["serve", "--port", String(port), "--db", join(dir, "a.sqlite"), "--lang", "en"], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`gov-report: port ${port} is already in use`);
    expect(en.stderr).toContain("choose another with --port");
  });

  it("a database that cannot be opened: Chinese by default, English with --lang=en, no stack trace", () => {
    const zh = runCli(["serve", "--db", "folder"], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      "gov-report: folder 是一个文件夹，不是数据库文件，请用 --db 指定一个文件（如 folder/gov-report.sqlite）\n",
    );
    const en = runCli(["serve", "--db", "folder", "--lang=en"], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      "gov-report: folder is a folder, not a database file: give a file with --db (such as folder/gov-report.sqlite)\n",
    );
    expect(hasStackTrace(zh.stderr + en.stderr)).toBe(false);
  });

  it("--add-user with a short password or a name taken: what to do, in the language asked for", () => {
    const db = join(dir, "users.sqlite");
    const env = { GOV_REPORT_PASSWORD: "correct horse" };
    const made = runCli(["serve", "--add-user", "wang", "--db", db], { cwd: dir, env });
    expect(made.code).toBe(0);
    expect(made.stdout).toBe("已创建账户 wang（reviewer）\n");
    const again = runCli(["serve", "--add-user", "wang", "--db", db, "--lang", "en"], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("gov-report: the account wang exists already: choose another user name\n");
    const short = runCli(["serve", "--add-user", "li", "--db", db], {
      cwd: dir,
      env: { GOV_REPORT_PASSWORD: "short" },
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toBe("gov-report: 密码太短，至少需要 8 个字符，请换一个更长的密码\n");
  });
});

describe("Ctrl-C on a batch (no command took the signals)", () => {
  it("still ends the run at once with 130, says so and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gr-interrupt-"));
    try {
      mkdirSync(join(dir, "in"));
      for (let i = 0; i < 8; i++) copyFileSync(join(FIXTURES, "huaian-2024.pdf"), join(dir, "in", `r${i}.pdf`));
      const child = spawn(process.execPath, [...FROM_SOURCES, "parse", "in", "--out-dir", "out", "--jobs", "1"], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let err = "";
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      await new Promise<void>((resolve) => {
        child.stderr!.on("data", (c: Buffer) => {
          err += c.toString();
          if (err.includes("→")) resolve(); // the first file is written: the run is under way
        });
        void exited.then(() => resolve());
      });
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(err).toContain("gov-report: 已中断，未完成的输出文件已删除");
      expect(readdirSync(join(dir, "out")).filter((f) => !f.endsWith(".json"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

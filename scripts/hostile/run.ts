/**
 * `npm run test:hostile`: generates every hostile input (cases.ts) into a temporary folder and
 * runs the built CLI on each, one at a time, under a time limit and a heap cap, measuring its CPU
 * time and peak memory (GNU time's user + system seconds and maximum resident set size). The limit
 * is on CPU seconds, so that a loaded machine does not fail a case; the wall clock kills a case at
 * WALL_FACTOR times its limit. A case passes when the command ends in time, within the memory limit, with an exit code the documented table allows, with no stack
 * trace in its output and with its own checks holding. Needs `npm run build` first.
 *
 *   npm run test:hostile [-- <case id substring>…]
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CASES, type Case } from "./cases.js";
import { MB, ROOT } from "./inputs.js";

const BIN = join(ROOT, "apps/cli/bin/gov-report.js");
const TIME = "/usr/bin/time";
/** Peak memory allowed: 20 times the input, at least 250 MB (Node and the CLI), at most 600 MB. */
const memoryLimitMB = (inputBytes: number) => Math.min(600, Math.max(250, Math.ceil((20 * inputBytes) / MB)));
/** A V8 heap cap well above the limit, so a runaway case fails fast instead of filling the machine. */
const HEAP_CAP_MB = 1536;
const WALL_FACTOR = 6;
const STACK_TRACE = /\n\s+at [^\n]*:\d+:\d+\)?\s*(\n|$)/;

interface Result {
  c: Case;
  code: number | null;
  seconds: number;
  peakMB: number;
  limitMB: number;
  failure?: string;
}

function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  let n = 0;
  try {
    for (const e of readdirSync(path)) n += sizeOf(join(path, e));
  } catch {
    // an unreadable folder of a case counts for nothing
  }
  return n;
}

function runCase(c: Case, base: string): Result {
  const dir = join(base, c.id);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  c.setup(dir);
  const limitMB = memoryLimitMB(c.memoryBasisBytes ?? sizeOf(dir));
  const asUser =
    c.unprivileged && process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
  // GNU time writes its figures as the user the case runs as: into a folder anyone may write.
  const metrics = join(base, "metrics", `${c.id}.time`);
  const [cmd, ...rest] = [...asUser, TIME, "-f", "%M %U %S", "-o", metrics, process.execPath, BIN, ...c.args];
  const started = Date.now();
  const run = spawnSync(cmd as string, rest, {
    cwd: dir,
    encoding: "utf8",
    timeout: c.seconds * 1000 * WALL_FACTOR,
    killSignal: "SIGKILL",
    maxBuffer: 256 * MB,
    env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}`, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const elapsed = (Date.now() - started) / 1000;
  const [kb, user, sys] = existsSync(metrics) ? readFileSync(metrics, "utf8").trim().split(/\s+/).slice(-3) : [];
  const peakMB = Math.round(Number(kb ?? 0) / 1024);
  const cpu = Number(user) + Number(sys);
  const seconds = Number.isFinite(cpu) ? cpu : elapsed;
  const out = { stdout: run.stdout ?? "", stderr: run.stderr ?? "" };
  const r: Result = { c, code: run.status, seconds, peakMB, limitMB };
  if (run.error || run.signal)
    r.failure = run.signal === "SIGKILL" ? `over ${c.seconds} s (killed)` : `${run.error?.message ?? run.signal}`;
  else if (!c.exit.includes(run.status as number))
    r.failure = `exit ${run.status}, expected ${c.exit.join(" or ")}: ${firstLine(out.stderr)}`;
  else if (STACK_TRACE.test(out.stdout + out.stderr)) r.failure = "a stack trace in the output";
  else if (peakMB > limitMB) r.failure = `peak memory ${peakMB} MB over ${limitMB} MB`;
  else {
    try {
      const bad = c.check?.(dir, out);
      if (bad) r.failure = bad;
    } catch (e) {
      r.failure = `check failed: ${(e as Error).message}`;
    }
  }
  return r;
}

const firstLine = (s: string) => (s.trim().split("\n")[0] ?? "").slice(0, 160);

function main(): number {
  if (!existsSync(join(ROOT, "apps/cli/dist/bin.js"))) {
    process.stderr.write("test:hostile runs the built CLI: run `npm run build` first\n");
    return 2;
  }
  if (!existsSync(TIME)) {
    process.stderr.write(`test:hostile measures memory with GNU time (${TIME}): apt-get install time\n`);
    return 2;
  }
  const only = process.argv.slice(2);
  const cases = only.length ? CASES.filter((c) => only.some((o) => c.id.includes(o))) : CASES;
  const base = mkdtempSync(join(tmpdir(), "gov-report-hostile-"));
  chmodSync(base, 0o755);
  mkdirSync(join(base, "metrics"));
  chmodSync(join(base, "metrics"), 0o777);
  const results: Result[] = [];
  try {
    for (const c of cases) {
      const r = runCase(c, base);
      results.push(r);
      const mark = r.failure ? "FAIL" : "ok  ";
      process.stdout.write(
        `${mark} ${c.id.padEnd(30)} exit ${String(r.code).padEnd(4)} ${r.seconds.toFixed(1).padStart(5)} s CPU ${String(r.peakMB).padStart(4)}/${r.limitMB} MB  ${r.failure ?? ""}\n`,
      );
      rmSync(join(base, c.id), { recursive: true, force: true });
    }
  } finally {
    spawnSync("chmod", ["-R", "u+rwx", base]);
    rmSync(base, { recursive: true, force: true });
  }
  const failed = results.filter((r) => r.failure);
  process.stdout.write(`\n${results.length - failed.length} of ${results.length} hostile cases pass\n`);
  for (const r of failed) process.stdout.write(`  ${r.c.id} (${r.c.row}): ${r.failure}\n`);
  return failed.length ? 1 : 0;
}

process.exitCode = main();

/**
 * Where the CPU time of a PDF reading goes, per thread, under each V8 setting a parse worker could
 * have: the fixtures' three PDFs parsed in one process (after BENCH_WARM rounds, so that start-up
 * and the first compilations are left out), BENCH_ROUNDS rounds measured. For each setting it
 * prints CPU time per file of the main thread and of every other thread (V8's helper threads:
 * garbage collection and compilation; libuv's pool), from /proc (Linux only).
 *
 * The ratio total / main thread is what matters for `--jobs`: one reading uses that many cores,
 * so two readings on two cores can be at most 2 / ratio faster than one. CPU time, not wall time,
 * so the figures hold on a shared machine (load raises both a little; the ratio stays).
 *
 * Run: npx tsx --conditions=@gov-report/source apps/cli/bench/parse-cpu.ts
 * (BENCH_SETTINGS="--a;--b --c" to try other settings, separated by ";"; "" is Node's default).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, "../../../fixtures");
const SETTINGS = (process.env.BENCH_SETTINGS ?? ";--single-threaded-gc;--max-semi-space-size=64;--single-threaded")
  .split(";")
  .map((s) => s.trim());

/** CPU ms of each thread of this process. */
function threads(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    const s = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    out.set(tid, (Number(f[11]) + Number(f[12])) * 10);
  }
  return out;
}

/** In the measured process: parse, measure, print one JSON line. */
async function measure(): Promise<void> {
  const { parseReport } = await import("@gov-report/parser");
  const { documentInput } = await import("@gov-report/parser/input");
  const pdfs = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => readFileSync(join(FIXTURES, f)));
  const round = async () => {
    for (const b of pdfs) await parseReport(documentInput("pdf", new Uint8Array(b)));
  };
  for (let i = 0; i < Number(process.env.BENCH_WARM ?? 3); i++) await round();
  const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
  const before = threads();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await round();
  const wallMs = performance.now() - t0;
  const after = threads();
  const main = String(process.pid);
  let other = 0;
  for (const [tid, ms] of after) if (tid !== main) other += ms - (before.get(tid) ?? 0);
  const files = rounds * pdfs.length;
  const mainMs = (after.get(main) ?? 0) - (before.get(main) ?? 0);
  process.stdout.write(`${JSON.stringify({ files, wallMs, mainMs, otherMs: other })}\n`);
}

function main(): void {
  console.log(
    "setting                              main ms/file  other ms/file  total ms/file  total/main  (wall ms/file)",
  );
  for (const setting of SETTINGS) {
    const flags = setting ? setting.split(/\s+/) : [];
    const r = spawnSync(
      process.execPath,
      [...flags, "--import", "tsx", "--conditions=@gov-report/source", fileURLToPath(import.meta.url)],
      { cwd: join(here, "../../.."), encoding: "utf8", env: { ...process.env, BENCH_CHILD: "1" } },
    );
    if (r.status !== 0) throw new Error(`${setting} exited ${r.status}:\n${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split("\n").pop() as string) as Record<string, number>;
    const per = (x: number) => (x / (m.files as number)).toFixed(0).padStart(13);
    const total = (m.mainMs as number) + (m.otherMs as number);
    console.log(
      `${(setting || "(Node's default)").padEnd(36)} ${per(m.mainMs as number)}  ${per(m.otherMs as number)}  ${per(total)}  ${(total / (m.mainMs as number)).toFixed(2).padStart(10)}  (${(m.wallMs as number) / (m.files as number) > 0 ? ((m.wallMs as number) / (m.files as number)).toFixed(0) : "-"})`,
    );
  }
}

if (process.env.BENCH_CHILD) await measure();
else main();

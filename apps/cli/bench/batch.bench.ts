/**
 * Benchmark of the batch tools and of CLI start-up, run as a user runs them: the built CLI
 * (`node apps/cli/dist/bin.js`, built first from the current sources of core and the CLI) in a
 * child process over 10,000 generated report files.
 *
 *   - files/s of `check` and `aggregate`, end to end, against a baseline measured in the same run:
 *     a bare Node process that only reads and JSON.parses the same files (the floor of any tool);
 *   - peak memory (maxRSS) of each child, reported by a preloaded probe (bench/rss-probe.mjs);
 *   - wall time of `gov-report validate <one file>` against `node -e 0`;
 *   - `check` of 40 PDFs (copies of the fixtures' PDFs) with --jobs 1 against --jobs 2: what the
 *     parse workers gain on two cores, by wall time and by CPU time (BENCH_PDFS changes the
 *     number, BENCH_ROUNDS the rounds; BENCH_ONLY_PDFS=1 skips the 10,000 files).
 *
 * Run: npm run bench -w @gov-report/cli   (set BENCH_FILES to change the number of files,
 * BENCH_NO_BUILD=1 to reuse the existing dist, BENCH_KEEP=1 to keep the generated folder for profiling).
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { computeTotals, createEmptyReport, numericCellsOf, type Report2021, setAt } from "@gov-report/core";

const here = dirname(fileURLToPath(import.meta.url));
const CLI_DIR = join(here, "..");
const ROOT = join(CLI_DIR, "../..");
const BIN = join(CLI_DIR, "dist/bin.js");
const PROBE = join(here, "rss-probe.mjs");
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const PDFS = Number(process.env.BENCH_PDFS ?? 40);

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

function build(): void {
  for (const ws of ["@gov-report/core", "@gov-report/parser", "@gov-report/cli"]) {
    const r = spawnSync("npm", ["run", "build", "-w", ws], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build of ${ws} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Generated reports: 2023 and 2024 of FILES/2 agencies, consistent, varied, some with faults.
// ---------------------------------------------------------------------------------------------

/** Deterministic PRNG (mulberry32), so every run measures the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTS = ["naturalPerson", "business", "research", "nonprofit", "legalServices", "otherOrganization"] as const;

function makeReport(agency: string, year: number, carriedOver: Record<string, number>, rand: () => number): Report2021 {
  const r = createEmptyReport({ edition: "2021", year, agencyName: agency });
  const raw = r as unknown as Record<string, unknown>;
  for (const c of numericCellsOf("2021")) {
    if (c.sums || c.path[1] === "carriedForward" || c.path[1] === "carriedOver") continue;
    const big = c.path[1] === "received" || c.path[2] === "disclosed";
    const v = c.kind === "amountWanYuan" ? Math.round(rand() * 1e6) / 1e2 : Math.floor(rand() ** 3 * (big ? 200 : 8));
    setAt(raw, c.path, v);
  }
  Object.assign(r.applications.carriedOver, carriedOver);
  const t = computeTotals(r);
  const a = t.applications;
  // Close invariant 1 per column: received = outcomes − carried over + carried forward, all ≥ 0.
  for (const k of PARTS) {
    a.carriedForward[k] = Math.max(0, a.carriedOver[k] - a.outcomes.total[k]) + Math.floor(rand() * 3);
    a.received[k] = a.outcomes.total[k] - a.carriedOver[k] + a.carriedForward[k];
  }
  const fixed = computeTotals(t);
  fixed.overview = `${year}年，本机关共收到政府信息公开申请${fixed.applications.received.total}件，上年结转${fixed.applications.carriedOver.total}件。编号${Math.floor(rand() * 1e9)}的工作安排按计划推进，主动公开${Math.floor(rand() * 500)}条信息。`;
  fixed.problemsAndImprovements = `存在问题：${["公开时效性", "解读质量", "平台建设", "依申请办理"][Math.floor(rand() * 4)]}有待提高。改进措施编号${Math.floor(rand() * 1e6)}。`;
  fixed.otherMatters = "本年度未收取信息处理费。";
  return fixed;
}

function generate(dir: string): { faulty: number; crossFaulty: number } {
  const rand = rng(20240131);
  let faulty = 0;
  let crossFaulty = 0;
  const agencies = Math.ceil(FILES / 2);
  for (let i = 0; i < agencies; i++) {
    const name = `某市第${i + 1}局`;
    // Laid out by year, as reports are collected: the two years of an agency are 5,000 files
    // apart, so check re-reads every pair (its slow path).
    const sub = (year: number) => {
      const d = join(dir, String(year), `d${String(i % 100).padStart(2, "0")}`);
      mkdirSync(d, { recursive: true });
      return d;
    };
    const zero = Object.fromEntries([...PARTS, "total"].map((k) => [k, 0]));
    const r2023 = makeReport(name, 2023, zero, rand);
    const r2024 = makeReport(name, 2024, { ...r2023.applications.carriedForward }, rand);
    if (i % 50 === 7) {
      r2023.reviewsAndLawsuits.administrativeReview.total += 1; // a broken 总计
      faulty++;
    }
    if (i % 100 === 3) {
      // 2024 carries over one more than 2023 carried forward (and stays balanced on its own).
      r2024.applications.carriedOver.naturalPerson += 1;
      r2024.applications.carriedOver.total += 1;
      r2024.applications.carriedForward.naturalPerson += 1;
      r2024.applications.carriedForward.total += 1;
      crossFaulty++;
    }
    writeFileSync(join(sub(2023), `${i}.json`), JSON.stringify(r2023, null, 2));
    if (2 * i + 1 < FILES) writeFileSync(join(sub(2024), `${i}.json`), JSON.stringify(r2024, null, 2));
  }
  return { faulty, crossFaulty };
}

// ---------------------------------------------------------------------------------------------
// Measuring a child process
// ---------------------------------------------------------------------------------------------

interface Run {
  ms: number;
  /** Peak memory of the CLI's own process, and of its biggest parse worker (0 when none ran). */
  maxRssMb: number;
  workerRssMb: number;
  /** CPU time of the whole run: the CLI's process and every parse worker, all their threads. */
  cpuMs: number;
  /** CPU time of the busiest worker's main thread: what no second core can take off it. */
  workerMainMs: number;
  workers: number;
  code: number;
  stderr: string;
}

interface ProbeLine {
  pid: number;
  maxRssKb: number;
  cpuMs: number;
  mainThreadMs: number;
}

/** Runs node with `args`, the probe preloaded into it and (through NODE_OPTIONS) into its workers. */
function run(args: string[], rssFile: string): Run {
  const devnull = openSync("/dev/null", "w");
  rmSync(rssFile, { force: true });
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ""} --import=${pathToFileURL(PROBE).href}`.trim();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", devnull, "pipe"],
    env: { ...process.env, NO_COLOR: "1", GOV_REPORT_RSS_FILE: rssFile, NODE_OPTIONS: nodeOptions },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const lines = readFileSync(rssFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProbeLine);
  const main = lines.find((l) => l.pid === r.pid);
  const workers = lines.filter((l) => l !== main);
  return {
    ms,
    maxRssMb: (main?.maxRssKb ?? 0) / 1024,
    workerRssMb: Math.max(0, ...workers.map((w) => w.maxRssKb)) / 1024,
    cpuMs: (main?.cpuMs ?? 0) + workers.reduce((a, w) => a + w.cpuMs, 0),
    workerMainMs: Math.max(0, ...workers.map((w) => w.mainThreadMs)),
    workers: workers.length,
    code: r.status ?? -1,
    stderr: r.stderr,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

function timeOnce(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}`);
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------------------------

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** PDFS copies of the fixtures' PDFs in `dir`. */
function copyPdfs(dir: string, count: number, offset = 0): void {
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(join(ROOT, "fixtures")).filter((f) => f.endsWith(".pdf"));
  for (let i = offset; i < offset + count; i++) {
    const src = sources[i % sources.length] as string;
    copyFileSync(join(ROOT, "fixtures", src), join(dir, `${String(i).padStart(2, "0")}-${src}`));
  }
}

/** Wall time of a shell line (two CLI processes side by side, or one after the other). */
function shellMs(line: string): number {
  const t0 = performance.now();
  const r = spawnSync("bash", ["-c", line], { cwd: ROOT, stdio: "ignore" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${line} exited ${r.status}`);
  return performance.now() - t0;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

/**
 * What the CPU time of two runs allows on two idle cores: a run cannot end before its busiest
 * worker's main thread is done, nor before two cores have done all of its CPU work.
 */
function twoCoreBound(one: Run, two: Run): number {
  const wall = (r: Run) => Math.max(r.workerMainMs, r.cpuMs / 2);
  return wall(one) / wall(two);
}

function pdfLine(name: string, r: Run): void {
  if (r.code !== 1 && r.code !== 0) throw new Error(`${name} exited ${r.code}:\n${r.stderr.slice(-2000)}`);
  console.log(
    `${`${name} (${PDFS} PDFs)`.padEnd(34)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${(PDFS / (r.ms / 1000)).toFixed(1).padStart(6)} files/s  ` +
      `CPU ${(r.cpuMs / PDFS).toFixed(0)} ms/file (busiest worker's main thread ${(r.workerMainMs / 1000).toFixed(2)} s, ${r.workers} workers)  ` +
      `peak ${r.maxRssMb.toFixed(0)} MB + ${r.workerRssMb.toFixed(0)} MB/worker (median of ${ROUNDS})`,
  );
}

/**
 * `check` over PDFS PDFs with one parse worker and with two, alternated, median of ROUNDS. Both
 * sides run the same code: the CLI's process reads the files and hands every PDF to worker
 * processes (@gov-report/parser/pool), one with `--jobs 1` (V8's defaults), two with `--jobs 2`
 * (garbage collection on each worker's own thread: `workerV8Flags`), each side as fast as it can.
 * Wall time says the speed-up on this machine now; CPU time per file (the probe's, every process
 * and thread of the run) says what two idle cores would allow, which a shared machine cannot show
 * by timing. Next to it, what the machine itself allows: the same PDFs in two halves read by two
 * separate `--jobs 1` runs at once against one after the other.
 */
function pdfJobs(work: string, rss: string): void {
  const dir = join(work, "pdfs");
  copyPdfs(dir, PDFS);
  const before = load();
  const runs: Record<"1" | "2", Run[]> = { "1": [], "2": [] };
  for (let i = 0; i < ROUNDS; i++)
    for (const j of ["1", "2"] as const) runs[j].push(run([BIN, "check", "--jobs", j, dir], rss));
  const mid = (rs: Run[]) => [...rs].sort((a, b) => a.ms - b.ms)[Math.floor(rs.length / 2)] as Run;
  const one = mid(runs["1"]);
  const two = mid(runs["2"]);
  console.log("");
  pdfLine("check of PDFs --jobs 1", one);
  pdfLine("check of PDFs --jobs 2", two);
  const speedUp = one.ms / two.ms;
  console.log(
    `speed-up with 2 jobs: ${speedUp.toFixed(2)}× (on ${availableParallelism()} cores, load average ${before} → ${load()}); ` +
      `target ≥ 1.7×: ${speedUp >= 1.7 ? "met" : "NOT met"}`,
  );
  console.log(`what the CPU time allows on 2 idle cores: ${twoCoreBound(one, two).toFixed(2)}×`);
  machineCeiling(work);
}

/** Two separate `--jobs 1` runs over the two halves of the PDFs, at once against one after the other. */
function machineCeiling(work: string): void {
  const [a, b] = [join(work, "half-a"), join(work, "half-b")];
  copyPdfs(a, Math.ceil(PDFS / 2));
  copyPdfs(b, Math.floor(PDFS / 2), Math.ceil(PDFS / 2));
  const cli = (d: string) => `"${process.execPath}" "${BIN}" check --jobs 1 "${d}" >/dev/null 2>&1`;
  const seq: number[] = [];
  const par: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    seq.push(shellMs(`${cli(a)}; ${cli(b)}`));
    par.push(shellMs(`${cli(a)} & ${cli(b)}; wait`));
  }
  console.log(
    `machine: two --jobs 1 runs at once against one after the other: ${(median(seq) / median(par)).toFixed(2)}× (${(median(seq) / 1000).toFixed(2)} s → ${(median(par) / 1000).toFixed(2)} s)`,
  );
}

/** `check` and `aggregate` over FILES generated JSON reports, against a bare read + JSON.parse. */
function jsonBatch(work: string, rss: string): void {
  const dir = join(work, "reports");
  const t0 = performance.now();
  const { faulty, crossFaulty } = generate(dir);
  const genMs = performance.now() - t0;
  console.log(
    `generated ${FILES} report files (${faulty} with a broken 总计, ${crossFaulty} cross-year faults) in ${(genMs / 1000).toFixed(1)} s`,
  );
  const baselineScript = join(work, "baseline.mjs");
  writeFileSync(
    baselineScript,
    `import { readdirSync, readFileSync } from "node:fs"; import { join } from "node:path";
let n = 0; const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name);
if (e.isDirectory()) walk(p); else { JSON.parse(readFileSync(p, "utf8")); n++; } } }; walk(process.argv[2]);`,
  );
  const baseline = run([baselineScript, dir], rss);
  const check = run([BIN, "check", dir], rss);
  const aggregate = run([BIN, "aggregate", dir, "--year", "2024", "-o", join(work, "sum.json")], rss);
  const rate = (r: Run) => Math.round(FILES / (r.ms / 1000));
  const line = (name: string, r: Run, expectCode: number) => {
    if (r.code !== expectCode)
      throw new Error(`${name} exited ${r.code}, expected ${expectCode}:\n${r.stderr.slice(-2000)}`);
    console.log(
      `${name.padEnd(34)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${String(rate(r)).padStart(6)} files/s  ` +
        `${(r.ms / baseline.ms).toFixed(2).padStart(5)}× baseline  peak ${r.maxRssMb.toFixed(0)} MB`,
    );
  };
  console.log("");
  line("baseline: read + JSON.parse only", baseline, 0);
  line("gov-report check (text table)", check, 1);
  line("gov-report aggregate --year 2024", aggregate, 0);
}

/** Start-up: one small command against an empty Node process, alternated, median of 15. */
function startUp(): void {
  const one = join(ROOT, "fixtures/seed-2020.expected.json");
  const nodeMs: number[] = [];
  const cliMs: number[] = [];
  timeOnce(["-e", "0"]);
  timeOnce([BIN, "validate", one]);
  for (let i = 0; i < 15; i++) {
    nodeMs.push(timeOnce(["-e", "0"]));
    cliMs.push(timeOnce([BIN, "validate", one]));
  }
  const n = median(nodeMs);
  const c = median(cliMs);
  console.log("");
  console.log(`node -e 0                           ${n.toFixed(0).padStart(5)} ms (median of 15)`);
  console.log(
    `gov-report validate <one file>      ${c.toFixed(0).padStart(5)} ms (median of 15)  ${(c / n).toFixed(2)}× node -e 0`,
  );
}

function main(): void {
  if (!process.env.BENCH_NO_BUILD) build();
  const work = mkdtempSync(join(tmpdir(), "gr-batch-bench-"));
  const rss = join(work, "rss");
  try {
    console.log(`machine: ${process.versions.node}, ${process.platform}/${process.arch}`);
    if (!process.env.BENCH_ONLY_PDFS) jsonBatch(work, rss);
    if (PDFS > 0) pdfJobs(work, rss);
    if (!process.env.BENCH_ONLY_PDFS) startUp();
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main();

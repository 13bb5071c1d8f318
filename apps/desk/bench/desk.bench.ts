/**
 * Benchmark of the review desk, against the CLI's `check` on the same files in the same run:
 *   - import of 1,000 JSON reports and of 50 PDFs over HTTP (POST /api/reports, 4 uploads at a
 *     time), in reports/s, against `gov-report check <folder>` on the same files (both from the
 *     sources through tsx, so the CLI's figure includes its start-up);
 *   - the list page's response time (GET /api/reports, 100 rows, three sorts/filters) with 10,000
 *     reports in the database, p50 / p95 over 200 requests each;
 *   - memory (RSS) of the process running the desk, after the imports and after the list requests.
 * SQLite always; PostgreSQL too when GOV_REPORT_TEST_PG names a database (it is emptied).
 *
 * Run: npm run bench -w @gov-report/desk   (BENCH_JSON, BENCH_PDFS, BENCH_LIST change the sizes)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateReport } from "@gov-report/core/lite";
import { openDb } from "../src/db/connect.js";
import { startDesk } from "../src/index.js";
import { storeVersion } from "../src/ingest/store.js";
import { resetPostgres } from "../test/helpers.js";

const JSON_N = Number(process.env.BENCH_JSON ?? 1000);
const PDF_N = Number(process.env.BENCH_PDFS ?? 50);
const LIST_N = Number(process.env.BENCH_LIST ?? 10_000);
const FIX = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const CLI = fileURLToPath(new URL("../../cli/src/bin.ts", import.meta.url));

function makeFiles(dir: string) {
  const base = JSON.parse(readFileSync(join(FIX, "huaian-2024.expected.json"), "utf8"));
  const jsonDir = join(dir, "json");
  const pdfDir = join(dir, "pdf");
  mkdirSync(jsonDir);
  mkdirSync(pdfDir);
  for (let i = 0; i < JSON_N; i++) {
    base.agency.name = `基准县第${i}局`;
    writeFileSync(join(jsonDir, `r${i}.json`), JSON.stringify(base));
  }
  const pdfs = ["hongze-2023.pdf", "hongze-2024.pdf", "huaian-2024.pdf"].map((f) => readFileSync(join(FIX, f)));
  // Distinct bytes (a comment after %%EOF, which readers ignore), so each is a new import.
  for (let i = 0; i < PDF_N; i++)
    writeFileSync(join(pdfDir, `p${i}.pdf`), Buffer.concat([pdfs[i % 3]!, Buffer.from(`\n%bench ${i}\n`)]));
  return { jsonDir, pdfDir };
}

async function uploadAll(url: string, dir: string, n: number, ext: string): Promise<number> {
  const names = Array.from({ length: n }, (_, i) => `${ext === "pdf" ? "p" : "r"}${i}.${ext}`);
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  const one = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      const res = await fetch(`${url}api/reports?filename=${name}`, {
        method: "POST",
        body: readFileSync(join(dir, name)),
      });
      if (res.status !== 201) failed++;
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 4 }, one));
  if (failed) process.stderr.write(`  ${failed} uploads not created\n`);
  return n / ((performance.now() - t0) / 1000);
}

function cliCheck(dir: string, n: number): number {
  const t0 = performance.now();
  spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=@gov-report/source", CLI, "check", dir, "--format", "json"],
    {
      stdio: ["ignore", "ignore", "ignore"],
      maxBuffer: 1 << 30,
    },
  );
  return n / ((performance.now() - t0) / 1000);
}

async function fill(target: string, n: number) {
  const store = await openDb(target);
  const base = JSON.parse(readFileSync(join(FIX, "hongze-2023.expected.json"), "utf8"));
  const issues = validateReport(base).issues;
  for (let i = 0; i < n; i++) {
    base.agency.name = `列表县第${i}单位`;
    base.year = 2015 + (i % 10);
    const json = JSON.stringify(base);
    await storeVersion(store, {
      bytes: Buffer.from(json),
      sha: `list-${i}`,
      filename: `l${i}.json`,
      actor: "bench",
      analysis: {
        kind: "json",
        agency: base.agency.name,
        year: base.year,
        edition: "2021",
        reportJson: json,
        issues,
        errors: 2,
        warnings: i % 4,
        unread: 0,
      },
    });
  }
  await store.close();
}

const pct = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function listTimes(url: string) {
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const q of ["", "sort=errors&order=desc&offset=5000", "q=%E5%8E%BF%E7%AC%AC99&year=2019"]) {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await (await fetch(`${url}api/reports?limit=100&${q}`)).json();
      times.push(performance.now() - t0);
    }
    out[q || "default"] = { p50: pct(times, 50), p95: pct(times, 95) };
  }
  return out;
}

const mb = () => Math.round(process.memoryUsage().rss / 1048576);

async function run(kind: "sqlite" | "postgres", files: { jsonDir: string; pdfDir: string }, dir: string) {
  const target = kind === "postgres" ? process.env.GOV_REPORT_TEST_PG! : join(dir, `desk-${Date.now()}.sqlite`);
  if (kind === "postgres") await resetPostgres(target);
  const d = await startDesk({ db: target, port: 0, log: () => undefined });
  const json = await uploadAll(d.url, files.jsonDir, JSON_N, "json");
  const pdf = await uploadAll(d.url, files.pdfDir, PDF_N, "pdf");
  const afterImport = mb();
  await d.close();
  if (kind === "postgres") await resetPostgres(target);
  else rmSync(target, { force: true });
  await fill(target, LIST_N);
  const d2 = await startDesk({ db: target, port: 0, log: () => undefined });
  const list = await listTimes(d2.url);
  const afterList = mb();
  await d2.close();
  return { json, pdf, afterImport, afterList, list };
}

const dir = mkdtempSync(join(tmpdir(), "gr-desk-bench-"));
try {
  const files = makeFiles(dir);
  console.log(
    `desk bench: ${JSON_N} JSON, ${PDF_N} PDF, list of ${LIST_N}; ${availableParallelism()} cores, Node ${process.version}`,
  );
  const cliJson = cliCheck(files.jsonDir, JSON_N);
  const cliPdf = cliCheck(files.pdfDir, PDF_N);
  console.log(
    `gov-report check (same files): JSON ${cliJson.toFixed(1)} reports/s, PDF ${cliPdf.toFixed(2)} reports/s`,
  );
  for (const kind of process.env.GOV_REPORT_TEST_PG ? (["sqlite", "postgres"] as const) : (["sqlite"] as const)) {
    const r = await run(kind, files, dir);
    console.log(
      `\n[${kind}] import JSON ${r.json.toFixed(1)} reports/s (${(r.json / cliJson).toFixed(2)} × check), PDF ${r.pdf.toFixed(2)} reports/s (${(r.pdf / cliPdf).toFixed(2)} × check)`,
    );
    for (const [q, t] of Object.entries(r.list))
      console.log(`[${kind}] list ${q}: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
    console.log(`[${kind}] RSS after imports ${r.afterImport} MB, after list requests ${r.afterList} MB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

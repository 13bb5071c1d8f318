/**
 * Parser accuracy on the real fixtures: every fixture source (fixtures/*.pdf, fixtures/*.txt) is
 * parsed and compared with its *.expected.json cell by cell (numbers, edition, year), the way the
 * acceptance checker's compare-cells.cjs does. With --corpus, the derived inputs in
 * test/corpus/ (see its README) are scored too. Exit code 1 when any cell is wrong.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseReport } from "../src/index.js";
import type { ParseInput } from "../src/types.js";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const CORPUS = resolve(here, "../test/corpus");

type Json = Record<string, unknown>;

/** Numeric leaves of 二, 三, 四 with their paths. */
function numericCells(report: Json): [string[], number][] {
  const out: [string[], number][] = [];
  const walk = (o: unknown, p: string[]) => {
    if (typeof o === "number") out.push([p, o]);
    else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) walk(v, [...p, k]);
  };
  for (const k of ["proactiveDisclosure", "applications", "reviewsAndLawsuits"]) walk(report[k], [k]);
  return out;
}

const at = (o: unknown, p: readonly string[]) =>
  p.reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Json)[k] : undefined), o);
const same = (g: unknown, v: number) =>
  g === v || (typeof g === "number" && Math.abs(g - v) < 1e-6) || (v === 0 && g === null);

export interface Score {
  right: number;
  total: number;
  misses: string[];
}

export function score(expected: Json, got: Json): Score {
  const cells = numericCells(expected);
  const misses: string[] = [];
  let right = 0;
  for (const [p, v] of cells) {
    const g = at(got, p);
    if (same(g, v)) right++;
    else misses.push(`${p.join(".")}=${v} got ${String(g)}`);
  }
  for (const k of ["edition", "year"] as const) {
    if (got[k] === expected[k]) right++;
    else misses.unshift(`${k}=${String(expected[k])} got ${String(got[k])}`);
  }
  return { right, total: cells.length + 2, misses };
}

function inputOf(file: string): ParseInput {
  const ext = extname(file).toLowerCase();
  if (ext === ".pdf") return { pdf: new Uint8Array(readFileSync(file)) };
  if (ext === ".docx") return { docx: new Uint8Array(readFileSync(file)) };
  const text = readFileSync(file, "utf8");
  return ext === ".html" || ext === ".htm" ? { html: text } : { text };
}

async function main() {
  const withCorpus = process.argv.includes("--corpus");
  const jobs: { source: string; expected: string }[] = [];
  for (const f of readdirSync(FIXTURES).sort()) {
    if (!/\.(pdf|txt)$/.test(f)) continue;
    const stem = f.replace(/\.(pdf|txt)$/, "");
    jobs.push({ source: join(FIXTURES, f), expected: join(FIXTURES, `${stem}.expected.json`) });
  }
  if (withCorpus) {
    for (const f of readdirSync(CORPUS).sort()) {
      if (f === "README.md") continue;
      // corpus files are named <fixture>.<variant>.<ext>
      const stem = f.split(".")[0] as string;
      jobs.push({ source: join(CORPUS, f), expected: join(FIXTURES, `${stem}.expected.json`) });
    }
  }
  let right = 0;
  let total = 0;
  const lines: string[] = [];
  for (const j of jobs) {
    const expected = JSON.parse(readFileSync(j.expected, "utf8")) as Json;
    const { report, diagnostics, confidence } = await parseReport(inputOf(j.source));
    const s = score(expected, report as unknown as Json);
    right += s.right;
    total += s.total;
    const pct = ((100 * s.right) / s.total).toFixed(1);
    const name = j.source.startsWith(CORPUS) ? `corpus/${basename(j.source)}` : basename(j.source);
    lines.push(
      `${s.right === s.total ? "ok  " : "MISS"} ${name.padEnd(40)} ${String(s.right).padStart(3)}/${s.total} (${pct}%)  confidence ${confidence}  diagnostics ${diagnostics.length}`,
    );
    for (const m of s.misses.slice(0, 5)) lines.push(`       ${m}`);
  }
  lines.push(`overall ${right}/${total} cells (${((100 * right) / total).toFixed(2)}%) over ${jobs.length} files`);
  process.stdout.write(`${lines.join("\n")}\n`);
  process.exitCode = right === total ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`eval failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  });
}

/**
 * Round trip over generated figures: the real fixtures are taken as templates (agency, year,
 * edition, narratives) and their table figures replaced by random ones that keep every invariant
 * (seeded, so a run is reproducible). Each report is rendered by @gov-report/renderer in every form
 * an agency publishes — HTML page, text a crawler scrapes from it, plain text, Markdown, Word and,
 * with --pdf, PDF printed by Chromium — parsed back and compared cell by cell.
 *
 * The four fixtures fix one set of figures each; this finds readers that only work for those
 * (a run of digits split one way because the numbers happened to allow it, a column read as a row
 * when zeros line up). Scraped text is scored apart: where run-together digits admit several splits
 * the parser must say so (`split.ambiguous`), so a miss there counts only when it was not flagged.
 *
 * Run: npm run roundtrip -w @gov-report/parser -- [--count N] [--seed S] [--pdf] [--forms html,text,...]
 * Exit code 1 when any cell is read wrong without a diagnostic saying it might be.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  APPLICANT_PARTS,
  computeTotals,
  getAt,
  numericCellsOf,
  type Report,
  setAt,
  validateReport,
} from "@gov-report/core";
import { renderDocx, renderHtml, renderMarkdown, renderText } from "@gov-report/renderer";
import { parseReport } from "../src/index.js";
import type { ParseInput, ParseResult } from "../src/types.js";
import { score } from "./eval.js";
import { scrape } from "./make-corpus.js";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const TEMPLATES = ["seed-2020", "huaian-2024", "hongze-2023", "hongze-2024"];

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A count as real reports have them: mostly 0, often small, now and then large. */
function count(rand: () => number): number {
  const r = rand();
  if (r < 0.5) return 0;
  if (r < 0.8) return 1 + Math.floor(rand() * 20);
  if (r < 0.95) return 21 + Math.floor(rand() * 980);
  return 1000 + Math.floor(rand() * 99_000);
}

/** The template with random figures that satisfy invariants 1, 3, 4 and 5. */
export function randomReport(template: Report, rand: () => number): Report {
  let report = structuredClone(template) as Report;
  const root = report as unknown as Record<string, unknown>;
  for (const cell of numericCellsOf(report.edition)) {
    if (cell.sums) continue;
    if (cell.path[0] === "applications" && cell.path[1] === "carriedForward") continue;
    let v: number;
    if (cell.kind === "signedCount") v = rand() < 0.4 ? 0 : Math.floor(rand() * 61) - 30;
    else if (cell.kind === "amountWanYuan") {
      const decimals = Math.min(cell.maxDecimals ?? 2, Math.floor(rand() * 3));
      v = rand() < 0.3 ? 0 : Math.round(rand() * 10 ** (2 + Math.floor(rand() * 4)) * 10 ** decimals) / 10 ** decimals;
    } else v = count(rand);
    setAt(root, cell.path, v);
  }
  report = computeTotals(report);
  // 一 + 二 = 三（七）+ 四, per applicant column: what was not handled this year is carried forward.
  const apps = report.applications as unknown as Record<string, Record<string, unknown>>;
  for (const col of APPLICANT_PARTS) {
    const handled = getAt(apps, ["outcomes", "total", col]) as number;
    const carriedOver = getAt(apps, ["carriedOver", col]) as number;
    const rest = Math.max(rand() < 0.6 ? 0 : Math.floor(rand() * 5), carriedOver - handled);
    setAt(apps, ["received", col], handled + rest - carriedOver);
    setAt(apps, ["carriedForward", col], rest);
  }
  return computeTotals(report);
}

export type Form = "html" | "scraped" | "text" | "markdown" | "docx" | "pdf" | "pdftotext" | "pdftotext-layout";
export const FORMS: readonly Form[] = [
  "html",
  "scraped",
  "text",
  "markdown",
  "docx",
  "pdf",
  "pdftotext",
  "pdftotext-layout",
];
const PRINTED: readonly Form[] = ["pdf", "pdftotext", "pdftotext-layout"];

/** `pdftotext` (poppler-utils) of a PDF, plain or -layout; undefined when it is not installed. */
function pdftotext(pdf: Uint8Array, layout: boolean): string | undefined {
  try {
    return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", "-", "-"], {
      input: pdf,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
  } catch {
    return undefined;
  }
}

async function inputFor(
  report: Report,
  form: Exclude<Form, "pdf" | "pdftotext" | "pdftotext-layout">,
): Promise<ParseInput> {
  switch (form) {
    case "html":
      return { html: await renderHtml(report) };
    case "scraped":
      return { text: scrape(await renderHtml(report)) };
    case "text":
      return { text: renderText(report) };
    case "markdown":
      return { text: renderMarkdown(report) };
    case "docx":
      return { docx: await renderDocx(report) };
  }
}

export interface RoundTrip {
  form: Form;
  index: number;
  right: number;
  total: number;
  /** Wrong cells the parser did not flag as ambiguous or unreadable. */
  silent: string[];
  flagged: number;
}

/** Cells the parser said it could not be sure of. */
function flaggedPaths(result: ParseResult): Set<string> {
  const out = new Set<string>();
  for (const d of result.diagnostics) {
    if (d.severity === "info") continue;
    if (d.path) out.add(d.path.join("."));
  }
  return out;
}

export function compare(expected: Report, result: ParseResult, form: Form, index: number): RoundTrip {
  const s = score(expected as unknown as Record<string, unknown>, result.report as unknown as Record<string, unknown>);
  const flagged = flaggedPaths(result);
  const silent = s.misses.filter((m) => {
    const p = m.slice(0, m.indexOf("="));
    for (const f of flagged) if (p === f || p.startsWith(`${f}.`)) return false;
    return true;
  });
  return { form, index, right: s.right, total: s.total, silent, flagged: s.misses.length - silent.length };
}

export function templates(): Report[] {
  return TEMPLATES.map((t) => JSON.parse(readFileSync(join(FIXTURES, `${t}.expected.json`), "utf8")) as Report);
}

export function generate(count: number, seed: number): Report[] {
  const rand = prng(seed);
  const base = templates();
  const out: Report[] = [];
  for (let i = 0; i < count; i++) {
    const report = randomReport(base[i % base.length] as Report, rand);
    const errors = validateReport(report).issues.filter((x) => x.severity === "error");
    if (errors.length) throw new Error(`generated report ${i} breaks ${JSON.stringify(errors[0])}`);
    out.push(report);
  }
  return out;
}

export async function roundTrip(reports: readonly Report[], forms: readonly Form[]): Promise<RoundTrip[]> {
  const out: RoundTrip[] = [];
  const printed = forms.filter((f) => PRINTED.includes(f));
  if (printed.length) {
    const { renderPdf } = await import("@gov-report/renderer/pdf");
    const pdfs = await renderPdf(reports);
    for (const form of printed) {
      for (const [i, pdf] of pdfs.entries()) {
        let input: ParseInput = { pdf };
        if (form !== "pdf") {
          const text = pdftotext(pdf, form === "pdftotext-layout");
          if (text === undefined) throw new Error("pdftotext not found: apt-get install poppler-utils");
          input = { text };
        }
        out.push(compare(reports[i] as Report, await parseReport(input), form, i));
      }
    }
  }
  for (const form of forms) {
    if (PRINTED.includes(form)) continue;
    for (const [i, report] of reports.entries())
      out.push(
        compare(report, await parseReport(await inputFor(report, form as Parameters<typeof inputFor>[1])), form, i),
      );
  }
  return out;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main() {
  const count = Number(option("--count") ?? 40);
  const seed = Number(option("--seed") ?? 1);
  const forms = (option("--forms")?.split(",") as Form[] | undefined) ?? FORMS.filter((f) => !PRINTED.includes(f));
  if (process.argv.includes("--pdf")) for (const f of PRINTED) if (!forms.includes(f)) forms.push(f);
  const unknown = forms.filter((f) => !FORMS.includes(f));
  if (unknown.length || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    process.stderr.write(`usage: roundtrip [--count N] [--seed S] [--pdf] [--forms ${FORMS.join(",")}]\n`);
    process.exitCode = 2;
    return;
  }
  const reports = generate(count, seed);
  const results = await roundTrip(reports, forms);
  let silentTotal = 0;
  for (const form of forms) {
    const rs = results.filter((r) => r.form === form);
    const right = rs.reduce((a, r) => a + r.right, 0);
    const total = rs.reduce((a, r) => a + r.total, 0);
    const flagged = rs.reduce((a, r) => a + r.flagged, 0);
    const silent = rs.flatMap((r) => r.silent.map((m) => `#${r.index} ${m}`));
    silentTotal += silent.length;
    process.stdout.write(
      `${form.padEnd(9)} ${right}/${total} cells (${((100 * right) / total).toFixed(2)}%)  flagged ${flagged}  wrong without a diagnostic ${silent.length}\n`,
    );
    for (const m of silent.slice(0, process.argv.includes("--all") ? undefined : 8))
      process.stdout.write(`          ${m}\n`);
  }
  process.stdout.write(`${count} reports, seed ${seed}\n`);
  process.exitCode = silentTotal ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`roundtrip failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  });
}

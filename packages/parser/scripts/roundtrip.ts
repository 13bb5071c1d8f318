/**
 * Round trip over generated figures: the real fixtures are taken as templates (agency, year,
 * edition, narratives) and their table figures replaced by random ones that keep every invariant
 * (core's constraints; seeded, so a run is reproducible). Each report is rendered by
 * @gov-report/renderer in every form an agency publishes — HTML page, text a crawler scrapes from
 * it, plain text, Markdown, Word and, with --pdf, PDF printed by Chromium and its pdftotext output —
 * and in every generated shape of scripts/shapes/ (pipe text, OCR Markdown, crawler text of a
 * portal page, cells with notes, the portal page, label variants), parsed back and compared cell by
 * cell (for the shapes, agency and text sections too).
 *
 * The four fixtures fix one set of figures each; this finds readers that only work for those
 * (a run of digits split one way because the numbers happened to allow it, a column read as a row
 * when zeros line up). Scraped text is scored apart: where run-together digits admit several splits
 * the parser must say so (`split.ambiguous`), so a miss there counts only when it was not flagged.
 *
 * Run: npm run roundtrip -w @gov-report/parser -- [--count N] [--seed S] [--pdf] [--forms html,text,...]
 * Exit code 1 when any cell is read wrong without a flag (see scripts/eval.ts) saying it might be.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Report, validateReport } from "@gov-report/core";
import { renderDocx, renderHtml, renderMarkdown, renderText } from "@gov-report/renderer";
import { parseReport } from "../src/index.js";
import type { ParseInput, ParseResult } from "../src/types.js";
import { assess, flagsOf } from "./eval.js";
import { randomReport } from "./shapes/figures.js";
import { SHAPES, shapeFor } from "./shapes/index.js";
import { prng, type Rand } from "./shapes/random.js";
import { scrape } from "./shapes/scrape.js";

export { prng, randomReport };

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
type Json = Record<string, unknown>;
const TEMPLATES = ["seed-2020", "huaian-2024", "hongze-2023", "hongze-2024"];

/** The renderer's own forms; the generated shapes of scripts/shapes/ come after them. */
const RENDERED = ["html", "scraped", "text", "markdown", "docx"] as const;
const PRINTED = ["pdf", "pdftotext", "pdftotext-layout"] as const;
export type Form = (typeof RENDERED)[number] | (typeof PRINTED)[number] | string;
export const FORMS: readonly Form[] = [...RENDERED, ...SHAPES.map((s) => s.key), ...PRINTED];
const isPrinted = (f: Form) => (PRINTED as readonly string[]).includes(f);

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

/** The document of a report in a form, and the report it must be read back as. */
async function documentFor(report: Report, form: Form, rand: Rand): Promise<{ input: ParseInput; expected: Report }> {
  switch (form) {
    case "html":
      return { input: { html: renderHtml(report) }, expected: report };
    case "scraped":
      return { input: { text: scrape(renderHtml(report)) }, expected: report };
    case "text":
      return { input: { text: renderText(report) }, expected: report };
    case "markdown":
      return { input: { text: renderMarkdown(report) }, expected: report };
    case "docx":
      return { input: { docx: await renderDocx(report) }, expected: report };
  }
  const shape = shapeFor(form);
  if (!shape) throw new Error(`unknown form ${form}`);
  const { content, expected } = shape.make(report, rand);
  return { input: shape.ext === "html" ? { html: content } : { text: content }, expected };
}

export interface RoundTrip {
  form: Form;
  index: number;
  right: number;
  total: number;
  /** Wrong cells the parser did not flag (see scripts/eval.ts: provenance or a diagnostic at cell, row or table). */
  silent: string[];
  flagged: number;
}

export function compare(expected: Report, result: ParseResult, form: Form, index: number): RoundTrip {
  const text = shapeFor(form) !== undefined;
  const a = assess(
    expected as unknown as Json,
    result.report as unknown as Json,
    { agency: text, text },
    flagsOf(result),
  );
  const silent = a.wrong.filter((m) => !m.flagged).map((m) => `${m.id}=${String(m.expected)} got ${String(m.got)}`);
  return { form, index, right: a.right, total: a.total, silent, flagged: a.wrong.length - silent.length };
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

async function printedTrips(reports: readonly Report[], printed: readonly Form[]): Promise<RoundTrip[]> {
  const out: RoundTrip[] = [];
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
  return out;
}

/**
 * Every report in every form, parsed back and compared. A generated shape draws its layout from
 * its own seeded stream per report (`seed`), so a run is reproducible; shapes limited to an
 * edition skip the other edition's reports.
 */
export async function roundTrip(reports: readonly Report[], forms: readonly Form[], seed = 1): Promise<RoundTrip[]> {
  const printed = forms.filter(isPrinted);
  const out = printed.length ? await printedTrips(reports, printed) : [];
  for (const [f, form] of forms.entries()) {
    if (isPrinted(form)) continue;
    const editions = shapeFor(form)?.editions;
    for (const [i, report] of reports.entries()) {
      if (editions && !editions.includes(report.edition)) continue;
      const { input, expected } = await documentFor(report, form, prng(seed * 7919 + f * 1000 + i));
      out.push(compare(expected, await parseReport(input), form, i));
    }
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
  const forms = (option("--forms")?.split(",") as Form[] | undefined) ?? FORMS.filter((f) => !isPrinted(f));
  if (process.argv.includes("--pdf")) for (const f of PRINTED) if (!forms.includes(f)) forms.push(f);
  const unknown = forms.filter((f) => !FORMS.includes(f));
  if (unknown.length || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    process.stderr.write(`usage: roundtrip [--count N] [--seed S] [--pdf] [--forms ${FORMS.join(",")}]\n`);
    process.exitCode = 2;
    return;
  }
  const reports = generate(count, seed);
  const results = await roundTrip(reports, forms, seed);
  let silentTotal = 0;
  for (const form of forms) {
    const rs = results.filter((r) => r.form === form);
    const right = rs.reduce((a, r) => a + r.right, 0);
    const total = rs.reduce((a, r) => a + r.total, 0);
    const flagged = rs.reduce((a, r) => a + r.flagged, 0);
    const silent = rs.flatMap((r) => r.silent.map((m) => `#${r.index} ${m}`));
    silentTotal += silent.length;
    process.stdout.write(
      `${form.padEnd(16)} ${right}/${total} cells (${((100 * right) / total).toFixed(2)}%)  flagged ${flagged}  wrong without a diagnostic ${silent.length}\n`,
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

/**
 * Parser accuracy per source shape. Every fixture source (fixtures/*.pdf, fixtures/*.txt) and every
 * document of test/corpus/ (see its README) is parsed and compared with the report it must be read
 * back as, cell by cell: the numbers of 表二–表四, edition, year and agency name, and for generated
 * documents (whose expected report sits beside them) the three text sections too. A cell the parse
 * lists as `unread` or `ambiguous` counts as wrong even when its placeholder 0 is the figure.
 *
 * A wrong cell is FLAGGED when the parse says it may be wrong: its provenance status is `unread`,
 * `ambiguous` or `inferred`, or a warning or error diagnostic points at the cell, its row (the
 * cell's path without its column) or its table. Wrong cells with no flag are the ones a user is
 * never told about; the target is none on every shape.
 *
 * Run: npm run eval:parser [-- --fixtures-only] [--misses N] [--update-baseline] [--strict]
 * Exit code 1 when a shape reads fewer cells right, or more wrong cells without a flag, than in
 * scripts/eval-baseline.json (a regression); with --strict, when any shape has an unflagged wrong
 * cell at all. --update-baseline writes today's figures as the new baseline.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cellAt, type Edition, numericCellsOf, type Path } from "@gov-report/core";
import { parseReport } from "../src/index.js";
import type { Diagnostic, ParseInput, ParseResult } from "../src/types.js";
import { type Baseline, compareBaseline, type ShapeTotals, shapeTable } from "./eval-report.js";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const CORPUS = resolve(here, "../test/corpus");
const BASELINE = join(here, "eval-baseline.json");

type Json = Record<string, unknown>;

export interface Miss {
  /** Path of the cell or field, joined with dots. */
  id: string;
  expected: unknown;
  got: unknown;
  flagged: boolean;
}

export interface Score {
  right: number;
  total: number;
  /** "path=expected got value", wrong cells first by printed order. */
  misses: string[];
}

export interface Assessment extends Score {
  wrong: Miss[];
}

const TEXT_SECTIONS = ["overview", "problemsAndImprovements", "otherMatters"] as const;

const at = (o: unknown, p: Path) =>
  p.reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Json)[k as string] : undefined), o);
const same = (g: unknown, v: unknown) =>
  g === v || (typeof g === "number" && typeof v === "number" && Math.abs(g - v) < 1e-6) || (v === 0 && g === null);
const squash = (t: unknown) => (typeof t === "string" ? t.replace(/\s+/g, "") : t);

export interface ScoreOptions {
  /** Also score agency.name. */
  agency?: boolean;
  /** Also score the three text sections (whitespace ignored). */
  text?: boolean;
}

/** The fields scored, with their expected value: table cells, then edition, year and the options. */
function scoredFields(expected: Json, options: ScoreOptions): [Path, unknown][] {
  const edition = (expected.edition === "2019" ? "2019" : "2021") as Edition;
  const fields: [Path, unknown][] = numericCellsOf(edition).map((c) => [c.path, at(expected, c.path)]);
  fields.push([["edition"], expected.edition], [["year"], expected.year]);
  if (options.agency) fields.push([["agency", "name"], at(expected, ["agency", "name"])]);
  if (options.text) for (const k of TEXT_SECTIONS) fields.push([[k], squash(expected[k])]);
  return fields;
}

/**
 * Cell by cell: which fields the parse got right, and which it got wrong. A cell the parse lists as
 * unread or ambiguous is not right even when its placeholder 0 happens to be the figure: nobody read it.
 */
export function assess(expected: Json, got: Json, options: ScoreOptions = {}, flags?: Flags): Assessment {
  const wrong: Miss[] = [];
  let right = 0;
  const fields = scoredFields(expected, options);
  for (const [p, v] of fields) {
    const raw = at(got, p);
    const g = TEXT_SECTIONS.includes(p[0] as (typeof TEXT_SECTIONS)[number]) ? squash(raw) : raw;
    const placeholder = flags?.placeholder(p) ?? false;
    if (same(g, v) && !placeholder) right++;
    else
      wrong.push({
        id: p.join("."),
        expected: v,
        got: placeholder ? "(unread)" : g,
        flagged: flags?.flagged(p) ?? false,
      });
  }
  const misses = wrong.map((m) => `${m.id}=${String(m.expected)} got ${String(m.got)}`);
  return { right, total: fields.length, misses, wrong };
}

/** Numbers of 表二–表四, edition and year (the comparison the tests use). */
export function score(expected: Json, got: Json): Score {
  const { right, total, misses } = assess(expected, got);
  return { right, total, misses };
}

export interface Flags {
  /** The parse says the field may be wrong. */
  flagged(path: Path): boolean;
  /** The cell holds a placeholder: its provenance is unread or ambiguous. */
  placeholder(path: Path): boolean;
}

/** The paths a diagnostic flags for a field: the field itself, its row and its table, or a prefix of a non-cell field. */
function flaggedBy(edition: Edition, path: Path): string[] {
  if (!cellAt(edition, path)) return path.map((_, i) => path.slice(0, i + 1).join("."));
  return [path.join("."), path.slice(0, -1).join("."), String(path[0])];
}

/** Whether the parse result flags a field as possibly wrong (see the header). */
export function flagsOf(result: ParseResult): Flags {
  const report = result.report as unknown as Json;
  const edition = (report.edition === "2019" ? "2019" : "2021") as Edition;
  const provenance = (report.provenance ?? {}) as Record<string, { status?: string } | undefined>;
  const pointed = new Set(
    result.diagnostics
      .filter((d: Diagnostic) => d.severity !== "info" && d.path?.length)
      .map((d) => (d.path as (string | number)[]).join(".")),
  );
  const status = (path: Path) => provenance[path.join(".")]?.status;
  return {
    flagged: (path) =>
      ["unread", "ambiguous", "inferred"].includes(status(path) ?? "") ||
      flaggedBy(edition, path).some((p) => pointed.has(p)),
    placeholder: (path) => status(path) === "unread" || status(path) === "ambiguous",
  };
}

/** The source shape a file is, from its name (corpus files are <fixture>.<variant>.<ext>). */
export function shapeOf(file: string): string {
  const name = basename(file);
  const ext = extname(name).toLowerCase();
  const variant = name.split(".").slice(1, -1).join(".");
  if (ext === ".pdf") return "PDF";
  if (ext === ".docx") return "Word";
  if (variant === "") return "text (fixture)";
  const byVariant: Record<string, string> = {
    rendered: "HTML",
    web: "web page",
    pipe: "pipe text",
    ocr: "OCR Markdown",
    "ocr-late": "OCR Markdown, labels late",
    "ocr-early": "OCR Markdown, labels early, footers",
    crawler: "crawler text",
    "crawler-stated": "crawler text + stated figures",
    notes: "cells with notes",
    variants: "label variants (HTML)",
    "variants-pipe": "label variants (pipe text)",
    scraped: "scraped HTML text",
    plain: "pdftotext plain",
    "rendered-pdftotext": "pdftotext plain",
    layout: "pdftotext -layout",
    "rendered-layout": "pdftotext -layout",
    "blank-cells-layout": "pdftotext -layout, blank cells",
    "mixed-blanks-layout": "pdftotext -layout, blank cells",
    "uneven-right-layout": "pdftotext -layout",
  };
  return byVariant[variant] ?? variant;
}

function inputOf(file: string): ParseInput {
  const ext = extname(file).toLowerCase();
  if (ext === ".pdf") return { pdf: new Uint8Array(readFileSync(file)) };
  if (ext === ".docx") return { docx: new Uint8Array(readFileSync(file)) };
  const text = readFileSync(file, "utf8");
  return ext === ".html" || ext === ".htm" ? { html: text } : { text };
}

interface Job {
  source: string;
  expected: string;
  /** The expected report was written by the generator, text sections included. */
  generated: boolean;
}

function jobs(withCorpus: boolean): Job[] {
  const out: Job[] = [];
  for (const f of readdirSync(FIXTURES).sort()) {
    if (!/\.(pdf|txt)$/.test(f)) continue;
    out.push({
      source: join(FIXTURES, f),
      expected: join(FIXTURES, f.replace(/\.(pdf|txt)$/, ".expected.json")),
      generated: false,
    });
  }
  if (!withCorpus) return out;
  for (const f of readdirSync(CORPUS).sort()) {
    if (f === "README.md" || f.endsWith(".expected.json")) continue;
    const own = join(CORPUS, f.replace(/\.[a-z]+$/, ".expected.json"));
    const generated = existsSync(own);
    const fixture = join(FIXTURES, `${f.split(".")[0]}.expected.json`);
    out.push({ source: join(CORPUS, f), expected: generated ? own : fixture, generated });
  }
  return out;
}

export interface FileResult {
  name: string;
  shape: string;
  assessment: Assessment;
  confidence: number;
  diagnostics: number;
}

export async function evaluate(withCorpus: boolean): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const j of jobs(withCorpus)) {
    const expected = JSON.parse(readFileSync(j.expected, "utf8")) as Json;
    const result = await parseReport(inputOf(j.source));
    const options = { agency: true, text: j.generated };
    const assessment = assess(expected, result.report as unknown as Json, options, flagsOf(result));
    const name = j.source.startsWith(CORPUS) ? `corpus/${basename(j.source)}` : basename(j.source);
    out.push({
      name,
      shape: shapeOf(j.source),
      assessment,
      confidence: result.confidence,
      diagnostics: result.diagnostics.length,
    });
  }
  return out;
}

function fileLines(results: readonly FileResult[], missesShown: number): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const a = r.assessment;
    const unflagged = a.wrong.filter((m) => !m.flagged).length;
    const mark = a.right === a.total ? "ok  " : unflagged ? "MISS" : "flag";
    lines.push(
      `${mark} ${r.name.padEnd(44)} ${String(a.right).padStart(3)}/${a.total}  unflagged ${String(unflagged).padStart(3)}  confidence ${r.confidence}  diagnostics ${r.diagnostics}`,
    );
    for (const m of a.wrong.slice(0, missesShown))
      lines.push(
        `       ${m.flagged ? "(flagged) " : ""}${m.id}=${String(m.expected).slice(0, 40)} got ${String(m.got).slice(0, 40)}`,
      );
  }
  return lines;
}

/** Per-shape sums of the file results. */
export function byShape(results: readonly FileResult[]): Map<string, ShapeTotals> {
  const out = new Map<string, ShapeTotals>();
  for (const r of results) {
    const t = out.get(r.shape) ?? { files: 0, right: 0, total: 0, unflagged: 0 };
    t.files++;
    t.right += r.assessment.right;
    t.total += r.assessment.total;
    t.unflagged += r.assessment.wrong.filter((m) => !m.flagged).length;
    out.set(r.shape, t);
  }
  return out;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main() {
  const withCorpus = !process.argv.includes("--fixtures-only");
  const results = await evaluate(withCorpus);
  const shapes = byShape(results);
  const out = [...fileLines(results, Number(option("--misses") ?? 3)), "", ...shapeTable(shapes)];
  if (process.argv.includes("--update-baseline")) {
    const baseline: Baseline = { shapes: Object.fromEntries([...shapes].map(([k, t]) => [k, t])) };
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    out.push(`baseline written: ${BASELINE}`);
  }
  const baseline = existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, "utf8")) as Baseline) : { shapes: {} };
  const regressions = withCorpus ? compareBaseline(shapes, baseline) : [];
  out.push(...regressions.map((r) => `REGRESSION ${r}`));
  const unflagged = [...shapes.values()].reduce((a, t) => a + t.unflagged, 0);
  process.stdout.write(`${out.join("\n")}\n`);
  process.exitCode = regressions.length || (process.argv.includes("--strict") && unflagged) ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`eval failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 2;
  });
}

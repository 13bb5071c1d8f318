/**
 * gov-report check: a supervisor's pass over a folder of reports. Each file is read, validated and
 * reduced to one summary row, one at a time, so memory stays flat however many files there are.
 * Pairs of consecutive years of one agency are then re-read and compared (compareYears).
 */
import { basename } from "node:path";
import {
  AgencyIndex,
  type CompareResult,
  compareReports,
  compareYears,
  type Report,
  type ValidationIssue,
  validateReport,
} from "@gov-report/core/lite";
import { ConsecutiveYears } from "../util/cross-year.js";
import { csvField, csvRow, csvText, UTF8_BOM } from "../util/csv.js";
import { CliError, EXIT } from "../util/errors.js";
import { loadReport, type SourceKind } from "../util/load-report.js";
import { progress } from "../util/progress.js";
import { countBySeverity, formatIssues, type Lang } from "../util/report-output.js";
import { Sink } from "../util/sink.js";
import { red, yellow } from "../util/style.js";
import { renderTable } from "../util/table.js";
import { printable, truncate } from "../util/text-width.js";
import { collectInputs } from "../util/walk.js";

export interface CheckOptions {
  format: "text" | "json" | "csv";
  lang: Lang;
}

interface WorstIssue {
  code: string;
  severity: "error" | "warning";
  message: string;
  messageEn: string;
}

/** What is kept of one file: a few fields, never the report itself. */
interface Row {
  file: string;
  source: SourceKind;
  agency?: string;
  year?: number;
  edition?: string;
  errors: number;
  warnings: number;
  worst?: WorstIssue;
  /** Set when the file could not be read as a report. */
  unreadable?: string;
}

interface PairResult {
  agency: string;
  previous: { file: string; year: number; row: number };
  current: { file: string; year: number; row: number };
  ok: boolean;
  issues: ValidationIssue[];
  textOverlap?: number;
}

const worstOf = (issues: readonly ValidationIssue[]): WorstIssue | undefined => {
  const i = issues.find((x) => x.severity === "error") ?? issues[0];
  return i && { code: i.code, severity: i.severity, message: i.message, messageEn: i.messageEn };
};

function rowOf(file: string, source: SourceKind, value: unknown, issues: ValidationIssue[]): Row {
  const v = value as { agency?: { name?: unknown }; year?: unknown; edition?: unknown };
  const { errors, warnings } = countBySeverity(issues);
  const worst = worstOf(issues);
  return {
    file,
    source,
    ...(typeof v.agency?.name === "string" ? { agency: v.agency.name.trim() } : {}),
    ...(typeof v.year === "number" ? { year: v.year } : {}),
    ...(typeof v.edition === "string" ? { edition: v.edition } : {}),
    errors,
    warnings,
    ...(worst ? { worst } : {}),
  };
}

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  // Ordered by file name, then path: "2023/淮安市.json" and "2024/淮安市.json" come together, so
  // an agency's consecutive years are compared from memory instead of being read again.
  const files = collectInputs(paths).sort(byFileName);
  if (!files.length) throw new CliError(`${paths.join(", ")}: no report files (.json, .pdf, .docx, .html, .txt) found`);
  const out = new Sink(process.stdout);
  const json = opts.format === "json";
  const rows: Row[] = [];
  const years = new ConsecutiveYears();
  // 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one agency's years.
  const agencies = new AgencyIndex();
  const pairs: PairEntry[] = [];
  const addPair = (pair: PairResult) => {
    mergeCrossYear(rows[pair.current.row] as Row, pair.issues);
    // Kept as printed text, not as issue objects: a batch can hold thousands of pairs.
    const printed = json
      ? JSON.stringify(pairRecord(pair))
      : opts.format === "text" && pair.issues.length
        ? pairText(pair, opts.lang)
        : undefined;
    pairs.push({
      agency: pair.agency,
      year: pair.previous.year,
      previous: pair.previous.row,
      current: pair.current.row,
      ok: pair.ok,
      ...(printed === undefined ? {} : { printed }),
    });
  };

  if (json) out.write('{\n"files": [');
  const bar = progress(files.length, opts.lang === "zh" ? "核对" : "checking");
  for (const file of files) {
    const loaded = await loadReport(file);
    const id = rows.length;
    const sep = id ? "," : "";
    if (loaded.error !== undefined) {
      rows.push({ file, source: loaded.source, errors: 0, warnings: 0, unreadable: loaded.error });
      if (json) out.write(`${sep}\n${JSON.stringify({ file, source: loaded.source, error: loaded.error })}`);
    } else {
      const result = validateReport(loaded.value);
      const row = rowOf(file, loaded.source, loaded.value, result.issues);
      rows.push(row);
      if (json) {
        const record = {
          file,
          source: row.source,
          agency: row.agency,
          year: row.year,
          edition: row.edition,
          ok: result.ok,
          ...(loaded.diagnostics === undefined ? {} : { parserDiagnostics: loaded.diagnostics }),
          ...(loaded.confidence === undefined ? {} : { parserConfidence: loaded.confidence }),
          issues: result.issues,
        };
        out.write(`${sep}\n${JSON.stringify(record)}`);
      }
      if (result.report && row.agency && row.year !== undefined) {
        // Only validated reports are kept, so the pair needs no second validation.
        const agency = agencies.key(row.agency);
        for (const p of years.add(id, agency, row.year, result.report)) {
          const compared = compareReports(p.previousValue as Report, p.currentValue as Report);
          addPair(pairResult(agency, rows, p.previous, p.current, compared));
        }
      }
    }
    bar.tick(file);
  }
  bar.done();

  // Pairs whose reports were no longer in memory: read the two files again.
  for (const { agency, previous, current } of years.remaining()) {
    const a = await loadReport((rows[previous] as Row).file);
    const b = await loadReport((rows[current] as Row).file);
    addPair(pairResult(agency, rows, previous, current, compareYears(a.value, b.value)));
  }
  pairs.sort(
    (x, y) =>
      (x.agency < y.agency ? -1 : x.agency > y.agency ? 1 : 0) ||
      x.year - y.year ||
      x.previous - y.previous ||
      x.current - y.current,
  );
  if (json) {
    out.write('\n],\n"crossYear": [');
    pairs.forEach((p, i) => {
      out.write(`${i ? "," : ""}\n${p.printed}`);
    });
  }
  const pairCount = pairs.length;
  const pairErrors = pairs.filter((p) => !p.ok).length;

  const unreadable = rows.filter((r) => r.unreadable !== undefined).length;
  const withErrors = rows.filter((r) => r.errors > 0).length;
  const summary = {
    files: rows.length,
    reports: rows.length - unreadable,
    withErrors,
    withoutErrors: rows.length - unreadable - withErrors,
    unreadable,
    crossYearPairs: pairCount,
    crossYearPairsWithErrors: pairErrors,
  };
  if (json) out.write(`\n],\n"summary": ${JSON.stringify(summary)}\n}\n`);
  else if (opts.format === "csv") writeCsv(out, rows);
  else writeText(out, rows, pairs, summary, opts.lang);
  out.flush();

  if (unreadable === rows.length) return EXIT.badInput;
  return unreadable > 0 || withErrors > 0 ? EXIT.ruleBroken : EXIT.ok;
}

const byFileName = (a: string, b: string) => {
  const x = basename(a);
  const y = basename(b);
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** What is kept of a compared pair until the end. */
interface PairEntry {
  agency: string;
  year: number;
  previous: number;
  current: number;
  ok: boolean;
  /** Its --format json record, or its lines in the text output (when it has issues). */
  printed?: string;
}

function pairText(p: PairResult, lang: Lang): string {
  return [
    printable(`  ${p.agency} ${p.previous.year} → ${p.current.year}  (${p.previous.file} → ${p.current.file})`),
    ...formatIssues(p.issues, lang).map((l) => `  ${l}`),
  ].join("\n");
}

/** A pair as --format json prints it (without the internal row numbers). */
const pairRecord = ({ agency, previous, current, ok, issues, textOverlap }: PairResult) => ({
  agency,
  previous: { file: previous.file, year: previous.year },
  current: { file: current.file, year: current.year },
  ok,
  issues,
  ...(textOverlap === undefined ? {} : { textOverlap }),
});

function pairResult(
  agency: string,
  rows: readonly Row[],
  previous: number,
  current: number,
  result: CompareResult,
): PairResult {
  const prev = rows[previous] as Row;
  const cur = rows[current] as Row;
  return {
    agency,
    previous: { file: prev.file, year: prev.year as number, row: previous },
    current: { file: cur.file, year: cur.year as number, row: current },
    ok: result.ok,
    issues: result.issues,
    ...(result.textOverlap === undefined ? {} : { textOverlap: result.textOverlap }),
  };
}

/** Cross-year issues count for the later year's row (its 二、上年结转 is what is checked). */
function mergeCrossYear(row: Row, issues: readonly ValidationIssue[]): void {
  const { errors, warnings } = countBySeverity(issues);
  row.errors += errors;
  row.warnings += warnings;
  if (!row.worst || (row.worst.severity === "warning" && errors > 0)) {
    const w = worstOf(issues);
    if (w) row.worst = w;
  }
}

const CSV_HEADER = [
  "file",
  "source",
  "agency",
  "year",
  "edition",
  "errors",
  "warnings",
  "worst_code",
  "worst_message",
  "unreadable",
];

function writeCsv(out: Sink, rows: readonly Row[]): void {
  out.write(UTF8_BOM + csvRow(CSV_HEADER));
  for (const r of rows) {
    out.write(
      csvRow([
        csvText(r.file),
        r.source,
        csvText(r.agency),
        csvField(r.year),
        csvText(r.edition),
        r.unreadable === undefined ? csvField(r.errors) : "",
        r.unreadable === undefined ? csvField(r.warnings) : "",
        csvText(r.worst?.code),
        csvText(r.worst?.message),
        csvText(r.unreadable),
      ]),
    );
  }
}

const HEADERS = {
  zh: ["文件", "机关", "年度", "版本", "错误", "提醒", "最主要的问题"],
  en: ["file", "agency", "year", "edition", "errors", "warnings", "main issue"],
};
/** Room for the main issue in the table; `gov-report validate <file>` prints every issue in full. */
const ISSUE_WIDTH = 60;

function writeText(
  out: Sink,
  rows: readonly Row[],
  pairs: readonly PairEntry[],
  s: {
    files: number;
    withErrors: number;
    withoutErrors: number;
    unreadable: number;
    crossYearPairs: number;
    crossYearPairsWithErrors: number;
  },
  lang: Lang,
): void {
  const zh = lang === "zh";
  const h = HEADERS[lang];
  const readable = rows.filter((r) => r.unreadable === undefined);
  const cells = readable.map((r) => {
    const w = r.worst;
    const text = w ? truncate(printable(zh ? w.message : w.messageEn), ISSUE_WIDTH) : zh ? "无" : "none";
    return [
      printable(r.file),
      printable(r.agency || (zh ? "（未署名）" : "(unnamed)")),
      r.year === undefined ? "?" : String(r.year),
      printable(r.edition ?? "?"),
      r.errors ? red(String(r.errors)) : "0",
      r.warnings ? yellow(String(r.warnings)) : "0",
      text,
    ];
  });
  const lines: string[] = [];
  if (cells.length) {
    lines.push(
      ...renderTable(
        h.map((header, i) => ({ header, align: i === 4 || i === 5 ? ("right" as const) : ("left" as const) })),
        cells,
      ),
    );
  }
  if (s.unreadable) {
    lines.push("", zh ? `无法读取的文件（${s.unreadable} 个）:` : `Files that could not be read (${s.unreadable}):`);
    for (const r of rows) if (r.unreadable !== undefined) lines.push(`  ${red("✗")} ${printable(r.unreadable)}`);
  }
  const printed = pairs.filter((p) => p.printed !== undefined);
  if (printed.length) {
    lines.push("", zh ? "跨年度核对（同一机关相邻两个年度）:" : "Cross-year checks (consecutive years of one agency):");
    for (const p of printed) lines.push(p.printed as string);
  }
  lines.push(
    "",
    zh
      ? `共 ${s.files} 个文件：${s.withoutErrors} 份报告无错误，${s.withErrors} 份有错误，${s.unreadable} 个无法读取；跨年度核对 ${s.crossYearPairs} 组，其中 ${s.crossYearPairsWithErrors} 组有错误`
      : `${s.files} files: ${s.withoutErrors} reports without errors, ${s.withErrors} with errors, ${s.unreadable} unreadable; ${s.crossYearPairs} cross-year pairs, ${s.crossYearPairsWithErrors} with errors`,
  );
  out.write(`${lines.join("\n")}\n`);
}

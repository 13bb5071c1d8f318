/**
 * gov-report check: a supervisor's pass over a folder of reports. Each file is read (documents in
 * the parse workers), validated once and reduced to one summary row, so memory stays flat however
 * many files there are. Pairs of consecutive years of one agency are compared (compareYears);
 * two reports of one agency and year are listed as a warning.
 */
import { basename } from "node:path";
import {
  type CompareResult,
  compareReports,
  compareYears,
  type Report,
  type ValidationIssue,
} from "@gov-report/core/lite";
import { ConsecutiveYears } from "../util/cross-year.js";
import { DuplicateFinder } from "../util/duplicates.js";
import { t } from "../util/i18n.js";
import { exitOf, openInputs, unreadableFolders, writeSkipped } from "../util/inputs.js";
import { type Loaded, loadInputs, loadOne } from "../util/loader.js";
import { progress } from "../util/progress.js";
import { readingWarnings } from "../util/reading-warnings.js";
import type { Lang } from "../util/report-output.js";
import { Sink } from "../util/sink.js";
import type { InputEntry } from "../util/walk.js";
import { type Summary, writeCsv, writeText } from "./check-output.js";
import {
  duplicateIssue,
  type PairEntry,
  type PairResult,
  pairRecord,
  pairText,
  type Row,
  rowOf,
  worstOf,
} from "./check-rows.js";

export interface CheckOptions {
  format: "text" | "json" | "csv";
  lang: Lang;
  jobs?: number;
}

class CheckRun {
  readonly rows: Row[] = [];
  readonly pairs: PairEntry[] = [];
  private readonly years = new ConsecutiveYears();
  readonly duplicates = new DuplicateFinder();
  readonly out = new Sink(process.stdout);

  constructor(private readonly opts: CheckOptions) {}

  private get json() {
    return this.opts.format === "json";
  }

  add(l: Loaded): void {
    const id = this.rows.length;
    const sep = id ? "," : "";
    if (l.error !== undefined || !l.validation) {
      this.rows.push({
        file: l.file,
        source: l.kind ?? "?",
        errors: 0,
        warnings: 0,
        unread: 0,
        unreadable: l.error ?? "",
      });
      if (this.json)
        this.out.write(`${sep}\n${JSON.stringify({ file: l.file, source: l.kind ?? "?", error: l.error })}`);
      return;
    }
    const result = l.validation;
    const own = [...result.issues, ...readingWarnings(l)];
    const row = rowOf(l, own);
    this.rows.push(row);
    const dup = row.agency && row.year !== undefined ? this.duplicates.add(id, row.agency, row.year) : undefined;
    const issues = dup ? [...own, duplicateIssue((this.rows[dup.first] as Row).file)] : own;
    if (dup) this.merge(row, issues.slice(-1));
    if (this.json) this.out.write(`${sep}\n${JSON.stringify(fileRecord(l, row, result.ok, issues))}`);
    if (result.report && row.agency && row.year !== undefined) {
      // Only validated reports are kept, so the pair needs no second validation.
      const agency = this.duplicates.key(row.agency);
      for (const p of this.years.add(id, agency, row.year, result.report)) {
        const compared = compareReports(p.previousValue as Report, p.currentValue as Report);
        this.addPair(this.pairResult(agency, p.previous, p.current, compared));
      }
    }
  }

  /** Pairs whose reports were no longer in memory: read the two files again. */
  async finishPairs(jobs: number | undefined): Promise<void> {
    for (const { agency, previous, current } of this.years.remaining()) {
      const a = await loadOne((this.rows[previous] as Row).file, jobs ? { jobs } : {});
      const b = await loadOne((this.rows[current] as Row).file, jobs ? { jobs } : {});
      this.addPair(this.pairResult(agency, previous, current, compareYears(a.value, b.value)));
    }
    this.pairs.sort(
      (x, y) =>
        (x.agency < y.agency ? -1 : x.agency > y.agency ? 1 : 0) ||
        x.year - y.year ||
        x.previous - y.previous ||
        x.current - y.current,
    );
  }

  private addPair(pair: PairResult): void {
    this.merge(this.rows[pair.current.row] as Row, pair.issues);
    // Kept as printed text, not as issue objects: a batch can hold thousands of pairs.
    const printed = this.json
      ? JSON.stringify(pairRecord(pair))
      : this.opts.format === "text" && pair.issues.length
        ? pairText(pair, this.opts.lang)
        : undefined;
    this.pairs.push({
      agency: pair.agency,
      year: pair.previous.year,
      previous: pair.previous.row,
      current: pair.current.row,
      ok: pair.ok,
      ...(printed === undefined ? {} : { printed }),
    });
  }

  private pairResult(agency: string, previous: number, current: number, result: CompareResult): PairResult {
    const prev = this.rows[previous] as Row;
    const cur = this.rows[current] as Row;
    return {
      agency,
      previous: { file: prev.file, year: prev.year as number, row: previous },
      current: { file: cur.file, year: cur.year as number, row: current },
      ok: result.ok,
      issues: result.issues,
      ...(result.textOverlap === undefined ? {} : { textOverlap: result.textOverlap }),
    };
  }

  /** Cross-year and duplicate issues count for the later file's row. */
  private merge(row: Row, issues: readonly ValidationIssue[]): void {
    for (const i of issues) i.severity === "error" ? row.errors++ : row.warnings++;
    const errors = issues.some((i) => i.severity === "error");
    const duplicate = issues.some((i) => i.code === "batch.duplicate");
    // A duplicate matters more than the report's own warnings: it is what the table shows.
    if (!row.worst || (row.worst.severity === "warning" && (errors || duplicate))) {
      const w = worstOf(issues);
      if (w) row.worst = w;
    }
    if (duplicate) row.duplicate = true;
  }
}

function fileRecord(l: Loaded, row: Row, ok: boolean, issues: readonly ValidationIssue[]) {
  return {
    file: l.file,
    source: row.source,
    agency: row.agency,
    year: row.year,
    edition: row.edition,
    ok,
    ...(l.document
      ? { parserDiagnostics: l.document.diagnostics.length, parserConfidence: l.document.confidence }
      : {}),
    unreadCells: l.needsReading.map((c) => ({ id: c.id, status: c.status })),
    issues,
  };
}

const byFileName = (a: InputEntry, b: InputEntry) => {
  const x = basename(a.file);
  const y = basename(b.file);
  return x < y ? -1 : x > y ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
};

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  // Ordered by file name, then path: "2023/淮安市.json" and "2024/淮安市.json" come together, so
  // an agency's consecutive years are compared from memory instead of being read again.
  const inputs = openInputs(paths);
  const entries = inputs.entries.sort(byFileName);
  const run = new CheckRun(opts);
  if (opts.format === "json") run.out.write('{\n"files": [');
  const bar = progress(entries.length, t("核对", "checking"));
  for await (const l of loadInputs(entries, opts.jobs ? { jobs: opts.jobs } : {})) {
    run.add(l);
    bar.tick(l.file);
  }
  bar.done();
  await run.finishPairs(opts.jobs);
  const summary = summaryOf(run, inputs.skipped.length, unreadableFolders(inputs));
  if (opts.format === "json") {
    run.out.write('\n],\n"crossYear": [');
    run.pairs.forEach((p, i) => {
      run.out.write(`${i ? "," : ""}\n${p.printed}`);
    });
    run.out.write(`\n],\n"skipped": ${JSON.stringify(inputs.skipped)}`);
    run.out.write(`,\n"summary": ${JSON.stringify(summary)}\n}\n`);
  } else if (opts.format === "csv") {
    writeCsv(run.out, run.rows, Boolean(process.stdout.isTTY));
    writeSkipped(process.stderr, inputs.skipped);
  } else writeText(run.out, { rows: run.rows, pairs: run.pairs, skipped: inputs.skipped, summary }, opts.lang);
  run.out.flush();
  return exitOf(inputs, summary.unreadable, summary.withErrors > 0);
}

function summaryOf(run: CheckRun, skipped: number, folders: number): Summary {
  const rows = run.rows;
  const unreadable = rows.filter((r) => r.unreadable !== undefined).length;
  const withErrors = rows.filter((r) => r.errors > 0).length;
  return {
    files: rows.length,
    reports: rows.length - unreadable,
    withErrors,
    withoutErrors: rows.length - unreadable - withErrors,
    unreadable,
    unreadableFolders: folders,
    withUnreadCells: rows.filter((r) => r.unread > 0).length,
    duplicates: rows.filter((r) => r.duplicate).length,
    crossYearPairs: run.pairs.length,
    crossYearPairsWithErrors: run.pairs.filter((p) => !p.ok).length,
    skipped,
  };
}

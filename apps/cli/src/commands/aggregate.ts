/**
 * gov-report aggregate: sums the reports of one year and edition cell by cell into a roll-up
 * report (core `ReportSum`). Files are read one at a time (documents in the parse workers) and
 * only the running sums are kept. Reports of several years or editions are refused unless
 * --year / --edition choose one; two reports of one agency and year, and reports with unread or
 * ambiguous cells, are refused unless --allow-duplicates / --allow-unread.
 */
import { type Edition, ReportSum, validateReport } from "@gov-report/core/lite";
import { DuplicateFinder } from "../util/duplicates.js";
import { CliError, EXIT } from "../util/errors.js";
import { lang, t } from "../util/i18n.js";
import { exitOf, openInputs } from "../util/inputs.js";
import { displayName, writeOutputFile } from "../util/io.js";
import { type Loaded, loadInputs } from "../util/loader.js";
import { progress } from "../util/progress.js";
import { readingWarnings } from "../util/reading-warnings.js";
import type { Lang } from "../util/report-output.js";
import { clean } from "../util/sanitize.js";
import { Sink } from "../util/sink.js";
import { type Group, groupName, type Skipped, writeRefusal, writeSkipped, writeSummary } from "./aggregate-output.js";

export interface AggregateOptions {
  output?: string;
  force?: boolean;
  year?: number;
  edition?: Edition;
  agency?: string;
  recomputeTotals?: boolean;
  allowDuplicates?: boolean;
  allowUnread?: boolean;
  lang: Lang;
  jobs?: number;
}

/** The edition and year a value declares, when they are usable to pick its group. */
function declared(value: unknown): { edition: Edition; year: number } | undefined {
  const v = value as { edition?: unknown; year?: unknown };
  if ((v.edition === "2019" || v.edition === "2021") && Number.isInteger(v.year))
    return { edition: v.edition, year: v.year as number };
  return undefined;
}

const message = (i: { message: string; messageEn: string } | undefined) =>
  i ? clean(lang() === "zh" ? i.message : i.messageEn) : "";

class AggregateRun {
  readonly groups = new Map<string, Group>();
  readonly skipped: Skipped[] = [];
  readonly duplicates = new DuplicateFinder();
  /** Files selected for summing, in order (duplicates are named by them). */
  private readonly selected: string[] = [];

  constructor(private readonly opts: AggregateOptions) {}

  add(l: Loaded): void {
    const file = l.file;
    if (l.error !== undefined) {
      this.skipped.push({ file, reason: l.error, fault: true });
      return;
    }
    const d = declared(l.value);
    if (!d) {
      const first = (l.validation ?? validateReport(l.value)).issues.find((i) => i.severity === "error");
      const why = t("不是结构完整的年度报告", "not a complete report");
      return void this.skipped.push({ file, reason: `${displayName(file)}: ${why}: ${message(first)}`, fault: true });
    }
    const { year, edition } = this.opts;
    if ((year !== undefined && d.year !== year) || (edition && d.edition !== edition)) {
      const why = `${t("未选中：", "not selected: ")}${groupName(d.year, d.edition)}`;
      return void this.skipped.push({ file, reason: `${displayName(file)}: ${why}`, fault: false });
    }
    const key = `${d.year}/${d.edition}`;
    let g = this.groups.get(key);
    if (!g) {
      g = {
        sum: new ReportSum({ ...d, agencyName: this.opts.agency ?? "" }),
        files: [],
        refused: new Set(),
        unread: [],
        duplicates: [],
        reading: [],
      };
      this.groups.set(key, g);
    }
    this.note(g, l, d.year);
    g.files.push(file);
    const { added, issues } = g.sum.add(l.value);
    if (!added) {
      g.refused.add(g.files.length - 1);
      const first = issues.find((i) => i.severity === "error");
      this.skipped.push({ file, reason: `${displayName(file)}: ${message(first)}`, fault: true });
    }
  }

  /** Unread cells and duplicates, noted per group: the group summed decides the refusal. */
  private note(g: Group, l: Loaded, year: number): void {
    if (l.needsReading.length) g.unread.push({ file: l.file, cells: l.needsReading, value: l.value });
    const said = readingWarnings(l);
    if (said.length) g.reading.push({ index: g.files.length, issues: said });
    const id = this.selected.length;
    this.selected.push(l.file);
    const name = (l.value as { agency?: { name?: unknown } }).agency?.name;
    const dup = typeof name === "string" ? this.duplicates.add(id, name, year) : undefined;
    // Called before the file joins g.files: its index there is the current length.
    if (dup) g.duplicates.push({ first: this.selected[dup.first] as string, second: l.file, index: g.files.length });
  }
}

export async function runAggregate(paths: string[], opts: AggregateOptions): Promise<number> {
  const inputs = openInputs(paths);
  const { entries } = inputs;
  const run = new AggregateRun(opts);
  // Not in a report format: listed with the files left out, not a fault (an image beside the reports).
  for (const s of inputs.skipped)
    run.skipped.push({ file: s.file, reason: `${displayName(s.file)}: ${s.reason}`, fault: false });
  const bar = progress(entries.length, t("汇总", "summing"));
  for await (const l of loadInputs(entries, { validateJson: false, ...(opts.jobs ? { jobs: opts.jobs } : {}) })) {
    run.add(l);
    bar.tick(l.file);
  }
  bar.done();
  const err = new Sink(process.stderr);
  const group = onlyGroup(run, err);
  const refusal = writeRefusal(err, group, opts);
  if (refusal) {
    writeSkipped(err, run.skipped);
    err.flush();
    throw new CliError(refusal, EXIT.ruleBroken);
  }
  const result = group.sum.result({ recomputeTotals: Boolean(opts.recomputeTotals) });
  const text = `${JSON.stringify(result.report, null, 2)}\n`;
  if (opts.output) writeOutputFile(opts.output, text, Boolean(opts.force));
  writeSummary(err, group, result, run.skipped, opts);
  err.flush();
  if (!opts.output) process.stdout.write(text);
  const inputErrors = result.issues.some((i) => i.input !== undefined && i.code === "aggregate.input-has-errors");
  const rollupErrors = result.issues.some((i) => i.input === undefined && i.severity === "error");
  return exitOf(inputs, run.skipped.filter((s) => s.fault).length, inputErrors || rollupErrors);
}

/** The one group of year and edition to sum; anything else is refused (nothing written, exit 2). */
function onlyGroup(run: AggregateRun, err: Sink): Group {
  const live = [...run.groups.values()].filter((g) => g.sum.count > 0);
  if (live.length === 1) return live[0] as Group;
  writeSkipped(err, run.skipped);
  err.flush();
  if (!live.length) throw new CliError(t("没有可汇总的报告，未写入任何文件", "no report to sum; nothing written"));
  const list = live
    .map((g) => `${groupName(g.sum.year, g.sum.edition)} ${g.sum.count}${t(" 份", "")}`)
    .join(t("；", "; "));
  throw new CliError(
    t(
      `这些报告属于不同的年度或格式版本（${list}），不能相加；请用 --year 和/或 --edition 选择一组。未写入任何文件`,
      `the reports are of different years or editions (${list}) and cannot be added; choose one with --year and/or --edition. Nothing written`,
    ),
  );
}

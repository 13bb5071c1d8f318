/**
 * gov-report aggregate: sums the reports of one year and edition cell by cell into a roll-up
 * report (core `ReportSum`). Files are read one at a time and only the running sums are kept.
 * Reports of several years or editions are refused unless --year / --edition choose one.
 */
import {
  type AggregateIssue,
  type Edition,
  editionForYear,
  ReportSum,
  type SumReportsResult,
  validateReport,
} from "@gov-report/core/lite";
import { CliError, EXIT } from "../util/errors.js";
import { writeOutputFile } from "../util/io.js";
import { loadReport } from "../util/load-report.js";
import { progress } from "../util/progress.js";
import { formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { Sink } from "../util/sink.js";
import { bold, red, yellow } from "../util/style.js";
import { printable } from "../util/text-width.js";
import { collectInputs } from "../util/walk.js";

export interface AggregateOptions {
  output?: string;
  force?: boolean;
  year?: number;
  edition?: Edition;
  agency?: string;
  recomputeTotals?: boolean;
  lang: Lang;
}

interface Group {
  sum: ReportSum;
  /** Files offered to `sum`, in order: `AggregateIssue.input` indexes this list. */
  files: string[];
  /** Indices in `files` of the inputs the sum refused (listed with the skipped files). */
  refused: Set<number>;
}

interface Skipped {
  file: string;
  /** Starts with the file name. */
  reason: string;
  /** Unreadable or not a report (a fault), as opposed to left out by --year / --edition. */
  fault: boolean;
}

const groupName = (year: number, edition: string, lang: Lang) =>
  lang === "zh" ? `${year} 年度（${edition} 版格式）` : `${year} (${edition} edition)`;

/** The edition and year a value declares, when they are usable to pick its group. */
function declared(value: unknown): { edition: Edition; year: number } | undefined {
  const v = value as { edition?: unknown; year?: unknown };
  if ((v.edition === "2019" || v.edition === "2021") && Number.isInteger(v.year))
    return { edition: v.edition, year: v.year as number };
  return undefined;
}

export async function runAggregate(paths: string[], opts: AggregateOptions): Promise<number> {
  const zh = opts.lang === "zh";
  const files = collectInputs(paths);
  if (!files.length) throw new CliError(`${paths.join(", ")}: no report files (.json, .pdf, .docx, .html, .txt) found`);
  const groups = new Map<string, Group>();
  const skipped: Skipped[] = [];

  const bar = progress(files.length, zh ? "汇总" : "summing");
  for (const file of files) {
    bar.tick(file);
    const loaded = await loadReport(file);
    if (loaded.error !== undefined) {
      skipped.push({ file, reason: loaded.error, fault: true });
      continue;
    }
    const d = declared(loaded.value);
    if (!d) {
      const first = validateReport(loaded.value).issues.find((i) => i.severity === "error");
      const why = first ? (zh ? first.message : first.messageEn) : "";
      skipped.push({
        file,
        reason: `${file}: ${zh ? "不是结构完整的年度报告" : "not a complete report"}: ${why}`,
        fault: true,
      });
      continue;
    }
    if ((opts.year !== undefined && d.year !== opts.year) || (opts.edition && d.edition !== opts.edition)) {
      skipped.push({
        file,
        reason: `${file}: ${zh ? "未选中" : "not selected"}: ${groupName(d.year, d.edition, opts.lang)}`,
        fault: false,
      });
      continue;
    }
    const key = `${d.year}/${d.edition}`;
    let g = groups.get(key);
    if (!g) {
      g = { sum: new ReportSum({ ...d, agencyName: opts.agency ?? "" }), files: [], refused: new Set() };
      groups.set(key, g);
    }
    g.files.push(file);
    const { added, issues } = g.sum.add(loaded.value);
    if (!added) {
      g.refused.add(g.files.length - 1);
      const first = issues.find((i) => i.severity === "error");
      skipped.push({ file, reason: `${file}: ${first ? (zh ? first.message : first.messageEn) : ""}`, fault: true });
    }
  }
  bar.done();

  const err = new Sink(process.stderr);
  const live = [...groups.values()].filter((g) => g.sum.count > 0);
  if (live.length !== 1) {
    writeSkipped(err, skipped, opts.lang);
    err.flush();
    if (!live.length) throw new CliError(zh ? "没有可汇总的报告，未写入任何文件" : "no report to sum; nothing written");
    const list = live
      .map((g) => `${groupName(g.sum.year, g.sum.edition, opts.lang)} ${g.sum.count}${zh ? " 份" : ""}`)
      .join(zh ? "；" : "; ");
    throw new CliError(
      zh
        ? `这些报告属于不同的年度或格式版本（${list}），不能相加；请用 --year 和/或 --edition 选择一组。未写入任何文件`
        : `the reports are of different years or editions (${list}) and cannot be added; choose one with --year and/or --edition. Nothing written`,
    );
  }

  const group = live[0] as Group;
  const result = group.sum.result({ recomputeTotals: Boolean(opts.recomputeTotals) });
  const text = `${JSON.stringify(result.report, null, 2)}\n`;
  if (opts.output) writeOutputFile(opts.output, text, Boolean(opts.force));

  writeSummary(err, group, result, skipped, opts);
  err.flush();
  if (!opts.output) process.stdout.write(text);

  const inputErrors = result.issues.some((i) => i.input !== undefined && i.code === "aggregate.input-has-errors");
  const rollupErrors = result.issues.some((i) => i.input === undefined && i.severity === "error");
  return inputErrors || rollupErrors || skipped.some((s) => s.fault) ? EXIT.ruleBroken : EXIT.ok;
}

function writeSkipped(err: Sink, skipped: readonly Skipped[], lang: Lang): void {
  if (!skipped.length) return;
  err.write(`${lang === "zh" ? `未计入 ${skipped.length} 个文件:` : `Left out ${skipped.length} file(s):`}\n`);
  for (const s of skipped) err.write(`  ${s.fault ? red("✗", process.stderr) : "-"} ${printable(s.reason)}\n`);
}

function writeSummary(
  err: Sink,
  group: Group,
  result: SumReportsResult,
  skipped: readonly Skipped[],
  opts: AggregateOptions,
): void {
  const zh = opts.lang === "zh";
  const { sum, files, refused } = group;
  const bold2 = (s: string) => bold(s, process.stderr);
  err.write(
    `${bold2(zh ? `已汇总 ${sum.count} 份报告，${groupName(sum.year, sum.edition, opts.lang)}:` : `Summed ${sum.count} report(s), ${groupName(sum.year, sum.edition, opts.lang)}:`)}\n`,
  );
  const notes = new Map<number, AggregateIssue[]>();
  for (const i of result.issues) {
    if (i.input === undefined || i.severity === "error") continue;
    notes.set(i.input, [...(notes.get(i.input) ?? []), i]);
  }
  files.forEach((file, index) => {
    if (refused.has(index)) return;
    err.write(`  ${printable(file)}\n`);
    for (const n of notes.get(index) ?? [])
      err.write(`    ${yellow("!", process.stderr)} ${printable(zh ? n.message : n.messageEn)}\n`);
  });
  writeSkipped(err, skipped, opts.lang);
  if (sum.edition !== editionForYear(sum.year)) {
    err.write(
      zh
        ? `注意: ${sum.year} 年度应使用 ${editionForYear(sum.year)} 版格式\n`
        : `Note: a ${sum.year} report uses the ${editionForYear(sum.year)} edition\n`,
    );
  }
  const own = result.issues.filter((i) => i.input === undefined && i.code !== "text.empty-section");
  err.write(`${bold2(zh ? "汇总结果核对:" : "Checks of the roll-up:")}\n`);
  err.write(`${[...formatIssues(own, opts.lang), summaryLine(own, opts.lang)].join("\n")}\n`);
  err.write(
    zh
      ? `文字部分（总体情况、存在的主要问题及改进情况、其他需要报告的事项）留空，须由汇总机关撰写${opts.agency ? "" : "；未指定 --agency，机关名称为空"}${opts.recomputeTotals ? "；各总计已按分项重新计算" : ""}\n`
      : `The narrative sections are left empty for the consolidating office to write${opts.agency ? "" : "; no --agency given, so the agency name is empty"}${opts.recomputeTotals ? "; every total was recomputed from its parts" : ""}\n`,
  );
  if (opts.output) err.write(`${zh ? "已写入" : "Written to"} ${opts.output}\n`);
}

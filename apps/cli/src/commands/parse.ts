/**
 * gov-report parse: reads published reports (PDF, Word, HTML page, extracted text) into report
 * JSON. One input: the report JSON on stdout (or -o), the parser's diagnostics and the validator's
 * findings on stderr, so stdout stays pure JSON. Several inputs or a folder: one .json per input in
 * --out-dir, with progress on a terminal and a summary. The report keeps its `provenance`.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { formatDiagnostics } from "../util/diagnostics.js";
import { CliError, EXIT } from "../util/errors.js";
import { count, lang, t } from "../util/i18n.js";
import {
  exitOf,
  filesCount,
  foldersCount,
  type Inputs,
  openInputs,
  skippedCount,
  unreadableFolders,
  writeSkipped,
} from "../util/inputs.js";
import { displayName, ensureOutputDir, writeOutputFile } from "../util/io.js";
import { type Loaded, type LoadOptions, loadInputs, loadOne, reportOf } from "../util/loader.js";
import { uniqueOutputNames } from "../util/out-names.js";
import { progress } from "../util/progress.js";
import { countBySeverity, formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { clean } from "../util/sanitize.js";
import { bold, dim } from "../util/style.js";
import { reportTitle } from "../util/title.js";
import type { InputEntry } from "../util/walk.js";

export interface ParseOptions {
  output?: string;
  outDir?: string;
  force?: boolean;
  format: "text" | "json";
  lang: Lang;
  jobs?: number;
  /** Last year's report (any readable file), evidence for the reading. */
  previous?: string;
}

const err = process.stderr;

/** Everything said about one parsed file, for stderr. */
function describe(l: Loaded): string {
  const out: string[] = [];
  const doc = l.document;
  const conf = doc ? t(`，可信度 ${doc.confidence}`, `, confidence ${doc.confidence}`) : "";
  out.push(`${bold(displayName(l.file), err)}  ${dim(l.value ? `${reportTitle(l.value)}${conf}` : "", err)}`);
  if (doc?.diagnostics.length) {
    out.push(`  ${bold(t("解析说明", "Parser diagnostics"), err)}`);
    out.push(...formatDiagnostics(doc.diagnostics));
  }
  if (l.validation) {
    out.push(`  ${bold(t("校验结果", "Validation"), err)}`);
    out.push(...formatIssues(l.validation.issues, lang(), err));
    out.push(summaryLine(l.validation.issues, lang(), err));
    if (l.needsReading.length)
      out.push(
        `  ${t(
          `有 ${l.needsReading.length} 个单元格未能读取或存疑（报告中暂记为 0，并在 provenance 中注明）：请对照原文核实后填写`,
          `${l.needsReading.length} cell(s) unread or ambiguous (held as 0 and marked in provenance): check them against the source and fill them in`,
        )}`,
      );
  }
  return `${out.join("\n")}\n`;
}

const payload = (l: Loaded, format: "text" | "json") =>
  format === "json"
    ? {
        report: l.value,
        diagnostics: l.document?.diagnostics ?? [],
        issues: l.validation?.issues ?? [],
        confidence: l.document?.confidence ?? 1,
      }
    : l.value;

/**
 * The parser's notes on one file of a batch, counted as a single parse lists them (every note),
 * with how many of them are warnings or errors.
 */
function parserNotes(l: Loaded): string {
  const diags = l.document?.diagnostics ?? [];
  const serious = diags.filter((d) => d.severity !== "info").length;
  if (serious === diags.length) return t(`${diags.length} 条解析说明`, count(diags.length, "parser note"));
  return t(
    `${diags.length} 条解析说明（其中 ${serious} 条为提醒或错误）`,
    `${count(diags.length, "parser note")} (${serious} of them warnings or errors)`,
  );
}

const errorsOf = (l: Loaded) => (l.validation ? countBySeverity(l.validation.issues).errors : 0);

export async function runParse(inputs: string[], opts: ParseOptions): Promise<number> {
  const opened = openInputs(inputs);
  const load = await loadOptions(opts);
  if (opened.single && !opts.outDir) return parseOne(opened.entries[0] as InputEntry, opts, load);
  return parseBatch(opened, { ...opts, inputs }, load);
}

/** Workers, and last year's report when `--previous` names one (it must read as a report). */
async function loadOptions(opts: ParseOptions): Promise<LoadOptions> {
  const load: LoadOptions = opts.jobs ? { jobs: opts.jobs } : {};
  if (!opts.previous) return load;
  const last = await loadOne(opts.previous, load);
  const report = reportOf(last);
  if (!report)
    throw new CliError(
      t(
        `--previous ${clean(opts.previous)}: 不是可读取的上年报告（${last.error ?? "结构不完整"}）`,
        `--previous ${clean(opts.previous)}: not a readable report of last year (${last.error ?? "incomplete structure"})`,
      ),
    );
  return { ...load, previous: report };
}

async function parseOne(entry: InputEntry, opts: ParseOptions, load: LoadOptions): Promise<number> {
  let loaded: Loaded | undefined;
  for await (const l of loadInputs([entry], load)) loaded = l;
  const l = loaded as Loaded;
  // What could not be read is said by its error alone: the parser's notes on a page that holds no
  // report (a placeholder year, every section missing) would only bury it.
  if (l.error !== undefined) throw new CliError(l.error);
  const json = `${JSON.stringify(payload(l, opts.format), null, 2)}\n`;
  if (opts.output && opts.output !== "-") {
    writeOutputFile(opts.output, json, opts.force, { outDirHint: true });
    err.write(`${t("已写入", "wrote")} ${clean(opts.output)}\n`);
  } else process.stdout.write(json);
  err.write(describe(l));
  return errorsOf(l) > 0 ? EXIT.ruleBroken : EXIT.ok;
}

/** Why a batch needs --out-dir: a folder named (even holding one file), or several inputs. */
function needsOutDir(inputs: readonly string[], withOutput: boolean): string {
  const folder = inputs.find(isFolder);
  if (folder !== undefined)
    return t(
      `${clean(folder)} 是文件夹：请用 --out-dir <文件夹>，为其中每个文件输出一个 .json（只读一个文件时，直接给出该文件${withOutput ? "，再用 -o" : ""}）`,
      `${clean(folder)} is a folder: use --out-dir <folder> to write one .json per file in it (to read one file, name that file${withOutput ? " with -o" : ""})`,
    );
  return withOutput
    ? t(
        "-o/--output 只能用于一个输入；多个输入请用 --out-dir <文件夹>",
        "-o/--output takes one input; with several inputs use --out-dir <folder>",
      )
    : t(
        "有多个输入：请用 --out-dir <文件夹>，每个输入输出一个 .json",
        "several inputs: use --out-dir <folder> to write one .json per input",
      );
}

const isFolder = (path: string) => {
  try {
    return path !== "-" && statSync(path).isDirectory();
  } catch {
    return false;
  }
};

async function parseBatch(
  opened: Inputs,
  opts: ParseOptions & { inputs: readonly string[] },
  load: LoadOptions,
): Promise<number> {
  const { entries } = opened;
  if (opts.output || !opts.outDir) throw new CliError(needsOutDir(opts.inputs, Boolean(opts.output)));
  ensureOutputDir(opts.outDir);
  const names = uniqueOutputNames(
    entries.map((e) => e.file),
    "json",
  );
  const bar = progress(entries.length, t("解析", "parsing"));
  let i = 0;
  let written = 0;
  let unreadable = 0;
  let withErrors = 0;
  for await (const l of loadInputs(entries, load)) {
    const target = join(opts.outDir, names[i++] as string);
    bar.tick(l.file);
    let problem = l.error;
    if (problem === undefined) {
      try {
        writeOutputFile(target, `${JSON.stringify(payload(l, opts.format), null, 2)}\n`, opts.force);
        written++;
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        problem = e.message;
      }
    }
    bar.done();
    if (problem !== undefined) {
      unreadable++;
      err.write(`gov-report: ${problem}\n`);
      continue;
    }
    const { errors, warnings } = countBySeverity(l.validation?.issues ?? []);
    if (errors) withErrors++;
    err.write(
      `${displayName(l.file)} → ${clean(target)}: ${t(
        `${errors} 个错误，${warnings} 个提醒，${parserNotes(l)}，${l.needsReading.length} 个单元格未读或存疑，可信度 ${l.document?.confidence ?? 1}`,
        `${count(errors, "error")}, ${count(warnings, "warning")}, ${parserNotes(l)}, ${count(l.needsReading.length, "unread or ambiguous cell")}, confidence ${l.document?.confidence ?? 1}`,
      )}\n`,
    );
  }
  bar.done();
  writeSkipped(err, opened.skipped);
  const folders = unreadableFolders(opened);
  const files = filesCount(entries.length - folders + opened.skipped.length);
  err.write(
    `${t(
      `共 ${files}：已解析并写入 ${written} 个（其中 ${withErrors} 个有错误），${unreadable - folders} 个无法读取或写入`,
      `${files}: ${written} parsed and written (${withErrors} with errors), ${unreadable - folders} could not be read or written`,
    )}${foldersCount(folders)}${skippedCount(opened.skipped.length)}${t(`；输出在 ${clean(opts.outDir)}`, `; output in ${clean(opts.outDir)}`)}\n`,
  );
  return exitOf(opened, unreadable, withErrors > 0);
}

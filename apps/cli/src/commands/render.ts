/**
 * gov-report render: reports — JSON, or documents read by the parser — in the official layout:
 * HTML, Markdown, text, Word or PDF. Every input is read and checked before anything is written:
 * one named input that cannot be read leaves no output; in a batch the unreadable inputs are listed
 * and the others written (exit 1). Existing files are kept unless --force.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "@gov-report/core/lite";
import { CliError, EXIT } from "../util/errors.js";
import { count, lang, t } from "../util/i18n.js";
import { exitOf, filesCount, type Inputs, openInputs, skippedCount, skippedLines } from "../util/inputs.js";
import { displayName, ensureOutputDir, writeOutputFile } from "../util/io.js";
import { type Loaded, loadInputs } from "../util/loader.js";
import { uniqueOutputNames } from "../util/out-names.js";
import { progress } from "../util/progress.js";
import { countBySeverity, type Lang } from "../util/report-output.js";
import { clean, cleanLines } from "../util/sanitize.js";
import { makeRenderer, type RenderFormat } from "./render-formats.js";

export type { RenderFormat };

export interface RenderOptions {
  to: RenderFormat;
  output?: string;
  outDir?: string;
  annotate?: boolean;
  force?: boolean;
  lang?: Lang;
  jobs?: number;
}

/** Where output goes; a parameter so tests can stand in for a terminal. */
export interface RenderStreams {
  stdout: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean };
  stderr: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean };
}

const BINARY: ReadonlySet<RenderFormat> = new Set(["docx", "pdf"]);
/** How many structural messages to show for an input that is not a report. */
const SHOWN_MESSAGES = 3;

interface Input {
  file: string;
  /** Where it is written; undefined for standard output. */
  target: string | undefined;
  report: Report;
  errorCount: number;
}

/** The report of a loaded input, or why it cannot be rendered. */
function inputOf(l: Loaded, target: string | undefined): Input | string {
  if (l.error !== undefined) return l.error;
  const v = l.validation;
  if (!v?.report) {
    const errors = (v?.issues ?? []).filter((i) => i.severity === "error");
    const shown = errors.slice(0, SHOWN_MESSAGES).map((i) => clean(lang() === "zh" ? i.message : i.messageEn));
    const more =
      errors.length > shown.length
        ? t(`（另有 ${errors.length - shown.length} 个问题）`, ` (and ${errors.length - shown.length} more)`)
        : "";
    return `${displayName(l.file)}: ${t("不是一份年度报告（结构不符）", "not a report (its structure does not match)")}: ${shown.join(t("；", "; "))}${more}`;
  }
  return { file: l.file, target, report: v.report, errorCount: countBySeverity(v.issues).errors };
}

function checkUsage(files: readonly string[], opts: RenderOptions, streams: RenderStreams): void {
  if (opts.output && opts.outDir)
    throw new CliError(t("-o/--output 和 --out-dir 只能用其一", "use either -o/--output or --out-dir, not both"));
  if (files.length > 1 && opts.output)
    throw new CliError(
      t(
        "-o/--output 只能用于一个输入；多个输入请用 --out-dir <文件夹>",
        "-o/--output takes one input; use --out-dir for several",
      ),
    );
  if (files.length > 1 && !opts.outDir)
    throw new CliError(t("有多个输入：请用 --out-dir <文件夹>", "several inputs need --out-dir <folder>"));
  if (files.filter((f) => f === "-").length > 1)
    throw new CliError(t("标准输入（-）只能读取一次", "standard input (-) can be read only once"));
  if (opts.annotate && opts.to === "docx")
    throw new CliError(
      t(
        "docx 不支持 --annotate（可用 html、md、txt 或 pdf）",
        "--annotate is not supported for docx (use html, md, txt or pdf)",
      ),
    );
  if (!opts.output && !opts.outDir && BINARY.has(opts.to) && streams.stdout.isTTY)
    throw new CliError(
      t(
        `${opts.to} 是二进制格式，不能输出到终端：请用 -o <文件> 或重定向`,
        `${opts.to} is binary: refusing to write it to a terminal; use -o <file> or redirect`,
      ),
    );
}

/**
 * Reads every input. One named input that fails is the run's failure (nothing written); in a batch
 * the failures are listed and the readable inputs go on, unless none is readable.
 */
async function readAll(
  opened: Inputs,
  targets: readonly (string | undefined)[],
  opts: RenderOptions,
  streams: RenderStreams,
) {
  const inputs: Input[] = [];
  const failures: string[] = [];
  const bar = progress(opened.entries.length, t("读取", "reading"), process.stderr);
  let i = 0;
  for await (const l of loadInputs(opened.entries, opts.jobs ? { jobs: opts.jobs } : {})) {
    const target = targets[i++];
    bar.tick(l.file);
    const input = inputOf(l, target);
    if (typeof input === "string") failures.push(input);
    else inputs.push(input);
  }
  bar.done();
  const fatal = exitOf(opened, failures.length, false) === EXIT.badInput;
  for (const m of fatal ? failures.slice(0, -1) : failures) streams.stderr.write(`gov-report: ${m}\n`);
  if (fatal)
    throw new CliError(`${failures[failures.length - 1] as string}${t("。未写入任何文件", ". Nothing was written")}`);
  return { inputs, failures: failures.length };
}

export async function runRender(
  inputs: string[],
  opts: RenderOptions,
  streams: RenderStreams = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const opened = openInputs(inputs);
  const files = opened.entries.map((e) => e.file);
  checkUsage(files, opts, streams);
  // Where each input goes: undefined means standard output.
  const targets: (string | undefined)[] = opts.outDir
    ? uniqueOutputNames(files, opts.to).map((n) => join(opts.outDir as string, n))
    : files.map(() => opts.output);
  const { inputs: docs, failures } = await readAll(opened, targets, opts, streams);
  if (!opts.force) {
    const existing = docs.map((d) => d.target).filter((x): x is string => x !== undefined && existsSync(x));
    if (existing.length)
      throw new CliError(
        t(
          `${existing.map(clean).join(", ")}: 文件已存在；加 --force 可替换。未写入任何文件`,
          `${existing.map(clean).join(", ")}: already exists; use --force to replace. Nothing was written`,
        ),
      );
  }
  if (opts.outDir) ensureOutputDir(opts.outDir);
  const { written, withErrors } = await writeAll(docs, opts, streams);
  const skipped = opened.skipped.length;
  if (skipped) streams.stderr.write(`${skippedLines(opened.skipped, process.stderr).join("\n")}\n`);
  summarize({ docs, written, withErrors, failures, skipped }, opts, streams);
  return exitOf(opened, failures, withErrors.length > 0);
}

/** Renders and writes every input: the files written and the inputs whose report has errors. */
async function writeAll(
  docs: readonly Input[],
  opts: RenderOptions,
  streams: RenderStreams,
): Promise<{ written: string[]; withErrors: Input[] }> {
  const { render, chunk, close } = await makeRenderer(opts);
  const bar = progress(docs.length, t(`输出 ${opts.to}`, `rendering ${opts.to}`), process.stderr);
  const written: string[] = [];
  const withErrors: Input[] = [];
  try {
    for (let start = 0; start < docs.length; start += chunk) {
      const batch = docs.slice(start, start + chunk);
      const outputs = await render(batch.map((b) => b.report));
      batch.forEach((input, k) => {
        const out = outputs[k] as string | Uint8Array;
        const target = input.target;
        // Text for a terminal is cleaned of escapes the report may hold; files and pipes get it as rendered.
        if (target === undefined)
          streams.stdout.write(typeof out === "string" && streams.stdout.isTTY ? cleanLines(out) : out);
        else writeOrSay(target, out, Boolean(opts.force), written);
        if (input.errorCount) withErrors.push(input);
        bar.tick(input.file);
      });
    }
  } finally {
    bar.done();
    await close();
  }
  return { written, withErrors };
}

/** Writes one output; a failure names the files already written before it. */
function writeOrSay(target: string, out: string | Uint8Array, force: boolean, written: string[]): void {
  try {
    writeOutputFile(target, out, force, { outDirHint: true });
    written.push(target);
  } catch (e) {
    if (!(e instanceof CliError) || !written.length) throw e;
    throw new CliError(
      `${e.message}${t(`。此前已写入 ${written.length} 个文件：`, `. ${count(written.length, "file")} ${written.length === 1 ? "was" : "were"} written before: `)}${written.map(clean).join(", ")}`,
      e.exitCode,
    );
  }
}

interface Outcome {
  docs: readonly Input[];
  written: readonly string[];
  withErrors: readonly Input[];
  /** Inputs that could not be read (listed already). */
  failures: number;
  /** Files of the folders not in a report format (listed already). */
  skipped: number;
}

function summarize(
  { docs, written, withErrors, failures, skipped }: Outcome,
  opts: RenderOptions,
  streams: RenderStreams,
): void {
  const hint =
    opts.annotate || opts.to === "docx"
      ? ""
      : t("；加 --annotate 可在表中标出问题", "; add --annotate to mark them in the tables");
  for (const input of withErrors)
    streams.stderr.write(
      `gov-report: ${displayName(input.file)}: ${t(
        `已输出，但报告有 ${input.errorCount} 个错误（勾稽关系、未读单元格等）`,
        `rendered, but the report has ${count(input.errorCount, "error")} (totals, unread cells…)`,
      )}${hint}\n`,
    );
  if (docs.length + failures + skipped > 1 || opts.outDir) {
    const where = opts.outDir ? t(`到 ${clean(opts.outDir)}`, ` to ${clean(opts.outDir)}`) : "";
    const unreadable =
      (failures ? t(`，${failures} 个无法读取`, `, ${failures} unreadable`) : "") + skippedCount(skipped);
    const files = filesCount(docs.length + failures + skipped);
    streams.stderr.write(
      `${t(
        `共 ${files}：已输出 ${written.length} 个 ${opts.to} 文件${where}，其中 ${withErrors.length} 份有错误${unreadable}`,
        `${files}: ${count(written.length, `${opts.to} file`)} written${where}, ${withErrors.length} with errors${unreadable}`,
      )}\n`,
    );
  }
}

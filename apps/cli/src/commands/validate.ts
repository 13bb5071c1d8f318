/**
 * gov-report validate: each input (JSON, or a document read by the parser) checked against the
 * format's structure and 勾稽关系; issues grouped by section.
 */
import type { ValidationIssue } from "@gov-report/core/lite";
import { lang, t } from "../util/i18n.js";
import {
  exitOf,
  filesCount,
  foldersCount,
  openInputs,
  skippedCount,
  unreadableFolders,
  writeSkipped,
} from "../util/inputs.js";
import { displayName } from "../util/io.js";
import { type Loaded, loadInputs } from "../util/loader.js";
import { progress } from "../util/progress.js";
import { readingWarnings } from "../util/reading-warnings.js";
import { countBySeverity, formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { Sink } from "../util/sink.js";
import { bold, dim } from "../util/style.js";
import { reportTitle } from "../util/title.js";

export interface ValidateOptions {
  format: "text" | "json";
  lang: Lang;
  jobs?: number;
}

interface FileResult {
  file: string;
  ok: boolean;
  /** Set when the file could not be read as a report. */
  error?: string;
  issues: ValidationIssue[];
  title?: string;
}

/** The validator's issues and, for a document, the parser's warnings of how it was read (as `check` lists them). */
const resultOf = (l: Loaded): FileResult =>
  l.error !== undefined || !l.validation
    ? { file: l.file, ok: false, error: l.error ?? "", issues: [] }
    : {
        file: l.file,
        ok: l.validation.ok,
        issues: [...l.validation.issues, ...readingWarnings(l)],
        title: reportTitle(l.value),
      };

function textOf(r: FileResult): string[] {
  return [
    `${bold(displayName(r.file))}  ${dim(r.title ?? "")}`,
    ...formatIssues(r.issues, lang()),
    summaryLine(r.issues, lang()),
  ];
}

export async function runValidate(inputs: string[], opts: ValidateOptions): Promise<number> {
  const opened = openInputs(inputs);
  const { entries } = opened;
  const out = new Sink(process.stdout);
  const json = opts.format === "json";
  const bar = progress(entries.length, t("校验", "validating"));
  let n = 0;
  let unreadable = 0;
  let withErrors = 0;
  if (json) out.write("[");
  for await (const l of loadInputs(entries, opts.jobs ? { jobs: opts.jobs } : {})) {
    const r = resultOf(l);
    bar.tick(l.file);
    if (r.error !== undefined) {
      unreadable++;
      process.stderr.write(`gov-report: ${r.error}\n`);
    } else if (countBySeverity(r.issues).errors > 0) withErrors++;
    if (json) {
      const record = {
        file: l.file === "-" ? "<stdin>" : l.file,
        ok: r.ok,
        ...(r.error ? { error: r.error } : {}),
        issues: r.issues,
      };
      out.write(`${n ? "," : ""}\n${JSON.stringify(record, null, 2).replace(/\n/g, "\n  ").replace(/^/, "  ")}`);
    } else if (r.error === undefined) out.write(`${textOf(r).join("\n")}\n`);
    n++;
  }
  bar.done();
  out.flush();
  writeSkipped(process.stderr, opened.skipped);
  const skipped = opened.skipped.length;
  const folders = unreadableFolders(opened);
  if (json) out.write("\n]\n");
  else if (n + skipped > 1) {
    const clean = n - unreadable - withErrors;
    const files = filesCount(n - folders + skipped);
    out.write(
      `${t(
        `共 ${files}：${clean} 个无错误，${withErrors} 个有错误，${unreadable - folders} 个无法读取`,
        `${files}: ${clean} without errors, ${withErrors} with errors, ${unreadable - folders} unreadable`,
      )}${foldersCount(folders)}${skippedCount(skipped)}\n`,
    );
  }
  out.flush();
  return exitOf(opened, unreadable, withErrors > 0);
}

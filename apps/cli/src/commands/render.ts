/**
 * gov-report render: reports (JSON) to HTML, Markdown, text, Word or PDF in the official layout.
 * Every input is read and checked before anything is written, so a bad input leaves no partial
 * output; existing files are kept unless --force.
 */
import { basename, extname, join, resolve } from "node:path";
import { type Report, validateReport } from "@gov-report/core/lite";
import { CliError, EXIT } from "../util/errors.js";
import { displayName, ensureOutputDir, readJsonFile, writeOutputFile } from "../util/io.js";
import { progress } from "../util/progress.js";
import { countBySeverity } from "../util/report-output.js";

export type RenderFormat = "html" | "md" | "txt" | "docx" | "pdf";

export interface RenderOptions {
  to: RenderFormat;
  output?: string;
  outDir?: string;
  annotate?: boolean;
  force?: boolean;
}

/** Where output goes; a parameter so tests can stand in for a terminal. */
export interface RenderStreams {
  stdout: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean };
  stderr: Pick<NodeJS.WriteStream, "write">;
}

const BINARY: ReadonlySet<RenderFormat> = new Set(["docx", "pdf"]);
/** How many structural messages to show for an input that is not a report. */
const SHOWN_MESSAGES = 3;

interface Input {
  file: string;
  report: Report;
  errorCount: number;
}

/** Reads and checks one input; throws CliError (exit 2) when it is not a report. */
function loadReport(file: string): Input {
  const value = readJsonFile(file);
  const result = validateReport(value);
  if (!result.report) {
    const errors = result.issues.filter((i) => i.severity === "error");
    const shown = errors.slice(0, SHOWN_MESSAGES).map((i) => i.message);
    const more = errors.length > shown.length ? `（另有 ${errors.length - shown.length} 个问题）` : "";
    throw new CliError(`${displayName(file)}: 不是一份年度报告（结构不符）: ${shown.join("；")}${more}`);
  }
  return { file, report: result.report, errorCount: countBySeverity(result.issues).errors };
}

/** Output file name for an input: its base name with the format's extension. */
function outputName(file: string, to: RenderFormat): string {
  const base = file === "-" ? "stdin" : basename(file, extname(file));
  return `${base}.${to}`;
}

type Render = (reports: Report[]) => Promise<(string | Uint8Array)[]>;

/** Reports per call: PDF prints several per Chromium job (fonts embedded once); others go one by one. */
const PDF_CHUNK = 10;

async function makeRenderer(
  opts: RenderOptions,
): Promise<{ render: Render; chunk: number; close: () => Promise<void> }> {
  const annotate = opts.annotate ? { annotate: true } : {};
  const none = async () => undefined;
  const each =
    (one: (r: Report) => string | Uint8Array | Promise<string | Uint8Array>): Render =>
    (reports) =>
      Promise.all(reports.map((r) => one(r)));
  if (opts.to === "pdf") {
    const { PdfRenderer, ChromiumNotFoundError } = await import("@gov-report/renderer/pdf");
    try {
      const pdf = await PdfRenderer.launch({ batchSize: PDF_CHUNK });
      return { render: (reports) => pdf.renderMany(reports, annotate), chunk: PDF_CHUNK, close: () => pdf.close() };
    } catch (e) {
      if (e instanceof ChromiumNotFoundError) throw new CliError(e.message);
      throw e;
    }
  }
  const renderer = await import("@gov-report/renderer");
  switch (opts.to) {
    case "html":
      return { render: each((r) => renderer.renderHtml(r, annotate)), chunk: 1, close: none };
    case "md":
      return { render: each((r) => renderer.renderMarkdown(r, annotate)), chunk: 1, close: none };
    case "txt":
      return { render: each((r) => renderer.renderText(r, annotate)), chunk: 1, close: none };
    case "docx":
      return { render: each((r) => renderer.renderDocx(r)), chunk: 1, close: none };
  }
}

export async function runRender(
  files: string[],
  opts: RenderOptions,
  streams: RenderStreams = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  if (opts.output && opts.outDir) throw new CliError("use either -o/--output or --out-dir, not both");
  if (files.length > 1 && opts.output) throw new CliError("-o/--output takes one input; use --out-dir for several");
  if (files.length > 1 && !opts.outDir) throw new CliError("several inputs need --out-dir <dir>");
  if (files.filter((f) => f === "-").length > 1) throw new CliError("standard input (-) can be read only once");
  if (opts.annotate && opts.to === "docx")
    throw new CliError("--annotate is not supported for docx (use html, md, txt or pdf)");

  // Where each input goes: undefined means standard output.
  const targets: (string | undefined)[] = files.map((f) =>
    opts.outDir ? join(opts.outDir, outputName(f, opts.to)) : opts.output,
  );
  const toStdout = targets[0] === undefined;
  if (toStdout && BINARY.has(opts.to) && streams.stdout.isTTY) {
    throw new CliError(`${opts.to} is binary: refusing to write it to a terminal; use -o <file> or redirect`);
  }
  const seen = new Map<string, string>();
  files.forEach((f, i) => {
    const t = targets[i];
    if (!t) return;
    const prev = seen.get(resolve(t));
    if (prev) throw new CliError(`${displayName(prev)} and ${displayName(f)} would both be written to ${t}`);
    seen.set(resolve(t), f);
  });

  // Read and check every input before writing anything.
  const inputs: Input[] = [];
  const failures: string[] = [];
  for (const f of files) {
    try {
      inputs.push(loadReport(f));
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failures.push(e.message);
    }
  }
  if (failures.length) {
    for (const m of failures.slice(0, -1)) streams.stderr.write(`gov-report: ${m}\n`);
    throw new CliError(failures[failures.length - 1] as string);
  }
  if (!opts.force) {
    const { existsSync } = await import("node:fs");
    const existing = targets.filter((t): t is string => t !== undefined && existsSync(t));
    if (existing.length) {
      throw new CliError(`${existing.join(", ")}: already exists; use --force to replace`);
    }
  }

  if (opts.outDir) ensureOutputDir(opts.outDir);
  const { render, chunk, close } = await makeRenderer(opts);
  const bar = progress(inputs.length, `render → ${opts.to}`);
  try {
    for (let start = 0; start < inputs.length; start += chunk) {
      const batch = inputs.slice(start, start + chunk);
      const outputs = await render(batch.map((b) => b.report));
      batch.forEach((input, k) => {
        const out = outputs[k] as string | Uint8Array;
        const target = targets[start + k];
        if (target === undefined) streams.stdout.write(out);
        else writeOutputFile(target, out, Boolean(opts.force));
        bar.tick(displayName(input.file));
        if (input.errorCount) {
          streams.stderr.write(
            `gov-report: ${displayName(input.file)}: 已输出，但报告有 ${input.errorCount} 个错误（勾稽关系等）；加 --annotate 可在表中标出\n`,
          );
        }
      });
    }
  } finally {
    bar.done();
    await close();
  }
  return EXIT.ok;
}

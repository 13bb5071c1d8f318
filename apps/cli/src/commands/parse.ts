/**
 * gov-report parse: reads published reports (PDF, Word .docx, HTML page, extracted text) into canonical
 * report JSON. One input: the report JSON on stdout (or -o), the parser's diagnostics and the
 * validator's findings on stderr, so stdout stays pure JSON. Several inputs or a folder: one
 * .json per input in --out-dir, with a progress bar and a summary.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { type ValidationIssue, validateReport } from "@gov-report/core/lite";
import type { Diagnostic, ParseInput, ParseResult } from "@gov-report/parser";
import { CliError, EXIT } from "../util/errors.js";
import { displayName, ensureOutputDir, readInputBytes, writeOutputFile } from "../util/io.js";
import { progress } from "../util/progress.js";
import { countBySeverity, formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { bold, dim, red, yellow } from "../util/style.js";

export interface ParseOptions {
  output?: string;
  outDir?: string;
  force?: boolean;
  format: "text" | "json";
  lang: Lang;
}

const SUPPORTED = new Set([".pdf", ".docx", ".doc", ".html", ".htm", ".txt"]);
/** Diagnostics that mean the input could not be read as a report at all (exit 2). */
const UNREADABLE = new Set(["input.unreadable", "input.no-text-layer", "input.not-a-report"]);

interface Outcome {
  file: string;
  result?: ParseResult;
  issues: ValidationIssue[];
  /** Set when the input could not be read or is of an unsupported type. */
  error?: string;
}

/** The parser input for a file, by extension; "-" and unknown extensions are sniffed. */
function inputOf(file: string): ParseInput {
  const ext = file === "-" ? "" : extname(file).toLowerCase();
  if (ext && !SUPPORTED.has(ext))
    throw new CliError(`${file}: unsupported file type "${ext}" (expected .pdf, .docx, .html, .htm or .txt)`);
  const bytes = readInputBytes(file);
  if (ext === ".pdf" || (!ext && bytes.subarray(0, 5).toString("latin1") === "%PDF-"))
    return { pdf: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  // .docx is a zip archive ("PK\x03\x04"); a legacy .doc an OLE2 file: the parser explains that one.
  const magic = bytes.subarray(0, 4).toString("latin1");
  if (ext === ".docx" || ext === ".doc" || (!ext && (magic === "PK\x03\x04" || magic === "\xd0\xcf\x11\xe0")))
    return { docx: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (ext === ".html" || ext === ".htm") return { html: text };
  if (!ext && text.trimStart().startsWith("<")) return { html: text };
  return { text };
}

async function parseOne(file: string): Promise<Outcome> {
  const { parseReport } = await import("@gov-report/parser");
  let input: ParseInput;
  try {
    input = inputOf(file);
  } catch (e) {
    if (e instanceof CliError) return { file: displayName(file), issues: [], error: e.message };
    throw e;
  }
  const result = await parseReport(input);
  const fatal = result.diagnostics.find((d) => UNREADABLE.has(d.code));
  if (fatal) return { file: displayName(file), result, issues: [], error: `${displayName(file)}: ${fatal.messageEn}` };
  return { file: displayName(file), result, issues: validateReport(result.report).issues };
}

function formatDiagnostics(diags: readonly Diagnostic[], lang: Lang): string[] {
  return diags.map((d) => {
    const mark =
      d.severity === "error"
        ? red(lang === "zh" ? "✗ 错误" : "✗ error", process.stderr)
        : d.severity === "warning"
          ? yellow(lang === "zh" ? "! 提醒" : "! warning", process.stderr)
          : dim(lang === "zh" ? "· 说明" : "· info", process.stderr);
    const where = d.source
      ? dim(
          ` (${[d.source.page ? `p.${d.source.page}` : "", d.source.line ? `line ${d.source.line}` : ""].filter(Boolean).join(" ")})`,
          process.stderr,
        )
      : "";
    return `    ${mark} ${lang === "zh" ? d.message : d.messageEn}${where} ${dim(`[${d.code}]`, process.stderr)}`;
  });
}

/** Everything said about one parsed file, for stderr. */
function report(o: Outcome, lang: Lang): string {
  const out: string[] = [];
  const r = o.result;
  if (!r) return "";
  const rep = r.report;
  const name = rep.agency.name || (lang === "zh" ? "（未署名机关）" : "(agency not named)");
  out.push(
    `${bold(o.file, process.stderr)}  ${dim(`${name} ${rep.year}（${rep.edition} 版）confidence ${r.confidence}`, process.stderr)}`,
  );
  if (r.diagnostics.length) {
    out.push(`  ${bold(lang === "zh" ? "解析说明" : "Parser diagnostics", process.stderr)}`);
    out.push(...formatDiagnostics(r.diagnostics, lang));
  }
  if (!o.error) {
    out.push(`  ${bold(lang === "zh" ? "校验结果" : "Validation", process.stderr)}`);
    out.push(...formatIssues(o.issues, lang));
    out.push(summaryLine(o.issues, lang));
  }
  return `${out.join("\n")}\n`;
}

const payload = (o: Outcome, format: "text" | "json") =>
  format === "json"
    ? { report: o.result?.report, diagnostics: o.result?.diagnostics ?? [], issues: o.issues }
    : o.result?.report;

function exitOf(outcomes: readonly Outcome[]): number {
  if (outcomes.some((o) => o.error)) return EXIT.badInput;
  return outcomes.some((o) => countBySeverity(o.issues).errors > 0) ? EXIT.ruleBroken : EXIT.ok;
}

/** Files of a folder (one level) that the parser reads, in name order. */
function expand(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of inputs) {
    let dir = false;
    try {
      dir = f !== "-" && statSync(f).isDirectory();
    } catch {
      // missing files are reported when read
    }
    if (!dir) {
      out.push(f);
      continue;
    }
    const names = readdirSync(f)
      .filter((n) => SUPPORTED.has(extname(n).toLowerCase()))
      .sort();
    if (!names.length) throw new CliError(`${f}: no .pdf, .docx, .html, .htm or .txt files in this folder`);
    for (const n of names) out.push(join(f, n));
  }
  return out;
}

export async function runParse(inputs: string[], opts: ParseOptions): Promise<number> {
  const files = expand(inputs);
  const batch = files.length > 1 || inputs.some((f) => f !== "-" && files[0] !== f);
  if (batch || opts.outDir) return runBatch(files, opts);
  const o = await parseOne(files[0] as string);
  if (o.error && !o.result) throw new CliError(o.error);
  if (o.error) {
    process.stderr.write(report(o, opts.lang));
    throw new CliError(o.error);
  }
  const json = `${JSON.stringify(payload(o, opts.format), null, 2)}\n`;
  if (opts.output && opts.output !== "-") {
    writeOutputFile(opts.output, json, opts.force);
    process.stderr.write(`${opts.lang === "zh" ? "已写入" : "wrote"} ${opts.output}\n`);
  } else process.stdout.write(json);
  process.stderr.write(report(o, opts.lang));
  return exitOf([o]);
}

async function runBatch(files: string[], opts: ParseOptions): Promise<number> {
  if (!opts.outDir) throw new CliError("several inputs: use --out-dir <folder> to write one .json per input");
  if (opts.output) throw new CliError("-o/--output takes one input; with several inputs use --out-dir");
  ensureOutputDir(opts.outDir);
  const bar = progress(files.length, opts.lang === "zh" ? "解析" : "parsing");
  const outcomes: Outcome[] = [];
  const used = new Set<string>();
  for (const f of files) {
    const o = await parseOne(f);
    if (!o.error) {
      // report.pdf and report.html in one run must not overwrite each other.
      let name = `${basename(f, extname(f))}.json`;
      if (used.has(name)) name = `${basename(f)}.json`;
      used.add(name);
      try {
        writeOutputFile(join(opts.outDir, name), `${JSON.stringify(payload(o, opts.format), null, 2)}\n`, opts.force);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        o.error = e.message;
      }
    }
    outcomes.push(o);
    bar.tick(basename(f));
  }
  bar.done();
  for (const o of outcomes) {
    if (o.error) process.stderr.write(`gov-report: ${o.error}\n`);
    else if (o.result) {
      const { errors, warnings } = countBySeverity(o.issues);
      const diag = o.result.diagnostics.filter((d) => d.severity !== "info").length;
      process.stderr.write(
        opts.lang === "zh"
          ? `${o.file}: ${errors} 个校验错误，${warnings} 个提醒，${diag} 条解析说明，confidence ${o.result.confidence}\n`
          : `${o.file}: ${errors} validation error(s), ${warnings} warning(s), ${diag} parser note(s), confidence ${o.result.confidence}\n`,
      );
    }
  }
  const unreadable = outcomes.filter((o) => o.error).length;
  const parsed = outcomes.length - unreadable;
  const withErrors = outcomes.filter((o) => !o.error && countBySeverity(o.issues).errors > 0).length;
  process.stderr.write(
    opts.lang === "zh"
      ? `共 ${outcomes.length} 个文件：已解析 ${parsed} 个（其中 ${withErrors} 个有校验错误），${unreadable} 个无法读取；输出在 ${opts.outDir}\n`
      : `${outcomes.length} files: ${parsed} parsed (${withErrors} with validation errors), ${unreadable} unreadable; output in ${opts.outDir}\n`,
  );
  return exitOf(outcomes);
}

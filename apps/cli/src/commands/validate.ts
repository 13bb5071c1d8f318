import { type ValidationIssue, validateReport } from "@gov-report/core/lite";
import { CliError, EXIT } from "../util/errors.js";
import { displayName, readJsonFile } from "../util/io.js";
import { countBySeverity, formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { bold, dim } from "../util/style.js";

export interface ValidateOptions {
  format: "text" | "json";
  lang: Lang;
}

interface FileResult {
  file: string;
  ok: boolean;
  /** Set when the file could not be read or parsed. */
  error?: string;
  issues: ValidationIssue[];
  title?: string;
}

function title(report: unknown): string | undefined {
  if (!report || typeof report !== "object") return undefined;
  const r = report as { agency?: { name?: unknown }; year?: unknown; edition?: unknown };
  const name = typeof r.agency?.name === "string" && r.agency.name ? r.agency.name : "（未署名机关）";
  return `${name} ${String(r.year ?? "?")} 年度（${String(r.edition ?? "?")} 版格式）`;
}

export function validateFile(file: string): FileResult {
  try {
    const value = readJsonFile(file);
    const result = validateReport(value);
    const t = title(value);
    return { file: displayName(file), ok: result.ok, issues: result.issues, ...(t ? { title: t } : {}) };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { file: displayName(file), ok: false, error: e.message, issues: [] };
  }
}

export function runValidate(files: string[], opts: ValidateOptions): number {
  const results = files.map(validateFile);
  if (opts.format === "json") {
    process.stdout.write(
      `${JSON.stringify(
        results.map((r) => ({ file: r.file, ok: r.ok, ...(r.error ? { error: r.error } : {}), issues: r.issues })),
        null,
        2,
      )}\n`,
    );
    for (const r of results) if (r.error) process.stderr.write(`gov-report: ${r.error}\n`);
  } else {
    const out: string[] = [];
    for (const r of results) {
      if (r.error) {
        process.stderr.write(`gov-report: ${r.error}\n`);
        continue;
      }
      out.push(`${bold(r.file)}  ${dim(r.title ?? "")}`);
      out.push(...formatIssues(r.issues, opts.lang));
      out.push(summaryLine(r.issues, opts.lang));
    }
    if (results.length > 1) {
      const unreadable = results.filter((r) => r.error).length;
      const withErrors = results.filter((r) => !r.error && countBySeverity(r.issues).errors > 0).length;
      const clean = results.length - unreadable - withErrors;
      out.push(
        opts.lang === "zh"
          ? `共 ${results.length} 个文件：${clean} 个无错误，${withErrors} 个有错误，${unreadable} 个无法读取`
          : `${results.length} files: ${clean} without errors, ${withErrors} with errors, ${unreadable} unreadable`,
      );
    }
    if (out.length) process.stdout.write(`${out.join("\n")}\n`);
  }
  if (results.some((r) => r.error)) return EXIT.badInput;
  return results.some((r) => !r.ok) ? EXIT.ruleBroken : EXIT.ok;
}

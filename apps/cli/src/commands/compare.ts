/**
 * gov-report compare: the cross-year checks between two reports of one agency (any input kind).
 * Two reports that are not last year's and this year's of one agency are refused (exit 2) with
 * what to do, rather than compared into findings that mean nothing: the wrong order, years that
 * are not consecutive, two agencies (matched as `check` pairs them).
 */
import { statSync } from "node:fs";
import { compareYears } from "@gov-report/core/lite";
import { oneAgency } from "../util/duplicates.js";
import { CliError, EXIT } from "../util/errors.js";
import { lang, t } from "../util/i18n.js";
import { displayName } from "../util/io.js";
import { type Loaded, loadInputs } from "../util/loader.js";
import { formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { cleanValue } from "../util/sanitize.js";
import { bold } from "../util/style.js";

export interface CompareOptions {
  format: "text" | "json";
  lang: Lang;
  jobs?: number;
}

const declared = (l: Loaded) => {
  const v = (l.value ?? {}) as { year?: unknown; agency?: { name?: unknown } };
  return {
    file: displayName(l.file),
    year: typeof v.year === "number" ? v.year : undefined,
    name: typeof v.agency?.name === "string" ? v.agency.name : undefined,
  };
};

/** Why these two reports are not last year's and this year's of one agency, or undefined. */
function notAPair(previous: Loaded, current: Loaded): string | undefined {
  const a = declared(previous);
  const b = declared(current);
  if (a.year !== undefined && b.year !== undefined && b.year !== a.year + 1) {
    const years = t(
      `${a.file} 是 ${a.year} 年度，${b.file} 是 ${b.year} 年度`,
      `${a.file} is the ${a.year} report and ${b.file} the ${b.year} report`,
    );
    if (a.year === b.year + 1)
      return t(
        `${years}：顺序颠倒了。请先写上一年度，再写本年度：gov-report compare ${b.file} ${a.file}`,
        `${years}: the wrong order. Give last year's report first, then this year's: gov-report compare ${b.file} ${a.file}`,
      );
    return t(
      `${years}，不是相邻的两个年度：跨年度核对只比较同一机关的上一年度和本年度（例如 ${b.year - 1} 与 ${b.year}）`,
      `${years}: not consecutive years. The cross-year checks compare one agency's last year with this year (for example ${b.year - 1} and ${b.year})`,
    );
  }
  if (a.name === undefined || b.name === undefined) return undefined; // not a report: compareYears says so
  if (!a.name.trim() || !b.name.trim()) {
    const which = !a.name.trim() ? a.file : b.file;
    return t(
      `${which} 没有填写机关名称（agency.name），无法确认两份报告是同一机关：请填写后再比较`,
      `${which} has no agency name (agency.name), so the two reports cannot be known to be one agency's: fill it in, then compare`,
    );
  }
  if (!oneAgency(a.name, b.name))
    return t(
      `不是同一机关的报告：${a.file} 是 ${cleanValue(a.name)}，${b.file} 是 ${cleanValue(b.name)}。跨年度核对只比较同一机关相邻两个年度的报告`,
      `not one agency's reports: ${a.file} is ${cleanValue(a.name)}, ${b.file} is ${cleanValue(b.name)}. The cross-year checks compare consecutive years of one agency`,
    );
  return undefined;
}

/** A folder named as one of the two reports: what compare takes, and the command for a folder. */
function refuseFolder(path: string): void {
  let folder = false;
  try {
    folder = path !== "-" && statSync(path).isDirectory();
  } catch {
    return; // the loader says why the path cannot be read
  }
  if (!folder) return;
  const name = displayName(path);
  throw new CliError(
    t(
      `${name} 是文件夹：compare 比较同一机关两个年度的两份报告，请给出两个文件（如 gov-report compare 2023.pdf 2024.pdf）；核对整个文件夹（含跨年度核对）请用 gov-report check ${name}`,
      `${name} is a folder: compare takes two reports of one agency, last year's and this year's (such as gov-report compare 2023.pdf 2024.pdf); to check a whole folder, cross-year checks included, use gov-report check ${name}`,
    ),
  );
}

export async function runCompare(previous: string, current: string, opts: CompareOptions): Promise<number> {
  refuseFolder(previous);
  refuseFolder(current);
  const loaded: Loaded[] = [];
  const load = opts.jobs ? { jobs: opts.jobs } : {};
  for await (const l of loadInputs([{ file: previous }, { file: current }], load)) loaded.push(l);
  const failed = loaded.filter((l) => l.error !== undefined);
  for (const f of failed.slice(0, -1)) process.stderr.write(`gov-report: ${f.error}\n`);
  if (failed.length) throw new CliError(failed[failed.length - 1]?.error as string);
  const [a, b] = loaded as [Loaded, Loaded];
  const refusal = notAPair(a, b);
  if (refusal) throw new CliError(refusal);
  const result = compareYears(a.value, b.value);
  if (opts.format === "json") {
    const name = (f: string) => (f === "-" ? "<stdin>" : f);
    process.stdout.write(
      `${JSON.stringify({ previous: name(previous), current: name(current), ...result }, null, 2)}\n`,
    );
  } else {
    const lines = [`${bold(displayName(previous))} → ${bold(displayName(current))}`];
    lines.push(...formatIssues(result.issues, lang()));
    if (result.textOverlap !== undefined) {
      const pct = Math.round(result.textOverlap * 100);
      lines.push(t(`  文字与上年重复 ${pct}%`, `  text overlap with last year: ${pct}%`));
    }
    lines.push(summaryLine(result.issues, lang()));
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return result.ok ? EXIT.ok : EXIT.ruleBroken;
}

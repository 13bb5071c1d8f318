import { compareYears } from "@gov-report/core/lite";
import { EXIT } from "../util/errors.js";
import { displayName, readJsonFile } from "../util/io.js";
import { formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { bold } from "../util/style.js";

export function runCompare(previous: string, current: string, opts: { format: "text" | "json"; lang: Lang }): number {
  const a = readJsonFile(previous);
  const b = readJsonFile(current);
  const result = compareYears(a, b);
  if (opts.format === "json") {
    process.stdout.write(
      `${JSON.stringify({ previous: displayName(previous), current: displayName(current), ...result }, null, 2)}\n`,
    );
  } else {
    const lines = [`${bold(displayName(previous))} → ${bold(displayName(current))}`];
    lines.push(...formatIssues(result.issues, opts.lang));
    if (result.textOverlap !== undefined) {
      const pct = Math.round(result.textOverlap * 100);
      lines.push(opts.lang === "zh" ? `  文字与上年重复 ${pct}%` : `  text overlap with last year: ${pct}%`);
    }
    lines.push(summaryLine(result.issues, opts.lang));
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return result.ok ? EXIT.ok : EXIT.ruleBroken;
}

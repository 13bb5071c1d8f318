/** gov-report compare: the cross-year checks between two reports of one agency (any input kind). */
import { compareYears } from "@gov-report/core/lite";
import { CliError, EXIT } from "../util/errors.js";
import { lang, t } from "../util/i18n.js";
import { displayName } from "../util/io.js";
import { loadInputs } from "../util/loader.js";
import { formatIssues, type Lang, summaryLine } from "../util/report-output.js";
import { bold } from "../util/style.js";

export async function runCompare(
  previous: string,
  current: string,
  opts: { format: "text" | "json"; lang: Lang },
): Promise<number> {
  const loaded = [];
  for await (const l of loadInputs([{ file: previous }, { file: current }])) loaded.push(l);
  const failed = loaded.filter((l) => l.error !== undefined);
  for (const f of failed.slice(0, -1)) process.stderr.write(`gov-report: ${f.error}\n`);
  if (failed.length) throw new CliError(failed[failed.length - 1]?.error as string);
  const [a, b] = loaded;
  const result = compareYears(a?.value, b?.value);
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

import { createEmptyReport, type Edition, editionForYear } from "@gov-report/core/lite";
import { EXIT } from "../util/errors.js";
import { t } from "../util/i18n.js";
import { writeOutputFile } from "../util/io.js";
import { clean } from "../util/sanitize.js";

export interface InitOptions {
  year: number;
  edition?: Edition;
  agency?: string;
  output?: string;
  force?: boolean;
}

export function runInit(opts: InitOptions): number {
  const edition = opts.edition ?? editionForYear(opts.year);
  const report = createEmptyReport({ edition, year: opts.year, agencyName: opts.agency ?? "" });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (!opts.output || opts.output === "-") {
    process.stdout.write(json);
    return EXIT.ok;
  }
  writeOutputFile(opts.output, json, opts.force);
  const usual = editionForYear(opts.year);
  const warn =
    edition !== usual
      ? t(
          `（注意：${opts.year} 年度通常使用 ${usual} 版）`,
          ` (note: a ${opts.year} report usually uses the ${usual} edition)`,
        )
      : "";
  process.stderr.write(
    `${t(`已创建 ${clean(opts.output)}：${opts.year} 年度，${edition} 版格式`, `created ${clean(opts.output)}: ${opts.year}, ${edition} edition`)}${warn}\n`,
  );
  return EXIT.ok;
}

import { createEmptyReport, type Edition, editionForYear } from "@gov-report/core/lite";
import { EXIT } from "../util/errors.js";
import { writeOutputFile } from "../util/io.js";

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
  const warn =
    edition !== editionForYear(opts.year) ? `（注意：${opts.year} 年度通常使用 ${editionForYear(opts.year)} 版）` : "";
  process.stderr.write(`已创建 ${opts.output}：${opts.year} 年度，${edition} 版格式${warn}\n`);
  return EXIT.ok;
}

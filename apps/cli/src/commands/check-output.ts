/** `check`'s text table and CSV. */
import { csvField, csvRow, csvText, UTF8_BOM } from "../util/csv.js";
import { count, t } from "../util/i18n.js";
import { foldersCount, type SkippedFile, skippedCount, skippedLines } from "../util/inputs.js";
import type { Lang } from "../util/report-output.js";
import { clean } from "../util/sanitize.js";
import type { Sink } from "../util/sink.js";
import { red, yellow } from "../util/style.js";
import { renderTable } from "../util/table.js";
import { truncate } from "../util/text-width.js";
import { unnamedAgency as unnamed } from "../util/title.js";
import type { PairEntry, Row } from "./check-rows.js";

export interface Summary {
  files: number;
  reports: number;
  withErrors: number;
  withoutErrors: number;
  unreadable: number;
  /** Of `unreadable` (and of `files`), the sub-folders that could not be listed. */
  unreadableFolders: number;
  withUnreadCells: number;
  duplicates: number;
  crossYearPairs: number;
  crossYearPairsWithErrors: number;
  /** Files of the folders not in a report format (not read, not in `files`). */
  skipped: number;
}

const CSV_HEADER = [
  "file",
  "source",
  "agency",
  "year",
  "edition",
  "errors",
  "warnings",
  "unread_cells",
  "duplicate",
  "worst_code",
  "worst_message",
  "unreadable",
];

/** The CSV; `terminal` when it goes to a terminal (its text fields are cleaned). */
export function writeCsv(out: Sink, rows: readonly Row[], terminal: boolean): void {
  const text = (v: string | undefined) => csvText(v, terminal);
  out.write(UTF8_BOM + csvRow(CSV_HEADER));
  for (const r of rows) {
    const read = r.unreadable === undefined;
    out.write(
      csvRow([
        text(r.file),
        r.source,
        text(r.agency),
        csvField(r.year),
        text(r.edition),
        read ? csvField(r.errors) : "",
        read ? csvField(r.warnings) : "",
        read ? csvField(r.unread) : "",
        r.duplicate ? "1" : "",
        text(r.worst?.code),
        text(r.worst?.message),
        text(r.unreadable),
      ]),
    );
  }
}

const HEADERS = {
  zh: ["文件", "机关", "年度", "版本", "错误", "提醒", "最主要的问题"],
  en: ["file", "agency", "year", "edition", "errors", "warnings", "main issue"],
};
/** Room for the main issue in the table; `gov-report validate <file>` prints every issue in full. */
const ISSUE_WIDTH = 60;

function tableLines(rows: readonly Row[], lang: Lang): string[] {
  const zh = lang === "zh";
  const cells = rows
    .filter((r) => r.unreadable === undefined)
    .map((r) => {
      const w = r.worst;
      const text = w ? truncate(clean(zh ? w.message : w.messageEn), ISSUE_WIDTH) : zh ? "无" : "none";
      return [
        clean(r.file),
        clean(r.agency || unnamed()),
        r.year === undefined ? "?" : String(r.year),
        clean(r.edition ?? "?"),
        r.errors ? red(String(r.errors)) : "0",
        r.warnings ? yellow(String(r.warnings)) : "0",
        text,
      ];
    });
  if (!cells.length) return [];
  const columns = HEADERS[lang].map((header, i) => ({
    header,
    align: i === 4 || i === 5 ? ("right" as const) : ("left" as const),
  }));
  return renderTable(columns, cells);
}

/** The summary line; files are counted without the folders that could not be listed. */
export function summaryText(s: Summary): string {
  const rest = `${foldersCount(s.unreadableFolders)}${skippedCount(s.skipped)}`;
  const files = s.files - s.unreadableFolders + s.skipped;
  const unreadable = s.unreadable - s.unreadableFolders;
  return t(
    `共 ${files} 个文件：${s.withoutErrors} 份报告无错误，${s.withErrors} 份有错误，${unreadable} 个无法读取${rest}` +
      `${s.withUnreadCells ? `；${s.withUnreadCells} 份有未能读取或存疑的单元格` : ""}` +
      `${s.duplicates ? `；${s.duplicates} 份疑似重复` : ""}` +
      `；跨年度核对 ${s.crossYearPairs} 组，其中 ${s.crossYearPairsWithErrors} 组有错误`,
    `${count(files, "file")}: ${count(s.withoutErrors, "report")} without errors, ${s.withErrors} with errors, ${unreadable} unreadable${rest}` +
      `${s.withUnreadCells ? `; ${s.withUnreadCells} with unread or ambiguous cells` : ""}` +
      `${s.duplicates ? `; ${count(s.duplicates, "duplicate")}` : ""}` +
      `; ${count(s.crossYearPairs, "cross-year pair")}, ${s.crossYearPairsWithErrors} with errors`,
  );
}

export interface CheckReport {
  rows: readonly Row[];
  pairs: readonly PairEntry[];
  skipped: readonly SkippedFile[];
  summary: Summary;
}

export function writeText(out: Sink, { rows, pairs, skipped, summary: s }: CheckReport, lang: Lang): void {
  const zh = lang === "zh";
  const lines = tableLines(rows, lang);
  if (s.unreadable) {
    lines.push("", zh ? `无法读取的文件（${s.unreadable} 个）：` : `Files that could not be read (${s.unreadable}):`);
    for (const r of rows) if (r.unreadable !== undefined) lines.push(`  ${red("✗")} ${clean(r.unreadable)}`);
  }
  if (skipped.length) lines.push("", ...skippedLines(skipped, process.stdout));
  const printed = pairs.filter((p) => p.printed !== undefined);
  if (printed.length) {
    lines.push(
      "",
      zh ? "跨年度核对（同一机关相邻两个年度）：" : "Cross-year checks (consecutive years of one agency):",
    );
    for (const p of printed) lines.push(p.printed as string);
  }
  lines.push("", summaryText(s));
  out.write(`${lines.join("\n")}\n`);
}

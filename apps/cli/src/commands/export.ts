/**
 * gov-report export --to csv: one row per report, one column per numeric cell of the format
 * (core `numericCellsOf`), headed by the printed labels (or the model paths with --keys en).
 * Of each report only its numbers are kept until the end, when the columns are known. A cell the
 * parser could not read (unread or ambiguous) is an empty field, never its placeholder 0, and the
 * last column (未读单元格 / unreadCells) lists the ids of such cells.
 */
import {
  type CellDef,
  EDITIONS,
  type Edition,
  getAt,
  numericCellsOf,
  sharedCells,
  TOP_LEVEL_LABELS,
} from "@gov-report/core/lite";
import { csvField, csvRow, csvText, UTF8_BOM } from "../util/csv.js";
import { CliError } from "../util/errors.js";
import { count, lang, t } from "../util/i18n.js";
import {
  exitOf,
  filesCount,
  foldersCount,
  openInputs,
  skippedCount,
  unreadableFolders,
  writeSkipped,
} from "../util/inputs.js";
import { displayName, writeOutputFile } from "../util/io.js";
import { type Loaded, loadInputs } from "../util/loader.js";
import { progress } from "../util/progress.js";
import type { Lang } from "../util/report-output.js";
import { clean } from "../util/sanitize.js";
import { red } from "../util/style.js";

export interface ExportOptions {
  to: "csv";
  output?: string;
  force?: boolean;
  keys: "zh" | "en";
  lang: Lang;
  jobs?: number;
}

interface Row {
  file: string;
  agency: string;
  year: number;
  edition: Edition;
  /** In the order of numericCellsOf(edition); NaN for a cell that is unread or ambiguous. */
  values: Float64Array;
  /** Ids of the unread or ambiguous cells. */
  unread: string[];
}

export interface ExportColumn {
  /** Unique: the cell id for cells both editions share, else "<edition>:<id>". */
  key: string;
  header: string;
  /** Position of the cell in numericCellsOf(edition), per edition (absent: blank). */
  index: Partial<Record<Edition, number>>;
}

/**
 * The value columns for the editions present: each edition's numeric cells in printed order; with
 * both editions, their union, the shared cells (三 except （六）, 四) once, in a stable order. Cells
 * core does not call shared (all of 表二, （六）) stay separate columns even when their paths match.
 */
export function exportColumns(editions: readonly Edition[], keys: "zh" | "en"): ExportColumn[] {
  const shared = new Set(sharedCells().map((c) => c.id));
  const keyOf = (e: Edition, c: CellDef) => (shared.has(c.id) ? c.id : `${e}:${c.id}`);
  const lists = editions.map((e) => numericCellsOf(e).map((c, i) => ({ key: keyOf(e, c), edition: e, cell: c, i })));
  type Item = (typeof lists)[number][number];
  const columns = new Map<string, ExportColumn>();
  const addItem = (it: Item) => {
    const col = columns.get(it.key);
    if (col) col.index[it.edition] = it.i;
    else
      columns.set(it.key, {
        key: it.key,
        header: keys === "en" ? it.cell.id : it.cell.zh,
        index: { [it.edition]: it.i },
      });
  };
  // Merge the editions' lists: shared cells are anchors in the same relative order in both, the
  // cells of one edition only come in where they stand in it (older edition first).
  const [a = [], b = []] = lists;
  const inA = new Set(a.map((x) => x.key));
  const inB = new Set(b.map((x) => x.key));
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!inB.has(x.key) || columns.has(x.key))) {
      addItem(x);
      i++;
    } else if (y && (!inA.has(y.key) || columns.has(y.key))) {
      addItem(y);
      j++;
    } else {
      // Both at a shared cell (or one list is done).
      if (x) addItem(x);
      if (y) addItem(y);
      if (x) i++;
      if (y && (!x || y.key === x.key)) j++;
    }
  }
  // The same header for two columns would be ambiguous: name the edition.
  const list = [...columns.values()];
  const count = new Map<string, number>();
  for (const c of list) count.set(c.header, (count.get(c.header) ?? 0) + 1);
  for (const c of list) {
    if ((count.get(c.header) ?? 0) < 2) continue;
    const e = Object.keys(c.index)[0] as Edition;
    c.header = keys === "en" ? `${c.header}@${e}` : `${c.header}（${e}版）`;
  }
  return list;
}

const LEADING = {
  zh: ["文件", TOP_LEVEL_LABELS.agencyName.zh, TOP_LEVEL_LABELS.year.zh, TOP_LEVEL_LABELS.edition.zh],
  en: ["file", "agency", "year", "edition"],
};
const UNREAD_COLUMN = { zh: "未读单元格", en: "unreadCells" };

/** One report's row, or why it is skipped. */
function rowOf(l: Loaded): Row | string {
  if (l.error !== undefined) return l.error;
  const report = l.validation?.report;
  if (!report) {
    const first = l.validation?.issues.find((i) => i.severity === "error");
    const why = first ? `: ${clean(lang() === "zh" ? first.message : first.messageEn)}` : "";
    return `${displayName(l.file)}: ${t("不是结构完整的年度报告", "not a complete report")}${why}`;
  }
  const cells = numericCellsOf(report.edition);
  const values = new Float64Array(cells.length);
  const unread = new Set(l.needsReading.map((c) => c.id));
  cells.forEach((c, k) => {
    // A structurally complete report has a finite number in every numeric cell.
    values[k] = unread.has(c.id) ? Number.NaN : (getAt(report, c.path) as number);
  });
  return {
    file: l.file,
    agency: report.agency.name,
    year: report.year,
    edition: report.edition,
    values,
    unread: [...unread],
  };
}

/** The CSV; `terminal` when it goes to a terminal (its text fields are cleaned). */
function csvOf(rows: readonly Row[], keys: "zh" | "en", terminal: boolean): string {
  const editions = EDITIONS.filter((e) => rows.some((r) => r.edition === e));
  const columns = exportColumns(editions, keys);
  const header = [...LEADING[keys], ...columns.map((c) => csvText(c.header)), UNREAD_COLUMN[keys]];
  const parts: string[] = [UTF8_BOM, csvRow(header)];
  for (const r of rows) {
    const fields = [csvText(r.file, terminal), csvText(r.agency, terminal), csvField(r.year), r.edition];
    for (const c of columns) {
      const k = c.index[r.edition];
      const v = k === undefined ? undefined : (r.values[k] as number);
      fields.push(v === undefined || Number.isNaN(v) ? "" : csvField(v));
    }
    fields.push(csvText(r.unread.join(" ")));
    parts.push(csvRow(fields));
  }
  return parts.join("");
}

export async function runExport(paths: string[], opts: ExportOptions): Promise<number> {
  const inputs = openInputs(paths);
  const { entries } = inputs;
  const rows: Row[] = [];
  const skipped: string[] = [];
  const bar = progress(entries.length, t("导出", "exporting"));
  for await (const l of loadInputs(entries, opts.jobs ? { jobs: opts.jobs } : {})) {
    bar.tick(l.file);
    const row = rowOf(l);
    if (typeof row === "string") skipped.push(row);
    else rows.push(row);
  }
  bar.done();
  for (const s of skipped)
    process.stderr.write(`gov-report: ${red("✗", process.stderr)} ${t("无法导出", "not exported:")} ${clean(s)}\n`);
  writeSkipped(process.stderr, inputs.skipped);
  if (!rows.length)
    throw new CliError(t("没有可导出的报告，未写入任何文件", "no report could be exported; nothing written"));
  const csv = csvOf(rows, opts.keys, !opts.output && Boolean(process.stdout.isTTY));
  if (opts.output) writeOutputFile(opts.output, csv, Boolean(opts.force));
  else process.stdout.write(csv);
  const unread = rows.filter((r) => r.unread.length).length;
  const folders = unreadableFolders(inputs);
  const files = filesCount(entries.length - folders + inputs.skipped.length);
  const where = opts.output ? t(`，已写入 ${clean(opts.output)}`, `, written to ${clean(opts.output)}`) : "";
  process.stderr.write(
    `${t(
      `共 ${files}：导出 ${rows.length} 份报告，${skipped.length - folders} 个无法导出${foldersCount(folders)}${skippedCount(inputs.skipped.length)}${unread ? `；${unread} 份有未能读取或存疑的单元格（已留空并列在“${UNREAD_COLUMN.zh}”列）` : ""}${where}`,
      `${files}: ${count(rows.length, "report")} exported, ${skipped.length - folders} could not be exported${foldersCount(folders)}${skippedCount(inputs.skipped.length)}${unread ? `; ${unread} with unread or ambiguous cells (left empty, listed in ${UNREAD_COLUMN.en})` : ""}${where}`,
    )}\n`,
  );
  return exitOf(inputs, skipped.length, unread > 0);
}

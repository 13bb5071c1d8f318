/**
 * gov-report export --to csv: one row per report, one column per numeric cell of the format
 * (core `numericCellsOf`), headed by the printed labels (or the model paths with --keys en).
 * Of each report only its numbers are kept until the end, when the columns are known.
 */
import {
  type CellDef,
  EDITIONS,
  type Edition,
  getAt,
  numericCellsOf,
  sharedCells,
  TOP_LEVEL_LABELS,
  validateReport,
} from "@gov-report/core/lite";
import { csvField, csvRow, csvText, UTF8_BOM } from "../util/csv.js";
import { CliError, EXIT } from "../util/errors.js";
import { writeOutputFile } from "../util/io.js";
import { loadReport } from "../util/load-report.js";
import { progress } from "../util/progress.js";
import { red } from "../util/style.js";
import { collectInputs } from "../util/walk.js";

export interface ExportOptions {
  to: "csv";
  output?: string;
  force?: boolean;
  keys: "zh" | "en";
}

interface Row {
  file: string;
  agency: string;
  year: number;
  edition: Edition;
  /** In the order of numericCellsOf(edition). */
  values: Float64Array;
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

export async function runExport(paths: string[], opts: ExportOptions): Promise<number> {
  const files = collectInputs(paths);
  if (!files.length) throw new CliError(`${paths.join(", ")}: no report files (.json, .pdf, .docx, .html, .txt) found`);
  const rows: Row[] = [];
  const skipped: string[] = [];
  const bar = progress(files.length, "export");
  for (const file of files) {
    bar.tick(file);
    const loaded = await loadReport(file);
    if (loaded.error !== undefined) {
      skipped.push(loaded.error);
      continue;
    }
    const { report, issues } = validateReport(loaded.value);
    if (!report) {
      const first = issues.find((i) => i.severity === "error");
      skipped.push(`${file}: not a complete report${first ? `: ${first.messageEn}` : ""}`);
      continue;
    }
    const cells = numericCellsOf(report.edition);
    const values = new Float64Array(cells.length);
    cells.forEach((c, k) => {
      // A structurally complete report has a finite number in every numeric cell.
      values[k] = getAt(report, c.path) as number;
    });
    rows.push({ file, agency: report.agency.name, year: report.year, edition: report.edition, values });
  }
  bar.done();

  for (const s of skipped) process.stderr.write(`gov-report: ${red("✗", process.stderr)} skipped ${s}\n`);
  if (!rows.length) throw new CliError("no report could be exported; nothing written");

  const editions = EDITIONS.filter((e) => rows.some((r) => r.edition === e));
  const columns = exportColumns(editions, opts.keys);
  const parts: string[] = [UTF8_BOM, csvRow([...LEADING[opts.keys], ...columns.map((c) => csvText(c.header))])];
  for (const r of rows) {
    const fields = [csvText(r.file), csvText(r.agency), csvField(r.year), r.edition];
    for (const c of columns) {
      const k = c.index[r.edition];
      fields.push(k === undefined ? "" : csvField(r.values[k]));
    }
    parts.push(csvRow(fields));
  }
  const csv = parts.join("");
  if (opts.output) {
    writeOutputFile(opts.output, csv, Boolean(opts.force));
    process.stderr.write(`gov-report: ${rows.length} report(s) written to ${opts.output}\n`);
  } else process.stdout.write(csv);
  return skipped.length ? EXIT.ruleBroken : EXIT.ok;
}

/**
 * The official tables flattened for renderers that cannot merge cells (plain text, Markdown):
 * each table becomes segments (表二's captioned blocks), each with its value columns, its header
 * lines (spanning labels over the columns they cover) and its rows, where labels that span rows
 * (三、本年度办理结果, （三）不予公开 …) become group lines and their rows are indented below them.
 */
import { type Edition, getAt, type Report } from "@gov-report/core/lite";
import { gridOf } from "./grid.js";
import { editionLayout, type FieldMeta, type TableMeta } from "./layout.js";
import { type CellMarks, cellText } from "./marks.js";

export interface FlatHeaderCell {
  text: string;
  /** First and last value column (indices into `columns`) the label covers. */
  from: number;
  to: number;
}

export interface FlatRow {
  label: string;
  /** Nesting level of the label (0 for top-level rows). */
  depth: number;
  /** Group lines have no values. */
  group: boolean;
  /** The field shown in each value column (undefined where the row has no cell there). */
  fields: (FieldMeta | undefined)[];
}

export interface FlatSegment {
  caption?: string;
  /** Labels above the row-label column (表三's 勾稽 note, 表二's 信息内容). */
  cornerLabels: string[];
  columnCount: number;
  /** Header lines, top to bottom; a label spanning header rows sits on the lowest it covers. */
  headerLines: FlatHeaderCell[][];
  rows: FlatRow[];
}

interface Group {
  col: number;
  colspan: number;
}

interface Bounds {
  caption?: string;
  /** Metadata row indices of the segment. */
  rows: number[];
}

/** The table's segments: a new one at each caption row (表二's blocks), else the whole table. */
function segmentBounds(table: TableMeta): Bounds[] {
  const bounds: Bounds[] = [{ rows: [] }];
  table.rows.forEach((row, r) => {
    if (row.kind === "caption") {
      const first = row.cells[0];
      bounds.push({ ...(first?.type === "label" ? { caption: first.zh } : {}), rows: [] });
    } else (bounds[bounds.length - 1] as Bounds).rows.push(r);
  });
  return bounds.filter((b) => b.rows.length);
}

/** Header lines and corner labels of a segment; a label spanning header rows sits on the lowest. */
function segmentHeaders(table: TableMeta, b: Bounds, groupOf: (col: number) => number) {
  const grid = gridOf(table);
  const headerRows = b.rows.filter((r) => table.rows[r]?.kind === "header");
  const headerLines: FlatHeaderCell[][] = headerRows.map(() => []);
  const cornerLabels: string[] = [];
  headerRows.forEach((r, i) => {
    for (const { cell, col } of grid.rows[r] ?? []) {
      if (cell.type !== "label") continue;
      const from = groupOf(col);
      if (from < 0) {
        cornerLabels.push(cell.zh);
        continue;
      }
      const to = Math.max(from, groupOf(col + cell.colspan - 1));
      const line = Math.min(headerRows.length - 1, i + cell.rowspan - 1);
      headerLines[line]?.push({ text: cell.zh, from, to });
    }
  });
  return { headerLines: headerLines.filter((l) => l.length), cornerLabels };
}

/** The data rows of a segment: a group line for each label spanning rows, then the row itself. */
function segmentRows(
  table: TableMeta,
  b: Bounds,
  groups: readonly Group[],
  groupOf: (col: number) => number,
  fields: Record<string, FieldMeta>,
): FlatRow[] {
  const grid = gridOf(table);
  const rows: FlatRow[] = [];
  for (const r of b.rows) {
    if (table.rows[r]?.kind !== "data") continue;
    const placed = grid.rows[r] ?? [];
    const labels = placed.filter((p) => p.cell.type === "label" && groupOf(p.col) < 0);
    const own = labels.filter((p) => p.cell.rowspan === 1);
    for (const p of labels) {
      if (p.cell.type === "label" && p.cell.rowspan > 1) {
        rows.push({ label: p.cell.zh, depth: p.col, group: true, fields: groups.map(() => undefined) });
      }
    }
    const values: (FieldMeta | undefined)[] = groups.map(() => undefined);
    for (const { cell, col } of placed) {
      if (cell.type === "value") values[groupOf(col)] = fields[cell.field];
    }
    const last = own[own.length - 1];
    rows.push({
      label: last?.cell.type === "label" ? last.cell.zh : "",
      depth: last ? last.col : 0,
      group: false,
      fields: values,
    });
  }
  return rows;
}

function flattenTable(table: TableMeta, fields: Record<string, FieldMeta>): FlatSegment[] {
  const grid = gridOf(table);
  return segmentBounds(table).map((b): FlatSegment => {
    // Value columns of the segment: one per grid column where a value cell starts.
    const groups: Group[] = [];
    for (const r of b.rows) {
      for (const { cell, col } of grid.rows[r] ?? []) {
        if (cell.type === "value" && !groups.some((g) => g.col === col)) groups.push({ col, colspan: cell.colspan });
      }
    }
    groups.sort((a, b2) => a.col - b2.col);
    const groupOf = (col: number) => groups.findIndex((g) => col >= g.col && col < g.col + g.colspan);
    return {
      ...(b.caption === undefined ? {} : { caption: b.caption }),
      ...segmentHeaders(table, b, groupOf),
      columnCount: groups.length,
      rows: segmentRows(table, b, groups, groupOf, fields),
    };
  });
}

export interface FlatSection {
  key: string;
  heading: string;
  textKey?: string;
  segments?: FlatSegment[];
}

const cache = new Map<Edition, FlatSection[]>();

/** The sections of an edition with their tables flattened (computed once per edition). */
export function flatSections(edition: Edition): FlatSection[] {
  const hit = cache.get(edition);
  if (hit) return hit;
  const layout = editionLayout(edition);
  const out = layout.sections.map(
    (s): FlatSection =>
      s.kind === "table" && s.table
        ? { key: s.key, heading: s.heading, segments: flattenTable(s.table, layout.fields) }
        : { key: s.key, heading: s.heading, textKey: s.field ?? s.key },
  );
  cache.set(edition, out);
  return out;
}

/** The printed text of a field in a report: its value, or its mark when the value is not known. */
export function valueText(report: Report, field: FieldMeta, marks: CellMarks): string {
  return cellText(field, getAt(report, field.path), marks);
}

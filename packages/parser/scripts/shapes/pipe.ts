/**
 * Shape (a): text tables with `|` separators, as converters and research re-renderings of HTML
 * write them. A blank cell is an empty space between two separators (`| 412 | 17 |  |  | 3 | 1 | 433`)
 * and keeps its column. Two ways of flattening the official grid: merged label cells printed only
 * in the first row they span (an HTML table's rowspan), or heading rows with empty cells and one
 * label column (as text renderers indent).
 */
import type { Report } from "@gov-report/core";
import { documentLines, type Framing } from "./document.js";
import { type GridCell, type GridRow, type GridTable, ownLabel } from "./grid.js";
import { chance, type Rand } from "./random.js";

export interface PipeOptions {
  /** Chance that a cell holding 0 is printed blank. */
  blankZeros: number;
  /** Whether rows end with a separator. */
  trailing: boolean;
  /** Merged label cells only in their first row (true), or heading rows with one label column. */
  spans: boolean;
  /** Rewrites a printed label (variants, abbreviations); identity by default. */
  label?: (text: string) => string;
  /** A Markdown rule (`| --- |`) under the header rows. */
  rule?: boolean;
  /** Rewrites a printed figure (notes in cells); the printed figure by default. */
  figure?: (cell: GridCell, printed: string) => string;
}

export const pipeRow = (cells: readonly string[], trailing: boolean): string =>
  `| ${cells.join(" | ")}${trailing ? " |" : ""}`;

/** Header rows of a table with multi-level column labels: each label printed over its first column. */
export function headerRows(table: GridTable, label: (t: string) => string): string[][] {
  const depth = Math.max(...table.columns.map((c) => c.length));
  const rows: string[][] = [];
  for (let level = 0; level < depth; level++) {
    const row = table.corner === undefined ? [] : [level === 0 ? label(table.corner) : ""];
    for (const [i, c] of table.columns.entries()) {
      const prev = table.columns[i - 1];
      const same = prev && prev.slice(0, level + 1).join("/") === c.slice(0, level + 1).join("/");
      row.push(same || c[level] === undefined ? "" : label(c[level] as string));
    }
    rows.push(row);
  }
  return rows;
}

function figures(row: GridRow, rand: Rand, o: PipeOptions): string[] {
  return row.cells.map((c) => {
    if (c.value === 0 && chance(rand, o.blankZeros)) return "";
    return o.figure ? o.figure(c, c.text) : c.text;
  });
}

/** Label cells of each row: with spans, the labels that start at this row and its own. */
function labelCells(rows: readonly GridRow[], o: PipeOptions): string[][] {
  const label = o.label ?? ((t: string) => t);
  const seen = new Set<string>();
  return rows.map((r) => {
    if (!o.spans) return [label(`${"　".repeat(Math.max(0, r.labels.length - 1))}${ownLabel(r)}`)];
    const fresh = r.labels.filter((l) => !seen.has(l));
    for (const l of r.labels) seen.add(l);
    return fresh.map(label);
  });
}

export function pipeTable(table: GridTable, rand: Rand, o: PipeOptions): string[] {
  const label = o.label ?? ((t: string) => t);
  const lines: string[] = table.caption ? [label(table.caption)] : [];
  const header = headerRows(table, label);
  for (const h of header) lines.push(pipeRow(h, o.trailing));
  if (o.rule)
    lines.push(
      pipeRow(
        (header[0] ?? []).map(() => "---"),
        o.trailing,
      ),
    );
  const rows = o.spans ? table.rows.filter((r) => r.cells.length > 0) : table.rows;
  const labels = labelCells(rows, o);
  for (const [i, r] of rows.entries()) {
    const cells = r.cells.length ? figures(r, rand, o) : table.columns.map(() => "");
    lines.push(pipeRow([...(labels[i] as string[]), ...cells], o.trailing));
  }
  return lines;
}

/** The whole report as text with `|` tables. */
export function pipeDocument(report: Report, frame: Framing, rand: Rand, o: PipeOptions): string {
  const lines = documentLines(report, frame, {
    heading: (t) => (o.label ? o.label(t) : t),
    tables: (tables) => tables.flatMap((t) => [...pipeTable(t, rand, o), ""]),
  });
  return `${lines.join("\n")}\n`;
}

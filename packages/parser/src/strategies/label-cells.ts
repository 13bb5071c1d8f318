/**
 * Strategy "label cells": a table printed one cell per row — each row holds the cell's two labels
 * (行政复议 · 结果维持, or only 结果维持 under a row label spanning several rows) and its one
 * figure — or such a table extracted column by column (every row's labels, then every figure, as
 * PDF text extraction emits a table's columns in order). Each figure is placed by its own row's
 * labels, never by its order among the others or by splitting digits: the figures are separate
 * cells. Generic over the table: the caller gives the labels of its rows and columns. Also a table
 * whose row labels were printed apart from its figures, one a line (`readLabelGrid`: table 二's
 * blocks extracted column by column).
 */
import type { SourceDoc, Token } from "../doc.js";
import { labelKey } from "../normalize.js";
import { headingOf } from "../sections.js";
import { isValue } from "../tables/common.js";

/** The labels of a table's cells: cell (r, c) is index r × cols.length + c. */
export interface LabelAxes {
  /** Printed forms (official and variants, as labelKey) of each row group (行政复议 …). */
  rows: readonly (readonly string[])[];
  /** Printed forms of each column (结果维持 …). */
  cols: readonly (readonly string[])[];
  /** Words a label row may also print that name no cell (a parent header: 行政诉讼). */
  extra: readonly string[];
}

/** The cells read by their labels: one token per cell (undefined: named with no figure, blank). */
export interface LabelCells {
  tokens: (Token | undefined)[];
  /** First and last line of the table. */
  start: number;
  end: number;
  /** "rows": each row its labels and figure; "columns": the labels, then the figures. */
  layout: "rows" | "columns";
}

/** Lines looked at after the start: 15 cells × 3 lines (two labels and a figure) and some slack. */
const MAX_LINES = 64;

/** What a line names: a row and/or a column (each an index), or only extra words. */
interface Named {
  line: number;
  row?: number;
  col?: number;
  figures: Token[];
}

/**
 * The table read by its labels from line `from` on, or undefined when its lines are not label
 * rows naming every cell exactly once (a table printed across, with a header, is not).
 */
export function readLabelCells(doc: SourceDoc, from: number, axes: LabelAxes): LabelCells | undefined {
  const block = labelBlock(doc, from, axes);
  if (!block.length) return undefined;
  const size = axes.rows.length * axes.cols.length;
  const last = (block[block.length - 1] as Named).line;
  const firstFigure = block.findIndex((n) => n.figures.length > 0);
  const labelsFirst = firstFigure > 0 && block.slice(firstFigure).every((n) => isFigureOnly(n));
  const tokens = labelsFirst ? byColumns(block, firstFigure, axes) : byRows(block, axes);
  if (!tokens || tokens.length !== size) return undefined;
  return { tokens, start: (block[0] as Named).line, end: last, layout: labelsFirst ? "columns" : "rows" };
}

const isFigureOnly = (n: Named) => n.row === undefined && n.col === undefined && n.figures.length === 1;

/** A line's figures, and its words as a label key. */
function lineParts(tokens: readonly Token[]): { figures: Token[]; words: string } {
  const figures = tokens.filter(isValue);
  const words = labelKey(
    tokens
      .filter((t) => !isValue(t))
      .map((t) => t.text)
      .join(""),
  );
  return { figures, words };
}

/** The contiguous lines of labels and single figures from the first line naming a row or column. */
function labelBlock(doc: SourceDoc, from: number, axes: LabelAxes): Named[] {
  const out: Named[] = [];
  const to = Math.min(doc.lines.length, from + MAX_LINES);
  for (let i = Math.max(0, from); i < to; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    if (i > from && headingOf(l.key)) break;
    const { figures, words } = lineParts(l.tokens);
    const named = figures.length <= 1 ? nameOf(words, axes) : undefined;
    if (named) {
      // Before the block, a figure alone or a parent header names no cell; in it, a figure alone is a column's.
      const names = named.row !== undefined || named.col !== undefined;
      if (names || (figures.length && out.length)) out.push({ line: i, ...named, figures });
      continue;
    }
    if (out.length) break;
  }
  return out;
}

/** The row and column a line's words name (each at most one), or undefined when other words remain. */
function nameOf(words: string, axes: LabelAxes): { row?: number; col?: number } | undefined {
  const row = pick(words, axes.rows);
  if (row === null) return undefined;
  const afterRow = row ? row.rest : words;
  const col = pick(afterRow, axes.cols);
  if (col === null) return undefined;
  let rest = col ? col.rest : afterRow;
  for (const w of axes.extra) rest = rest.replace(w, "");
  if (rest) return undefined;
  return { ...(row ? { row: row.index } : {}), ...(col ? { col: col.index } : {}) };
}

/** The one label of `labels` printed in `words` (longest form first), null when several are. */
function pick(
  words: string,
  labels: readonly (readonly string[])[],
): { index: number; rest: string } | null | undefined {
  let found: { index: number; rest: string } | undefined;
  for (let index = 0; index < labels.length; index++) {
    const forms = [...(labels[index] as readonly string[])].sort((a, b) => b.length - a.length);
    const form = forms.find((f) => f && words.includes(f));
    if (form === undefined) continue;
    if (found) return null;
    found = { index, rest: words.replace(form, "") };
  }
  return found;
}

/**
 * Each row its labels and at most one figure: the row label holds until the next one (a cell
 * spanning rows); a row naming its cell with no figure is a blank cell. Every cell named once.
 */
function byRows(block: readonly Named[], axes: LabelAxes): (Token | undefined)[] | undefined {
  const size = axes.rows.length * axes.cols.length;
  const tokens = new Array<Token | undefined>(size).fill(undefined);
  const named = new Set<number>();
  let row: number | undefined;
  for (const n of block) {
    if (n.row !== undefined) row = n.row;
    if (n.col === undefined) {
      if (n.figures.length) return undefined;
      continue;
    }
    if (row === undefined) return undefined;
    const cell = row * axes.cols.length + n.col;
    if (named.has(cell)) return undefined;
    named.add(cell);
    tokens[cell] = n.figures[0];
  }
  return named.size === size ? tokens : undefined;
}

/**
 * Labels first, then the figures (a table extracted column by column): the k-th cell named gets
 * the k-th figure. Row labels are either one per cell or one per row group (a cell spanning the
 * group's rows: the group changes where a column label comes again).
 */
function byColumns(block: readonly Named[], firstFigure: number, axes: LabelAxes): (Token | undefined)[] | undefined {
  const labels = block.slice(0, firstFigure);
  const figures = block.slice(firstFigure).map((n) => n.figures[0] as Token);
  const rows = labels.flatMap((n) => (n.row !== undefined ? [n.row] : []));
  const cols = labels.flatMap((n) => (n.col !== undefined ? [n.col] : []));
  if (cols.length !== figures.length) return undefined;
  const rowOfCol = rows.length === cols.length ? rows : spanRows(rows, cols);
  if (!rowOfCol) return undefined;
  const tokens = new Array<Token | undefined>(axes.rows.length * axes.cols.length).fill(undefined);
  const named = new Set<number>();
  for (let k = 0; k < cols.length; k++) {
    const cell = (rowOfCol[k] as number) * axes.cols.length + (cols[k] as number);
    if (named.has(cell)) return undefined;
    named.add(cell);
    tokens[cell] = figures[k];
  }
  return named.size === tokens.length ? tokens : undefined;
}

/** The row of each column label when each row label spans a group: a new group starts where a column repeats. */
function spanRows(rows: readonly number[], cols: readonly number[]): number[] | undefined {
  if (!rows.length) return undefined;
  const out: number[] = [];
  let g = 0;
  let seen = new Set<number>();
  for (const c of cols) {
    if (seen.has(c)) {
      g++;
      seen = new Set();
    }
    if (g >= rows.length) return undefined;
    seen.add(c);
    out.push(rows[g] as number);
  }
  return g === rows.length - 1 ? out : undefined;
}

/**
 * A table whose row labels were printed apart from its figures, one figure a line, as PDF text
 * extraction emits a table column by column: the row labels (the table's first column), then
 * each column's label and its figures top to bottom, or the column labels and then the figures.
 * `readings` holds one token per cell (cell (r, c) at r × cols.length + c): one reading when the
 * layout decides the order ("columns": every column label printed before its own figures; or one
 * row, or one column); two when nothing tells column by column from row by row ("undecided": the
 * column-major reading first); none when the figures do not fill the cells ("unmatched").
 */
export interface LabelGrid {
  readings: Token[][];
  /** Every figure of the table, in printed order. */
  figures: Token[];
  start: number;
  end: number;
  layout: "columns" | "undecided" | "unmatched";
}

/** One line of a table printed with its labels apart: a row label, a column label, or a figure. */
type GridItem = { line: number } & ({ row: number } | { col: number } | { figure: Token });

/**
 * The table read by its labels printed apart from its figures, from line `from` on; undefined
 * when its lines are not that layout (a label beside a figure, several figures on a line, a row
 * label after a figure, a row not named, or only one row printed across: read by the rows).
 */
export function readLabelGrid(doc: SourceDoc, from: number, axes: LabelAxes): LabelGrid | undefined {
  const items = gridItems(doc, from, axes);
  if (!items?.length) return undefined;
  const R = axes.rows.length;
  const C = axes.cols.length;
  const rowAt = items.findIndex((n) => "row" in n);
  const rows = items.flatMap((n) => ("row" in n ? [n.row] : []));
  // The row labels printed together, each once, before every figure.
  const lastRow = rowAt + rows.length - 1;
  if (rowAt < 0 || rows.length !== R || new Set(rows).size !== R) return undefined;
  if (!items.slice(rowAt, lastRow + 1).every((n) => "row" in n)) return undefined;
  if (items.slice(0, rowAt).some((n) => "figure" in n)) return undefined;
  const before = items.slice(0, rowAt).flatMap((n) => ("col" in n ? [n.col] : []));
  const tail = items.slice(lastRow + 1);
  const figures = tail.flatMap((n) => ("figure" in n ? [n.figure] : []));
  const firstFigure = tail.findIndex((n) => "figure" in n);
  const interleaved = firstFigure >= 0 && tail.slice(firstFigure).some((n) => "col" in n);
  const span = { figures, start: (items[0] as GridItem).line, end: (items[items.length - 1] as GridItem).line };
  const tailCols = tail.flatMap((n) => ("col" in n ? [n.col] : []));
  // Only one row printed across, no column label after it: the rows' own reading (the scan).
  if (R < 2 && !interleaved) return undefined;
  // Nothing but the labels, or one row's figures at most after them with no column label: a row
  // printed with its figures and the rows above it blank, as the scan reads it.
  if (!figures.length || (!tailCols.length && figures.length <= C)) return undefined;
  const unmatched = { readings: [], ...span, layout: "unmatched" as const };
  const cell = (r: number, c: number) => r * C + c;
  if (interleaved) {
    // Each column's label, then its R figures.
    const out = before.length ? undefined : byColumnLabels(tail, rows, C);
    return out ? { readings: [out], ...span, layout: "columns" } : unmatched;
  }
  const cols = [...before, ...tailCols];
  if (cols.length && (cols.length !== C || new Set(cols).size !== C)) return unmatched;
  if (figures.length !== R * C) return unmatched;
  const order = cols.length ? cols : axes.cols.map((_, c) => c);
  const byColumn: Token[] = new Array(R * C);
  const byRow: Token[] = new Array(R * C);
  for (let c = 0; c < C; c++)
    for (let r = 0; r < R; r++) {
      byColumn[cell(rows[r] as number, order[c] as number)] = figures[c * R + r] as Token;
      byRow[cell(rows[r] as number, order[c] as number)] = figures[r * C + c] as Token;
    }
  if (C === 1) return { readings: [byColumn], ...span, layout: "columns" };
  return { readings: [byColumn, byRow], ...span, layout: "undecided" };
}

/** Each column's label, then its figures in the rows' printed order: the cells, or undefined. */
function byColumnLabels(tail: readonly GridItem[], rows: readonly number[], C: number): Token[] | undefined {
  const R = rows.length;
  const out: Token[] = new Array(R * C);
  const seen = new Set<number>();
  let col: number | undefined;
  let k = 0;
  for (const n of tail) {
    if ("col" in n) {
      if (seen.has(n.col) || (col !== undefined && k !== R)) return undefined;
      seen.add(n.col);
      col = n.col;
      k = 0;
    } else if ("figure" in n) {
      if (col === undefined || k >= R) return undefined;
      out[(rows[k] as number) * C + col] = n.figure;
      k++;
    }
  }
  return seen.size === C && k === R ? out : undefined;
}

/** The lines from `from` on that name only a row or only a column, or hold one figure and no words. */
function gridItems(doc: SourceDoc, from: number, axes: LabelAxes): GridItem[] | undefined {
  const out: GridItem[] = [];
  const to = Math.min(doc.lines.length, from + MAX_LINES);
  for (let i = Math.max(0, from); i < to; i++) {
    const l = doc.lines[i];
    if (!l?.tokens.length) continue;
    if (i > from && headingOf(l.key)) break;
    const { figures, words } = lineParts(l.tokens);
    const sawFigure = out.some((n) => "figure" in n);
    if (figures.length === 1 && !words) {
      out.push({ line: i, figure: figures[0] as Token });
      continue;
    }
    const named = figures.length ? undefined : nameOf(words, axes);
    // A line of other words, or words beside figures: the table is over, or not this layout.
    if (!named) {
      if (sawFigure) break;
      return undefined;
    }
    if (named.row !== undefined && named.col !== undefined) return undefined;
    if (named.row !== undefined) {
      // A row label after a figure: rows printed each with its figures (the scan's).
      if (sawFigure) return undefined;
      out.push({ line: i, row: named.row });
    } else if (named.col !== undefined) out.push({ line: i, col: named.col });
  }
  return out;
}

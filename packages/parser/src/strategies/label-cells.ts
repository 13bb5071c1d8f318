/**
 * Strategy "label cells": a table printed one cell per row — each row holds the cell's two labels
 * (行政复议 · 结果维持, or only 结果维持 under a row label spanning several rows) and its one
 * figure — or such a table extracted column by column (every row's labels, then every figure, as
 * PDF text extraction emits a table's columns in order). Each figure is placed by its own row's
 * labels, never by its order among the others or by splitting digits: the figures are separate
 * cells. Generic over the table: the caller gives the labels of its rows and columns.
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

/** The contiguous lines of labels and single figures from the first line naming a row or column. */
function labelBlock(doc: SourceDoc, from: number, axes: LabelAxes): Named[] {
  const out: Named[] = [];
  const to = Math.min(doc.lines.length, from + MAX_LINES);
  for (let i = Math.max(0, from); i < to; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    if (i > from && headingOf(l.key)) break;
    const figures = l.tokens.filter(isValue);
    const words = labelKey(
      l.tokens
        .filter((t) => !isValue(t))
        .map((t) => t.text)
        .join(""),
    );
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

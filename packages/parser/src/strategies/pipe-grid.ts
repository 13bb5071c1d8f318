/**
 * Strategy "pipe grid": text tables with `|` separators (converters, research re-renderings of
 * HTML, Markdown written by OCR or AI converters), and a sheet's rows (tabs or commas, see
 * `sheet-rows`). Every cell between two separators keeps its column, so a blank cell is a blank
 * cell (`| 412 | 17 |  |  | 3 | 1 | 433`, or two tabs with nothing between them), exactly as in an
 * HTML grid: the figures of such a line get their cell's index as position, and the document is
 * read like a page with positions. Markdown separator rows (`| --- | --- |`) carry nothing;
 * Markdown emphasis around a cell's text (`| **3001** |`) is not part of it.
 */
import { type Line, makeLine, type SourceDoc, type Token } from "../doc.js";
import { CELL_LINE, cellText } from "../sources/page.js";
import { tokenize } from "../tokens.js";
import { withoutEmphasis } from "./markdown-marks.js";
import { isSheetText, sheetRows } from "./sheet-rows.js";

/** The number of cells of the grid row each figure was printed in. */
const ROW_CELLS = new WeakMap<Token, number>();

/**
 * Columns of a grid row of `cols` value cells after one label cell (`|  | 0 |  | 434 |`): each
 * figure's position is its column. Undefined unless every figure's row has exactly that shape.
 */
export function ownRowColumns(tokens: readonly Token[], cols: number): number[] | undefined {
  if (!tokens.length || !tokens.every((t) => ROW_CELLS.get(t) === cols + 1)) return undefined;
  return Array.from({ length: cols }, (_, i) => i + 1);
}

/** Lines with separators a document needs before it is read as having pipe tables. */
const MIN_PIPE_ROWS = 3;

/** The cells of a `|`-separated line, or undefined when the line is not a table row. */
export function pipeCells(text: string): string[] | undefined {
  const t = text.trim();
  let bars = 0;
  for (const ch of t) if (ch === "|") bars++;
  if (bars < 2 && !(bars === 1 && t.startsWith("|"))) return undefined;
  let body = t.startsWith("|") ? t.slice(1) : t;
  if (body.endsWith("|")) body = body.slice(0, -1);
  return body.split("|").map((c) => withoutEmphasis(c.includes("<") ? cellText(c.replace(BR, CELL_LINE)) : c.trim()));
}

/** A line break a converter writes inside a cell (`29<br>8`, `行政机关不再处理其<br/>政府…`). */
const BR = /<br\s*\/?>/gi;

const isRule = (cell: string) => /^:?-{2,}:?$/.test(cell);

/** `| --- | :---: |`: the line under a Markdown header. */
export function isSeparatorRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => !c || isRule(c)) && cells.some(isRule);
}

/**
 * The tokens of a row, each cell's at its index. A row label broken over its first cells
 * ("（ | 3.其他 | …") counts as one label cell, so the figures keep their columns; with
 * `ownColumns` (a spreadsheet's cells, where each label cell is a column of the sheet) every cell
 * keeps its own index.
 */
export function gridTokens(cells: readonly string[], line: number, ownColumns = false): Token[] {
  const pieces = cells.map((c) => (c ? tokenize(c, line) : []));
  let label = 0;
  while (
    label < pieces.length &&
    (pieces[label] as Token[]).length &&
    (pieces[label] as Token[]).every((t) => t.kind === "text")
  )
    label++;
  const allText = pieces.every((p) => p.every((t) => t.kind === "text"));
  const merged = !allText && !ownColumns;
  const shift = merged ? Math.max(label, 1) - 1 : 0;
  const out: Token[] = [];
  cells.forEach((c, i) => {
    if (!c) return;
    const pos = i < label && merged ? 0 : i - shift;
    tokenize(c, line, { x0: pos, x1: pos, cell: true }, out);
  });
  for (const t of out) if (t.kind !== "text") ROW_CELLS.set(t, cells.length);
  return out;
}

/**
 * The document with its pipe-table rows as grid rows and, when its tables are a sheet's (tabs,
 * CSV), the sheet's rows too; unchanged when it has neither.
 */
export function pipeGrid(doc: SourceDoc): SourceDoc {
  if (doc.kind !== "text") return doc;
  // Text laid out in columns (pdftotext -layout) is read by its character columns, never as a sheet.
  const sheet = doc.laidOut ? undefined : sheetRows(doc.lines);
  let pipeRows = 0;
  let sheetLines = 0;
  const lines = doc.lines.map((l, i): Line => {
    const pipe = pipeCells(l.text);
    const cells = pipe ?? sheet?.[i];
    if (!cells || (!pipe && isSheetText(cells, l.key))) return l;
    if (pipe) pipeRows++;
    else sheetLines++;
    const tokens = isSeparatorRow(cells) ? [] : gridTokens(cells, i, !pipe);
    return makeLine({ ...l, tokens, tableRow: true });
  });
  return pipeRows >= MIN_PIPE_ROWS || sheetLines > 0 ? { ...doc, lines, positional: true } : doc;
}

/**
 * The cells of a metadata table on its printed grid. Positions (row, col, spans) are core's: the
 * form metadata places every header and value cell once, and the text, Markdown and Word renderers
 * and the column widths read them from here instead of laying the table out again.
 */
import { displayWidth, type TableCellMeta, type TableMeta } from "@gov-report/core/lite";

export interface PlacedCell {
  cell: TableCellMeta;
  /** Index of the metadata row the cell starts in (its grid row). */
  row: number;
  /** First grid column the cell covers. */
  col: number;
}

export interface TableGrid {
  table: TableMeta;
  /** Cells per metadata row, with their start column. */
  rows: PlacedCell[][];
  /** True for columns in which some data row starts a value cell. */
  valueColumns: boolean[];
}

const gridCache = new WeakMap<TableMeta, TableGrid>();

export function gridOf(table: TableMeta): TableGrid {
  const cached = gridCache.get(table);
  if (cached) return cached;
  const valueColumns = new Array<boolean>(table.columnCount).fill(false);
  const rows = table.rows.map((row) =>
    row.cells.map((cell): PlacedCell => {
      if (cell.type === "value") for (let dc = 0; dc < cell.colspan; dc++) valueColumns[cell.col + dc] = true;
      return { cell, row: cell.row, col: cell.col };
    }),
  );
  const grid = { table, rows, valueColumns };
  gridCache.set(table, grid);
  return grid;
}

/**
 * Relative widths of the grid columns for print: a label column is as wide as its longest
 * single-column label (within bounds, so that a vertical L1 label stays narrow and long items
 * wrap), a value column as wide as a short number with its header broken over lines.
 */
export function columnWeights(grid: TableGrid): number[] {
  const weights = grid.valueColumns.map((isValue): number => (isValue ? 5.5 : 3));
  for (const row of grid.rows) {
    for (const { cell, col } of row) {
      if (cell.type !== "label" || cell.colspan !== 1 || grid.valueColumns[col]) continue;
      if (cell.role !== "row" && cell.role !== "header") continue;
      // A label spanning many rows is printed vertically in the official form: keep it narrow.
      const chars = cell.rowspan > 4 ? 2 : Math.min(16, Math.ceil(displayWidth(cell.zh) / 2));
      weights[col] = Math.max(weights[col] as number, chars);
    }
  }
  return weights;
}

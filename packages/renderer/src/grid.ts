/**
 * Places the cells of a metadata table on its grid (rowspan/colspan expanded), as a browser lays
 * out an HTML table. The text, Markdown and Word renderers and the column widths read positions
 * from here.
 */
import { displayWidth, type TableCellMeta, type TableMeta } from "@gov-report/core/lite";

export interface PlacedCell {
  cell: TableCellMeta;
  /** Index of the metadata row the cell starts in. */
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
  const taken = new Set<string>();
  const rows: PlacedCell[][] = [];
  const valueColumns = new Array<boolean>(table.columnCount).fill(false);
  table.rows.forEach((row, r) => {
    const placed: PlacedCell[] = [];
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr},${c + dc}`);
      }
      placed.push({ cell, row: r, col: c });
      if (cell.type === "value") for (let dc = 0; dc < cell.colspan; dc++) valueColumns[c + dc] = true;
      c += cell.colspan;
    }
    rows.push(placed);
  });
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

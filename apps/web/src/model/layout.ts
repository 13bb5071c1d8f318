/**
 * Where each value cell sits in its printed table (row and column, after rowspans and colspans),
 * and from that the cell above, below, before and after it: spreadsheet-like moves.
 */
import type { EditionFormMeta, TableMeta } from "@gov-report/core/lite";

export interface GridPosition {
  field: string;
  row: number;
  col: number;
  colspan: number;
}

/** Positions of the value cells of a table, in document order (the HTML table model). */
export function tableGrid(table: TableMeta): GridPosition[] {
  const taken = new Set<string>();
  const out: GridPosition[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r}:${c}`)) c++;
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr}:${c + dc}`);
      if (cell.type === "value") out.push({ field: cell.field, row: r, col: c, colspan: cell.colspan });
      c += cell.colspan;
    }
  });
  return out;
}

export interface Neighbours {
  up?: string;
  down?: string;
  left?: string;
  right?: string;
  /** Position in its table, for pasting a grid. */
  pos: GridPosition;
  table: string;
}

const covers = (p: GridPosition, col: number) => col >= p.col && col < p.col + p.colspan;

function vertical(grid: GridPosition[], from: GridPosition, step: 1 | -1): GridPosition | undefined {
  const rows = [...new Set(grid.map((p) => p.row))].sort((a, b) => a - b);
  let i = rows.indexOf(from.row) + step;
  for (; i >= 0 && i < rows.length; i += step) {
    const inRow = grid.filter((p) => p.row === rows[i]);
    const hit = inRow.find((p) => covers(p, from.col)) ?? inRow.find((p) => covers(from, p.col));
    if (hit) return hit;
  }
  return undefined;
}

/** For every numeric field of an edition: the fields to move to with the arrow keys and Enter. */
export function neighbours(meta: EditionFormMeta): Map<string, Neighbours> {
  const out = new Map<string, Neighbours>();
  const order: string[] = [];
  const grids = meta.sections.flatMap((s) => (s.table ? [{ id: s.table.id, grid: tableGrid(s.table) }] : []));
  for (const { grid } of grids) order.push(...grid.map((p) => p.field));
  for (const { id, grid } of grids) {
    for (const p of grid) {
      const i = order.indexOf(p.field);
      const n: Neighbours = { pos: p, table: id };
      const left = order[i - 1];
      const right = order[i + 1];
      if (left) n.left = left;
      if (right) n.right = right;
      // Past a table's top or bottom row the move continues into the previous or next table.
      const first = order.indexOf(grid[0]?.field ?? "");
      const last = order.indexOf(grid[grid.length - 1]?.field ?? "");
      const up = vertical(grid, p, -1)?.field ?? order[first - 1];
      const down = vertical(grid, p, 1)?.field ?? order[last + 1];
      if (up && up !== p.field) n.up = up;
      if (down) n.down = down;
      out.set(p.field, n);
    }
  }
  return out;
}

/** The field `rows` rows below and `cols` cells to the right of a start field, for pasting. */
export function offsetField(
  nav: Map<string, Neighbours>,
  start: string,
  rows: number,
  cols: number,
): string | undefined {
  let cur: string | undefined = start;
  for (let r = 0; r < rows && cur; r++) {
    const down: string | undefined = nav.get(cur)?.down;
    if (!down || nav.get(down)?.table !== nav.get(start)?.table) return undefined;
    cur = down;
  }
  const row = cur ? nav.get(cur)?.pos.row : undefined;
  for (let c = 0; c < cols && cur; c++) {
    const right: string | undefined = nav.get(cur)?.right;
    // A pasted row stays in its table row.
    if (!right || nav.get(right)?.pos.row !== row || nav.get(right)?.table !== nav.get(start)?.table) return undefined;
    cur = right;
  }
  return cur;
}

/**
 * Strategy "grid columns": in a grid source (HTML, Word, `|` text) every header cell is a column,
 * whatever it says — a converter's generic `| 类别 | 数据1 | … |` too — so a header row with one cell
 * per column gives the columns' positions when its words name none of them.
 */
import type { Token } from "../doc.js";

/**
 * Column positions of a grid header with one cell per column (a converter's `| 类别 | 数据1 | … |`,
 * HTML or `|` text): the positions of the last `width` cells of the last such header row (a corner cell before them allowed).
 * With `corner`, only a header with its corner cell counts: a header of `width` cells and no
 * corner may sit one cell off the rows below it (their label cell), which only totals can tell.
 */
export function gridCentres(tokens: readonly Token[], width: number, corner = false): number[] | undefined {
  const byLine = new Map<number, number[]>();
  for (const t of tokens) if (t.pos !== undefined) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t.pos]);
  const rows = [...byLine.values()].filter((xs) => xs.length === width + 1 || (!corner && xs.length === width));
  const xs = rows[rows.length - 1]?.slice(-width);
  if (!xs) return undefined;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) <= (xs[i - 1] as number)) return undefined;
  return xs;
}

/** Shared helpers of the table readers: values from tokens, column mapping by position. */
import type { Path } from "@gov-report/core/lite";
import { cellName } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import { refOf, type Token } from "../doc.js";
import { noteOf } from "../strategies/cell-notes.js";

/** `by` of a figure joined from pieces wrapped in its cell (the totals then hold; see cell.wrapped). */
export const WRAPPED = "cell.wrapped";

export const isValue = (t: Token) => t.kind === "num" || t.kind === "dash";

/**
 * Places tokens into `centres.length` columns by nearest centre. Returns undefined when two
 * tokens claim the same column (positions are not trustworthy then).
 */
export function placeByPosition(
  tokens: readonly Token[],
  centres: readonly number[],
): (Token | undefined)[] | undefined {
  const out: (Token | undefined)[] = new Array(centres.length).fill(undefined);
  for (const t of tokens) {
    if (t.pos === undefined) return undefined;
    const best = nearestColumn(t.pos, centres);
    if (best < 0 || out[best]) return undefined;
    out[best] = t;
  }
  return out;
}

/** Index of the centre nearest to `pos` (-1 when there are none). */
export function nearestColumn(pos: number, centres: readonly number[]): number {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  centres.forEach((c, i) => {
    const d = Math.abs(c - pos);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** Median of per-index positions over rows that have every column. */
export function centresFromRows(rows: readonly (readonly Token[])[], width: number): number[] | undefined {
  const full = rows.filter((r) => r.length === width && r.every((t) => t.pos !== undefined));
  if (!full.length) return undefined;
  const out: number[] = [];
  for (let i = 0; i < width; i++) {
    const xs = full.map((r) => (r[i] as Token).pos as number).sort((a, b) => a - b);
    out.push(xs[xs.length >> 1] as number);
  }
  for (let i = 1; i < out.length; i++) if ((out[i] as number) <= (out[i - 1] as number)) return undefined;
  return out;
}

/**
 * Tokens built by joining the pieces of a figure wrapped in its cell: their value is decided by
 * the totals that made the join, not printed as one figure.
 */
const JOINED = new WeakSet<Token>();

/**
 * Records the cell at `path` from the token read for it: a figure (printed, or inferred when it
 * was joined from wrapped pieces), a blank cell, a dash (blank), or an illegible figure (unread).
 */
export function recordToken(ctx: ReadContext, path: Path, t: Token | undefined): void {
  // The cell's printed name is looked up only for a diagnostic (most figures need none).
  if (!t) {
    ctx.cells.blank(path);
    ctx.diags.emit("cell.blank", { cell: cellName(ctx.edition, path) }, { path });
    return;
  }
  if (t.kind === "dash") {
    const source = refOf(ctx.doc, t.line, t.text);
    const cell = cellName(ctx.edition, path);
    if (t.illegible) ctx.cells.unread(path);
    else ctx.cells.blank(path);
    ctx.diags.emit(t.illegible ? "cell.illegible" : "cell.dash", { cell, text: t.text }, { path, source });
    return;
  }
  const note = noteOf(t);
  if (JOINED.has(t)) ctx.cells.inferred(path, t.value as number, WRAPPED);
  else ctx.cells.printed(path, t.value as number, note);
  if (note)
    ctx.diags.emit(
      "cell.note",
      { cell: cellName(ctx.edition, path), note },
      { path, source: refOf(ctx.doc, t.line, t.text) },
    );
}

/**
 * Records cells from the readings that remain: one reading → every cell inferred `by`; several →
 * a cell on which all agree is inferred too, the others are ambiguous with their candidates.
 */
export function recordReadings(
  ctx: ReadContext,
  paths: readonly Path[],
  readings: readonly (readonly number[])[],
  by: string,
): void {
  paths.forEach((path, i) => {
    const values = [...new Set(readings.map((r) => r[i] as number))];
    if (values.length === 1) ctx.cells.inferred(path, values[0] as number, by);
    else ctx.cells.ambiguous(path, values);
  });
}

/** Placements enumerated at most (C(15, 7) = 6,435 for a short 表四 row). */
const MAX_PLACEMENTS = 10_000;

/**
 * `count` figures in order in `width` cells, positions unknown: every placement that keeps their
 * order (empty cells 0) and passes `fits`. Bounded by MAX_PLACEMENTS.
 */
export function orderedPlacements(
  values: readonly number[],
  width: number,
  fits: (row: readonly number[]) => boolean,
): number[][] {
  const out: number[][] = [];
  const row = new Array<number>(width).fill(0);
  let budget = MAX_PLACEMENTS;
  const walk = (cell: number, next: number) => {
    if (budget-- <= 0) return;
    if (next === values.length) {
      if (fits(row)) out.push([...row]);
      return;
    }
    for (let c = cell; c <= width - (values.length - next); c++) {
      row[c] = values[next] as number;
      walk(c + 1, next + 1);
      row[c] = 0;
    }
  };
  walk(0, 0);
  return out;
}

/**
 * Figures of one table row spread over several lines (a narrow cell wraps "2598" over "82", the
 * other cells centred between): each column's tokens, top to bottom, become one figure — digits
 * joined when a column holds several plain integers. Undefined when a column is empty or holds
 * several tokens that are not plain integers. `wrapped` lists the joins ("2598/82").
 */
export function stackColumns(
  lines: readonly (readonly Token[])[],
  centres: readonly number[],
): { tokens: Token[]; wrapped: string[] } | undefined;
/** With `blanks`: an empty column is a blank cell (undefined) instead of a failure. */
export function stackColumns(
  lines: readonly (readonly Token[])[],
  centres: readonly number[],
  blanks: true,
): { tokens: (Token | undefined)[]; wrapped: string[] } | undefined;
export function stackColumns(
  lines: readonly (readonly Token[])[],
  centres: readonly number[],
  blanks = false,
): { tokens: (Token | undefined)[]; wrapped: string[] } | undefined {
  const cells: Token[][] = centres.map(() => []);
  for (const line of lines) {
    for (const t of line) {
      if (t.pos === undefined) return undefined;
      cells[nearestColumn(t.pos, centres)]?.push(t);
    }
  }
  const wrapped: string[] = [];
  const tokens: (Token | undefined)[] = [];
  for (const c of cells) {
    const first = c[0];
    if (!first) {
      if (!blanks) return undefined;
      tokens.push(undefined);
      continue;
    }
    if (c.length === 1) {
      tokens.push(first);
      continue;
    }
    if (c.some((t) => t.kind !== "num" || t.signed || t.decimals || t.yuan)) return undefined;
    const digits = c.map((t) => t.text).join("");
    wrapped.push(c.map((t) => t.text).join("/"));
    const joined: Token = { ...first, text: digits, value: Number(digits), digits };
    JOINED.add(joined);
    tokens.push(joined);
  }
  return { tokens, wrapped };
}

/** Shared helpers of the table readers: values from tokens, column mapping by position. */
import type { Diagnostics } from "../diagnostics.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";

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

export interface CellContext {
  doc: SourceDoc;
  diags: Diagnostics;
  path: readonly (string | number)[];
  /** Printed name of the cell, e.g. "表三 （七）总计 · 自然人". */
  zh: string;
  en: string;
}

/** The number a token stands for, with diagnostics for dashes; undefined for a blank cell. */
export function tokenValue(t: Token | undefined, ctx: CellContext): number {
  if (!t) {
    ctx.diags.add("cell.blank", "warning", `${ctx.zh}：单元格为空，按 0 处理`, `${ctx.en}: blank cell, read as 0`, {
      path: ctx.path,
    });
    return 0;
  }
  if (t.kind === "dash") {
    ctx.diags.add(
      "cell.dash",
      "warning",
      `${ctx.zh}：单元格填写“${t.text}”，按 0 处理`,
      `${ctx.en}: the cell holds "${t.text}", read as 0`,
      { path: ctx.path, source: refOf(ctx.doc, t.line, t.text) },
    );
    return 0;
  }
  return t.value as number;
}

/** Writes a value at a catalog path (paths come from core's catalog, never from the input). */
export function put(obj: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let cur = obj as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string | number;
    let next = cur[k];
    if (next === null || typeof next !== "object") {
      next = {};
      cur[k] = next;
    }
    cur = next as Record<string | number, unknown>;
  }
  cur[path[path.length - 1] as string | number] = value;
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
    tokens.push({ ...first, text: digits, value: Number(digits), digits });
  }
  return { tokens, wrapped };
}

/**
 * Blank-cell marks that are label text. A vertical group label printed one character per line
 * (「（四）无法提供」 down its cell) puts its characters on the lines of the rows beside it, and a
 * lone 无 there reads as a blank-cell mark: the row would read 0 and its figures shift. A row's
 * cells come after its labels, so a mark is label text when it stands in the label column: before
 * any figure of its line and followed by label text, or, before all its line's figures, where the
 * rows of the same table (their figures in the same columns) print label text and never a cell.
 */
import type { Token } from "../doc.js";

/** A line's tokens with the x extent of the piece each token was read from. */
export interface PlacedLine {
  tokens: Token[];
  spans: { x0: number; x1: number }[];
  size: number;
}

const isCell = (t: Token) => t.kind === "num" || t.kind === "dash";

/** Centres of a line's figures. */
function figureCentres(l: PlacedLine): number[] {
  const out: number[] = [];
  for (const t of l.tokens) if (t.kind === "num" && t.pos !== undefined) out.push(t.pos);
  return out;
}

/** Whether two rows print their figures in the same columns (most of the shorter row's figures match). */
function aligned(a: number[], b: number[], tolerance: number): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2) return false;
  let hits = 0;
  for (const x of short) if (long.some((y) => Math.abs(x - y) <= tolerance)) hits++;
  return hits >= Math.max(2, Math.ceil(short.length / 2));
}

function overlaps(s: { x0: number; x1: number }, x0: number, x1: number): boolean {
  return s.x0 <= x1 && s.x1 >= x0;
}

/** Whether the rows print label text at the mark's place and no cell there (the mark itself aside). */
function inLabelColumn(
  rows: readonly PlacedLine[],
  mark: Token,
  at: { x0: number; x1: number },
  size: number,
): boolean {
  let label = false;
  for (const r of rows)
    for (let k = 0; k < r.tokens.length; k++) {
      const t = r.tokens[k] as Token;
      const s = r.spans[k] as { x0: number; x1: number };
      if (t === mark) continue;
      if (isCell(t) && overlaps(s, at.x0, at.x1)) return false;
      if (t.kind === "text" && overlaps(s, at.x0 - 0.5 * size, at.x1 + 0.5 * size)) label = true;
    }
  return label;
}

/** Turns the blank-cell marks of a page's lines that stand in the label column into label text. */
export function labelMarksAsText(page: readonly PlacedLine[]): void {
  const centres = page.map(figureCentres);
  page.forEach((line, li) => {
    let figureBefore = false;
    line.tokens.forEach((t, k) => {
      if (t.kind === "num") figureBefore = true;
      if (t.kind !== "dash" || figureBefore) return;
      const rest = line.tokens.slice(k + 1);
      let isLabel = rest.some((r) => r.kind === "text");
      if (!isLabel && rest.some((r) => r.kind === "num")) {
        const own = centres[li] as number[];
        const rows = page.filter((_, j) => j === li || aligned(own, centres[j] as number[], 0.5 * line.size));
        isLabel = rows.length > 1 && inLabelColumn(rows, t, line.spans[k] as { x0: number; x1: number }, line.size);
      }
      if (isLabel) {
        t.kind = "text";
        delete t.value;
        delete t.glued;
      }
    });
  });
}

/**
 * The line-model builder the HTML and Word readers feed while they read (no tree of the page is
 * built): the text of a block becomes one line, each row of a table one line whose figures are
 * positioned by grid column. Lines and tokens are counted against the reader limits as they are
 * made, so a reader stops at the limit instead of after the whole input.
 */
import { type Line, makeLine, type Token } from "../doc.js";
import { Budget, LIMITS, LimitExceeded, refusal } from "../limits.js";
import { tokenize } from "../tokens.js";

/** Spans beyond these are read as these: no table of the format spans more. */
export const MAX_COLSPAN = 64;
export const MAX_ROWSPAN = 200;

/** A table cell as read: its text (whitespace collapsed), where it starts, its spans (≥ 1). */
export interface GridCell {
  text: string;
  at: number;
  rowspan: number;
  colspan: number;
}

/**
 * Lines of the document being read. `lineOf` maps a source position to its line number, and the
 * position is kept as the line's offset; without it (a Word document, whose positions are no
 * characters of a file) a line's number is its place among the lines.
 */
export class PageLines {
  readonly lines: Line[] = [];
  private readonly budget = new Budget();
  private tokens = 0;
  /** Text of the block being read, and where it starts. */
  private block = "";
  private blockAt = -1;

  constructor(private readonly lineOf?: (at: number) => number) {}

  /** Text of the block being read, at source position `at`. */
  text(at: number, data: string): void {
    if (this.blockAt < 0) this.blockAt = at;
    this.block += data;
  }

  /** Ends the block being read: its text, whitespace collapsed, is one line. */
  flush(): void {
    const t = collapse(this.block);
    if (t) {
      const index = this.lines.length;
      this.add(t, tokenize(t, index), this.blockAt, { indent: true, trailingSpace: false, block: true });
    }
    this.block = "";
    this.blockAt = -1;
  }

  /**
   * One line per row of a table, numbers positioned by grid column (spans expanded). A grid of
   * more than LIMITS.maxGridSlots slots refuses the document (a report's tables have a few hundred).
   */
  grid(rows: readonly (readonly GridCell[])[]): void {
    const taken: boolean[][] = [];
    let slots = 0;
    rows.forEach((cells, r) => {
      const own: { cell: GridCell; col: number }[] = [];
      if (!taken[r]) taken[r] = [];
      const occupied = taken[r] as boolean[];
      let col = 0;
      for (const cell of cells) {
        while (occupied[col]) col++;
        slots += Math.min(cell.rowspan, rows.length - r) * cell.colspan;
        if (slots > LIMITS.maxGridSlots) throw new LimitExceeded(refusal("maxGridSlots"));
        for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
          if (!taken[r + dr]) taken[r + dr] = [];
          const row = taken[r + dr] as boolean[];
          for (let dc = 0; dc < cell.colspan; dc++) row[col + dc] = true;
        }
        own.push({ cell, col });
        col += cell.colspan;
      }
      this.row(own);
    });
  }

  /** The line of one table row, from its own cells and their grid columns. */
  private row(own: readonly { cell: GridCell; col: number }[]): void {
    const index = this.lines.length;
    const tokens: Token[] = [];
    const texts: string[] = [];
    for (const { cell, col } of own) {
      if (!cell.text) continue;
      texts.push(cell.text);
      const centre = col + (cell.colspan - 1) / 2;
      tokenize(cell.text, index, { x0: centre, x1: centre, cell: true }, tokens);
    }
    const text = texts.join(" ");
    if (!text) {
      // A row of empty cells (a row of zeros printed blank): a line holding only how many.
      const cells = own.reduce((n, o) => n + o.cell.colspan, 0);
      if (cells >= MIN_EMPTY_ROW)
        this.add("", [], own[0]?.cell.at ?? 0, {
          indent: false,
          trailingSpace: false,
          tableRow: true,
          emptyCells: cells,
        });
      return;
    }
    this.add(text, tokens, own[0]?.cell.at ?? 0, { indent: false, trailingSpace: false, tableRow: true });
  }

  private add(
    text: string,
    tokens: Token[],
    at: number,
    kind: Pick<Line, "indent" | "trailingSpace" | "tableRow" | "block" | "emptyCells">,
  ): void {
    this.tokens += tokens.length;
    this.budget.line(this.tokens);
    // Keys in the order lines have always had (text, tokens, lineNo, offset, …).
    const line: Omit<Line, "key"> = this.lineOf
      ? { text, tokens, lineNo: this.lineOf(at), offset: at, ...kind }
      : { text, tokens, lineNo: this.lines.length + 1, ...kind };
    this.lines.push(makeLine(line));
  }
}

/** Runs of whitespace to one space, trimmed; words copied as slices (linear on huge text nodes). */
/** Empty cells a row must have to be kept as a row of blank cells (a spacer row has one or two). */
const MIN_EMPTY_ROW = 5;

/** Separates the lines of a cell (a break, a paragraph) in the raw text cellText reads. */
export const CELL_LINE = "\n";

/** The characters of a figure (digits, full-width digits, its decimal point and separators). */
const isFigureChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 46 || c === 44 || c === 0xff0e || c === 0xff0c;

/**
 * A table cell's text, whitespace collapsed. A cell holds one figure: its lines made only of a
 * figure's characters are that figure wrapped in a narrow cell ("30" over "01", a break or a new
 * paragraph between) and are joined, never read as two figures.
 */
export function cellText(raw: string): string {
  if (!raw.includes(CELL_LINE)) return collapse(raw);
  const parts = raw
    .split(CELL_LINE)
    .map((p) => p.trim())
    .filter(Boolean);
  const wrapped = parts.length > 1 && parts.every((p) => [...p].every((ch) => isFigureChar(ch.charCodeAt(0))));
  return wrapped ? parts.join("") : collapse(raw);
}

export function collapse(s: string): string {
  if (isCollapsed(s)) return s;
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      if (start >= 0) parts.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  return parts.join(" ");
}

/** True when `s` has no whitespace to collapse: no leading, trailing or double space, no tab or newline. */
function isCollapsed(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 12) return false;
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else prevSpace = false;
  }
  return !prevSpace || s.length === 0;
}

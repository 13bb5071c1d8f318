/**
 * Strategy "block headers": table 二 read with no row label next to its figures (plain PDF-to-text
 * output prints all row labels first, then each block's figures under its caption and column
 * headers). The figures after a run of column headers fill those columns of the block the headers
 * belong to, row by row, when their count is exactly rows × columns.
 */
import { ARTICLE_20, type ProactiveBlockDef } from "@gov-report/core/lite";
import type { Token } from "../doc.js";
import { labelKey } from "../normalize.js";
import { isValue } from "../tables/common.js";

/** labelKey of what every block caption starts with (第二十条…): core's ARTICLE_20, of which the captions are made. */
export const CAPTION_PREFIX = labelKey(ARTICLE_20.zh);

export function captionIndex(key: string, blocks: readonly ProactiveBlockDef[]): number {
  if (!key.startsWith(CAPTION_PREFIX)) return -1;
  return blocks.findIndex((b) => key.startsWith(labelKey(b.caption.zh)));
}

/** The state of reading table 二 by block headers: which token fills which cell. */
export class BlockScan {
  /** cells[b][row][col]: the token read for that cell. */
  readonly cells: (Token | undefined)[][][];
  private readonly headers: { block: number; column: number; key: string }[];
  private block = -1;
  private words = "";
  private targets: { block: number; column: number }[] = [];
  private figures: Token[] = [];
  firstLine = -1;

  constructor(private readonly blocks: readonly ProactiveBlockDef[]) {
    this.cells = blocks.map((b) => b.rows.map(() => new Array<Token | undefined>(b.columns.length).fill(undefined)));
    this.headers = blocks
      .flatMap((b, bi) => b.columns.map((c, ci) => ({ block: bi, column: ci, key: labelKey(c.zh) })))
      .filter((h) => h.key)
      .sort((a, b) => b.key.length - a.key.length);
  }

  token(t: Token, line: number): void {
    if (isValue(t)) {
      if (!this.figures.length && this.firstLine < 0) this.firstLine = line;
      this.figures.push(t);
      return;
    }
    const k = labelKey(t.text);
    if (!k) return;
    this.flush();
    this.words = (this.words.length > 200 ? this.words.slice(-100) : this.words) + k;
    const capAt = this.words.lastIndexOf(CAPTION_PREFIX);
    const cap = capAt >= 0 ? captionIndex(this.words.slice(capAt), this.blocks) : -1;
    if (cap >= 0) {
      this.block = cap;
      this.words = "";
      return;
    }
    const h = this.headerFor(this.words);
    if (h) {
      this.targets.push(h);
      this.words = "";
    }
  }

  /** The figures since the last headers fill those columns, row by row, when their count fits. */
  flush(): void {
    if (!this.figures.length) return;
    const b = this.targets[0]?.block ?? this.block;
    const def = this.blocks[b];
    const cols = this.targets.length ? this.targets.map((t) => t.column) : def ? def.columns.map((_, i) => i) : [];
    if (def && this.targets.every((t) => t.block === b) && this.figures.length === def.rows.length * cols.length) {
      def.rows.forEach((_, ri) => {
        cols.forEach((ci, j) => {
          const row = this.cells[b]?.[ri];
          if (row) row[ci] = this.figures[ri * cols.length + j];
        });
      });
    }
    this.figures = [];
    this.targets = [];
  }

  /** The column header the words end with: the current block's when it has it, else the first unfilled. */
  private headerFor(key: string) {
    const matches = this.headers.filter((h) => key.endsWith(h.key));
    if (!matches.length) return undefined;
    const longest = (matches[0] as { key: string }).key.length;
    const same = matches.filter((h) => h.key.length === longest);
    const unfilled = (h: { block: number; column: number }) =>
      !this.targets.some((t) => t.block === h.block && t.column === h.column) &&
      (this.cells[h.block] ?? []).some((row) => row[h.column] === undefined);
    return same.find((h) => h.block === this.block && unfilled(h)) ?? same.find(unfilled);
  }
}

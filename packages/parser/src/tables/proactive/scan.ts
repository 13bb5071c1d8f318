/**
 * Table 二 scanned as segments: the words printed before a run of figures, and the figures. A row
 * label ends its segment's words; captions and headers come before it. Working on segments rather
 * than lines also reads tables whose rows run together on one line (scraped text).
 */
import { PROACTIVE_BLOCKS, type ProactiveBlockDef } from "@gov-report/core/lite";
import type { ReadContext } from "../../context.js";
import { refOf, type Token } from "../../doc.js";
import { labelKey } from "../../normalize.js";
import { CAPTION_PREFIX, captionIndex } from "../../strategies/block-headers.js";
import { gridCentres } from "../../strategies/grid-columns.js";
import { ownRowColumns } from "../../strategies/pipe-grid.js";
import { centresFromRows, isValue } from "../common.js";
import { assign } from "./assign.js";
import { readByBlocks } from "./by-blocks.js";
import { apartOrSkipped, earlyOrLate, type Pending, reportUnplaced } from "./label-apart.js";
import { readBlocksByLabels } from "./label-grid.js";
import {
  CONTENT_HEADER_KEY,
  columnHeaderKeys,
  endsWithHeader,
  headerPositions,
  matchRowSuffix,
  type RowRef,
  rowOf,
  rowRefs,
  stripped,
  stripTrailing,
} from "./rows.js";

/**
 * The region as segments: the words printed before a run of figures, and the figures. A row
 * label ends its segment's words; captions and headers come before it. Working on segments
 * rather than lines also reads tables whose rows run together on one line (scraped text).
 */
export class ProactiveScan {
  private readonly blocks: readonly ProactiveBlockDef[];
  private readonly rows: RowRef[];
  private readonly found = new Set<string>();
  private readonly headerKeys: string[];
  private readonly deferred: { row: RowRef; values: Token[]; line: number }[] = [];
  private readonly fullRows = new Map<number, Token[][]>();
  private readonly headerPos = new Map<number, number[]>();
  private block = -1;
  private words = "";
  private wordTokens: Token[] = [];
  private values: Token[] = [];
  private firstLine: number;
  /**
   * Figures whose words held no row label: plain PDF-to-text output can print a one-row block's
   * label after its figure ("本年收费金额（单位：万元） 7545 行政事业性收费"). They wait for the
   * words that follow; if those start with a row of the same block, that row gets them.
   */
  private pending: Pending | undefined;
  /** Label-less rows of the same block before the pending one: the rows before its row, in order. */
  private earlier: Pending[] = [];
  /** The row whose label-less figures were just taken by the label printed before them. */
  private lastEarly: RowRef | undefined;
  /**
   * A table row holding a row's label and no figure: a row whose cells are all blank, unless the
   * next row brings figures with no label (the label printed one row early, as OCR converters do).
   */
  private labelOnly: { row: RowRef; line: number; early?: RowRef } | undefined;
  /** Rows that took label-less figures from a label printed before them, a row early or not. */
  private readonly takenEarly: { row: RowRef; line: number }[] = [];
  /** Rows that took label-less figures from a label printed after them. */
  private readonly takenLate: { row: RowRef; line: number }[] = [];
  /** Label-less figures no row has taken yet: left at the end, they are reported, never dropped. */
  private readonly unplaced = new Set<Pending>();

  constructor(
    private readonly ctx: ReadContext,
    private readonly range: [number, number],
  ) {
    this.blocks = PROACTIVE_BLOCKS[ctx.edition];
    this.rows = rowRefs(this.blocks);
    this.headerKeys = columnHeaderKeys(this.blocks);
    this.firstLine = range[0];
  }

  run(): number {
    const { doc } = this.ctx;
    // Blocks printed with their row labels apart from their figures are read by their labels first.
    const apart = readBlocksByLabels(this.ctx, this.range, this.blocks, this.rows, this.found);
    for (let i = this.range[0]; i < this.range[1]; i++) {
      const span = apart.find(([a, b]) => i >= a && i <= b);
      if (span) {
        i = span[1];
        continue;
      }
      const line = doc.lines[i];
      if (!line) continue;
      if (line.tokens.length) this.settleLabelOnly(line.tokens[0]);
      let lastValue = line.tokens.length - 1;
      while (lastValue >= 0 && !isValue(line.tokens[lastValue] as Token)) lastValue--;
      for (const [j, t] of line.tokens.entries()) {
        if (isValue(t)) {
          if (!this.values.length) this.firstLine = i;
          this.values.push(t);
          continue;
        }
        if (!labelKey(t.text)) continue;
        this.flush();
        // Captions, headers and a label are short: keep the words bounded on runaway input.
        this.words = this.words.length > 2000 ? this.words.slice(-400) + t.text : this.words + t.text;
        if (this.wordTokens.length < 64) this.wordTokens.push(t);
        // A label with figures after it on its line is theirs, not the figures' before it.
        if (j > lastValue) this.tryPending();
        else this.pendingBefore();
      }
      // A grid row ends its figures: the next row's are another row's, even with no label.
      if (line.tableRow && lastValue >= 0) this.flush(!line.tokens.some((t) => !isValue(t) && labelKey(t.text)));
      if (line.tableRow && line.tokens.length && lastValue < 0) this.noteLabelOnly(line.key, i);
    }
    this.flush();
    this.settleLabelOnly(undefined);
    return this.finish();
  }

  /**
   * A grid header row with one cell per column before the figures (a converter's generic
   * `| 类别 | 数据1 | 数据2 | 数据3 |`): its cells are the block's columns, whatever they say.
   */
  /** Column positions for a row's figures: the block's header, a grid header, or the row's own grid cells. */
  private columnsOf(row: RowRef, values: readonly Token[]): number[] | undefined {
    const cols = row.block.columns.length;
    return this.headerPos.get(row.blockIndex) ?? this.gridHeader(row.blockIndex, cols) ?? ownRowColumns(values, cols);
  }

  /** The words before the figures that were printed in grid rows (header cells). */
  private gridWords(): Token[] {
    return this.wordTokens.filter((t) => this.ctx.doc.lines[t.line]?.tableRow);
  }

  private gridHeader(block: number, cols: number): number[] | undefined {
    // Table 二 has no totals to tell a header set one cell off: only a header with its corner cell.
    const centres = gridCentres(this.gridWords(), cols, true);
    if (centres) this.headerPos.set(block, centres);
    return centres;
  }

  /**
   * Label-less figures right before a row printed with its own: rows keep their order, so they
   * are the row before it in its block, when that row has none yet.
   */
  private pendingBefore(): void {
    const pending = this.pending;
    this.pending = undefined;
    const key = labelKey(this.words);
    const at = pending
      ? this.rows.findIndex((r) => r.blockIndex === pending.block && r.keys.some((k) => key.startsWith(k)))
      : -1;
    this.placeInOrder([...this.earlier, ...(pending ? [pending] : [])], at);
  }

  /** Label-less rows, last first, put in the rows before row `at` of their block that have none yet. */
  private placeInOrder(rows: readonly Pending[], at: number): void {
    this.earlier = [];
    for (let k = rows.length - 1, r = at - 1; k >= 0 && r >= 0; k--, r--) {
      const p = rows[k] as Pending;
      const row = this.rows[r] as RowRef;
      if (row.blockIndex !== p.block || this.found.has(row.rowKey)) return;
      assign(this.ctx, row, p.values, this.columnsOf(row, p.values), p.line);
      this.found.add(row.rowKey);
      this.unplaced.delete(p);
      this.ctx.diags.emit(
        "row.by-order",
        { row: rowOf(this.ctx, row), how: "label" },
        { path: ["proactiveDisclosure", row.rowKey], source: refOf(this.ctx.doc, p.line) },
      );
    }
  }

  private noteLabelOnly(key: string, line: number): void {
    const row = this.rows.find((r) => !this.found.has(r.rowKey) && r.keys.includes(key));
    const early = this.lastEarly;
    this.lastEarly = undefined;
    const after =
      row && early && row.blockIndex === early.blockIndex && this.rows.indexOf(row) === this.rows.indexOf(early) + 1;
    this.labelOnly = row ? { row, line, ...(after ? { early } : {}) } : undefined;
  }

  /** The label-only row is blank unless the next row starts with figures (the end of the table counts as words). */
  private settleLabelOnly(next: Token | undefined): void {
    const pending = this.labelOnly;
    if (!pending || (next && !isValue(next) && !labelKey(next.text))) return;
    this.labelOnly = undefined;
    if (next && isValue(next)) return;
    if (this.found.has(pending.row.rowKey)) return;
    if (pending.early) {
      this.found.add(pending.row.rowKey);
      earlyOrLate(this.ctx, pending.early, pending.row, pending.line);
      return;
    }
    assign(this.ctx, pending.row, [], undefined, pending.line);
    this.found.add(pending.row.rowKey);
  }

  private finish(): number {
    for (const d of this.deferred) {
      const centres = centresFromRows(this.fullRows.get(d.row.blockIndex) ?? [], d.row.block.columns.length);
      assign(this.ctx, d.row, d.values, centres, d.line);
    }
    const byLabel = new Set(this.found);
    if (this.found.size < this.rows.length) readByBlocks(this.ctx, this.range, this.blocks, this.rows, this.found);
    for (const [taken, side] of [
      [this.takenEarly, 1],
      [this.takenLate, -1],
    ] as const)
      for (const e of taken) {
        const other = this.rows[this.rows.indexOf(e.row) + side];
        if (other && other.blockIndex === e.row.blockIndex && !this.found.has(other.rowKey))
          apartOrSkipped(this.ctx, e.row, e.line);
      }
    for (const p of this.unplaced) {
      const rows = this.blocks[p.block]?.rows ?? [];
      // Figures of a block read by its column headers were taken there.
      if (!rows.every((r) => !byLabel.has(r.key) && this.found.has(r.key))) reportUnplaced(this.ctx, p);
    }
    let missing = 0;
    for (const r of this.rows) {
      if (this.found.has(r.rowKey)) continue;
      missing++;
      // Its cells stay unrecorded: unread.
      this.ctx.diags.emit("row.missing", { row: rowOf(this.ctx, r) }, { path: ["proactiveDisclosure", r.rowKey] });
    }
    return this.rows.length - missing;
  }

  private tryPending(): void {
    const pending = this.pending;
    if (!pending) return;
    const key = labelKey(this.words);
    let waiting = false;
    for (const r of this.rows) {
      if (r.blockIndex !== pending.block || this.found.has(r.rowKey)) continue;
      if (r.keys.some((k) => key.startsWith(k))) {
        assign(this.ctx, r, pending.values, this.columnsOf(r, pending.values), pending.line);
        this.found.add(r.rowKey);
        this.unplaced.delete(pending);
        this.takenLate.push({ row: r, line: pending.line });
        this.ctx.diags.emit(
          "row.label-after",
          { row: rowOf(this.ctx, r) },
          { path: ["proactiveDisclosure", r.rowKey], source: refOf(this.ctx.doc, pending.line) },
        );
        this.pending = undefined;
        this.placeInOrder(this.earlier, this.rows.indexOf(r));
        return;
      }
      if (r.keys.some((k) => k.startsWith(key))) waiting = true;
    }
    if (waiting) return;
    this.pending = undefined;
    this.earlier = [];
  }

  /** `labelLess`: the figures' own grid row has no words (its label cell is empty). */
  private flush(labelLess = false): void {
    if (!this.values.length) return;
    const before = this.pending;
    this.pending = undefined;
    // Column headers printed between a row's label and its figures (a block split by a page
    // break, or plain text output) are not part of the label.
    const raw = labelKey(this.words);
    const key = stripTrailing(raw, this.headerKeys);
    this.readCaption(raw);
    const row = this.rowFor(raw, key);
    const b = this.blocks[this.block];
    // Figures of a label-less row taken by a label printed before them (which may be a row early).
    this.lastEarly = row && labelLess ? row : undefined;
    if (row && labelLess) this.takenEarly.push({ row, line: this.firstLine });
    if (row) {
      this.take(row);
      this.earlier = [];
    }
    // Figures of a grid row with an empty label cell, under the block's headers (named, or a grid
    // header row), or with no words at all before them: a label-less row.
    else if (
      b &&
      (labelLess ||
        !raw ||
        endsWithHeader(
          raw,
          b.columns.map((c) => labelKey(c.zh)),
        ) ||
        gridCentres(this.gridWords(), b.columns.length) !== undefined)
    ) {
      const next = before && (labelLess || !raw) && before.block === this.block;
      this.earlier = next ? [...this.earlier, before] : [];
      this.pending = { values: this.values, block: this.block, line: this.firstLine };
      this.unplaced.add(this.pending);
    } else {
      this.earlier = [];
      // Figures of a grid row after words that are no label (a mark in a cell, "264 Δ 215"):
      // never dropped without a word, even though no row takes them.
      if (this.values.some((t) => this.ctx.doc.lines[t.line]?.tableRow))
        this.unplaced.add({ values: this.values, block: this.block, line: this.firstLine });
    }
    this.words = "";
    this.wordTokens = [];
    this.values = [];
  }

  /** Captions and headers inside the words set the block and its column positions. */
  private readCaption(raw: string): void {
    const capAt = raw.lastIndexOf(CAPTION_PREFIX);
    if (capAt >= 0) {
      const cap = captionIndex(raw.slice(capAt), this.blocks);
      if (cap >= 0) this.block = cap;
    }
    const b = this.blocks[this.block];
    if (b && raw.includes(CONTENT_HEADER_KEY)) {
      const pos = headerPositions(this.wordTokens, b);
      if (pos) this.headerPos.set(this.block, pos);
    }
  }

  /**
   * The row the words end with. Column headers between a label and the figures must be that
   * row's block's own: "政府集中采购 信息内容 上一年项目数量 本年增/减 16 0" puts the figures
   * under 第（八）项, not 采购.
   */
  private rowFor(raw: string, key: string): RowRef | undefined {
    const row = matchRowSuffix(key, this.rows, this.block, this.found);
    if (!row || key.length >= raw.length) return row;
    const own = new Set([CONTENT_HEADER_KEY, ...row.block.columns.map((c) => labelKey(c.zh))]);
    return stripped(raw, key, this.headerKeys).every((h) => own.has(h)) ? row : undefined;
  }

  private take(row: RowRef): void {
    const { values } = this;
    this.block = row.blockIndex;
    const cols = row.block.columns.length;
    const header = this.columnsOf(row, values);
    // Figures that carry positions, fewer than columns and no header positions: placed once the
    // block's full rows have shown where its columns are.
    const positioned = values.length > 0 && values.every((t) => t.pos !== undefined);
    if (!header && values.length < cols && positioned) this.deferred.push({ row, values, line: this.firstLine });
    else {
      assign(this.ctx, row, values, header, this.firstLine);
      if (values.length === cols && positioned)
        this.fullRows.set(row.blockIndex, [...(this.fullRows.get(row.blockIndex) ?? []), values]);
    }
    this.found.add(row.rowKey);
  }
}

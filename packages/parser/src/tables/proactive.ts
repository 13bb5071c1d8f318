/**
 * Table 二 主动公开政府信息情况: blocks under their 第二十条第（…）项 captions, rows found by
 * their labels, values mapped to the block's columns by position when the source has positions.
 */
import {
  AMOUNT_UNITS,
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  labelKeys,
  type Path,
  PROACTIVE_BLOCKS,
  type ProactiveBlockDef,
} from "@gov-report/core/lite";
import { cellName, rowNameOf, tableName, tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import type { Named } from "../diagnostics.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";
import { weigh } from "../evidence/evidence.js";
import { editDistance, labelKey } from "../normalize.js";
import { BlockScan, CAPTION_PREFIX, captionIndex } from "../strategies/block-headers.js";
import { gridCentres } from "../strategies/grid-columns.js";
import { ownRowColumns } from "../strategies/pipe-grid.js";
import { gluedReadings, splitTokens } from "../strategies/run-together-row.js";
import { centresFromRows, isValue, orderedPlacements, placeByPosition, recordReadings, recordToken } from "./common.js";

/** Figures waiting for their row's label. */
interface Pending {
  values: Token[];
  block: number;
  line: number;
}

interface RowRef {
  block: ProactiveBlockDef;
  blockIndex: number;
  rowKey: string;
  zh: string;
  en: string;
  /** labelKey of the official label. */
  key: string;
  /** labelKeys of the official label and its variants (core's catalog), official first. */
  keys: readonly string[];
}

/** The words before a run of figures, and the figures: a row label ends its segment's words. */
const CONTENT_HEADER_KEY = labelKey(PROACTIVE_BLOCKS["2021"][0]?.contentHeader.zh ?? "");
/** Table 三's header words (申请人情况, 自然人): where table 二's figures cannot be any more. */
const TABLE3_HEADER_KEYS = [APPLICANT_HEADER.zh, APPLICANT_COLUMNS[0]?.zh ?? APPLICANT_HEADER.zh].map(labelKey);
export function readProactive(ctx: ReadContext, range: [number, number] | undefined): number {
  if (!range) {
    // Every cell stays unrecorded: the report gets them as unread.
    ctx.diags.emit("table.missing", { table: tableName("proactiveDisclosure") }, { path: ["proactiveDisclosure"] });
    return 0;
  }
  return new ProactiveScan(ctx, range).run();
}

/**
 * The region as segments: the words printed before a run of figures, and the figures. A row
 * label ends its segment's words; captions and headers come before it. Working on segments
 * rather than lines also reads tables whose rows run together on one line (scraped text).
 */
class ProactiveScan {
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

  constructor(
    private readonly ctx: ReadContext,
    private readonly range: [number, number],
  ) {
    this.blocks = PROACTIVE_BLOCKS[ctx.edition];
    this.rows = this.blocks.flatMap((block, blockIndex) =>
      block.rows.map((r) => ({
        block,
        blockIndex,
        rowKey: r.key,
        zh: r.zh,
        en: r.en,
        key: labelKey(r.zh),
        keys: labelKeys(r),
      })),
    );
    this.headerKeys = columnHeaderKeys(this.blocks);
    this.firstLine = range[0];
  }

  run(): number {
    const { doc } = this.ctx;
    for (let i = this.range[0]; i < this.range[1]; i++) {
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

  /**
   * A label-only row, label-less figures, the next row's label alone: the first label printed a
   * row early (the next row blank) or the second a row late (the first row blank). Table 二 has no
   * totals to tell: both rows are ambiguous unless the figures are all 0.
   */
  private earlyOrLate(first: RowRef, second: RowRef, line: number): void {
    const paths = (r: RowRef) => r.block.columns.map((c): Path => ["proactiveDisclosure", r.rowKey, c.key]);
    const values = paths(first).map((p) => this.ctx.cells.value(p) ?? 0);
    this.found.add(second.rowKey);
    if (values.every((v) => v === 0)) {
      assign(this.ctx, second, [], undefined, line);
      return;
    }
    const zeros = values.map(() => 0);
    for (const [row, readings] of [
      [first, [values, zeros]],
      [second, [zeros, values]],
    ] as const) {
      recordReadings(this.ctx, paths(row), readings, "order");
      this.ctx.diags.emit(
        "split.ambiguous",
        { row: rowOf(this.ctx, row), candidates: readings, why: "order" },
        { path: ["proactiveDisclosure", row.rowKey], source: refOf(this.ctx.doc, line), candidates: [...readings] },
      );
    }
  }

  /** The label-only row is blank unless the next row starts with figures (the end of the table counts as words). */
  private settleLabelOnly(next: Token | undefined): void {
    const pending = this.labelOnly;
    if (!pending || (next && !isValue(next) && !labelKey(next.text))) return;
    this.labelOnly = undefined;
    if (next && isValue(next)) return;
    if (this.found.has(pending.row.rowKey)) return;
    if (pending.early) {
      this.earlyOrLate(pending.early, pending.row, pending.line);
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
    if (this.found.size < this.rows.length) readByBlocks(this.ctx, this.range, this.blocks, this.rows, this.found);
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
    } else this.earlier = [];
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
    const positioned = values.every((t) => t.pos !== undefined);
    // Fewer figures than columns and no header positions: placed once the block's full rows
    // have shown where its columns are.
    if (!header && this.ctx.doc.positional && values.length < cols && positioned)
      this.deferred.push({ row, values, line: this.firstLine });
    else {
      assign(this.ctx, row, values, header, this.firstLine);
      if (values.length === cols && positioned)
        this.fullRows.set(row.blockIndex, [...(this.fullRows.get(row.blockIndex) ?? []), values]);
    }
    this.found.add(row.rowKey);
  }
}

/**
 * Plain PDF-to-text output can print all of table 二's row labels first, then each block's
 * figures under its caption and column headers, and a column that sat at the right of the page
 * later still — after the next page's footer, or even after the heading of 三. With no row label
 * next to the figures, they are read by block: the figures after a run of column headers fill
 * those columns of the block the headers belong to (the current block when it has them, else the
 * first block still missing them), row by row. A segment is used only when its count is exactly
 * rows × columns; only blocks none of whose rows were found by label are filled, and only when
 * every cell of the block is accounted for.
 */
function readByBlocks(
  ctx: ReadContext,
  range: [number, number],
  blocks: readonly ProactiveBlockDef[],
  rows: readonly RowRef[],
  found: Set<string>,
): void {
  const open = blocks.map((b) => b.rows.every((r) => !found.has(r.key)));
  if (!open.some(Boolean)) return;
  const scan = new BlockScan(blocks);
  const end = Math.min(ctx.doc.lines.length, range[1] + BLOCK_LOOKAHEAD);
  for (let i = range[0]; i < end; i++) {
    const line = ctx.doc.lines[i];
    if (!line) continue;
    // 表三's column headers: table 二 is over.
    if (i >= range[1] && TABLE3_HEADER_KEYS.some((k) => line.key.includes(k))) break;
    for (const t of line.tokens) scan.token(t, i);
  }
  scan.flush();
  const tag = tableTag("proactiveDisclosure");
  blocks.forEach((b, bi) => {
    const cells = scan.cells[bi];
    if (!open[bi] || !cells?.every((row) => row.every((c) => c !== undefined))) return;
    b.rows.forEach((r, ri) => {
      const ref = rows.find((x) => x.blockIndex === bi && x.rowKey === r.key) as RowRef;
      const tokens = cells[ri] as Token[];
      assign(ctx, ref, tokens, undefined, tokens[0]?.line ?? scan.firstLine);
      found.add(r.key);
    });
    ctx.diags.emit(
      "row.by-order",
      { row: { zh: `${tag.zh} ${b.caption.zh}`, en: `${tag.en}, ${b.caption.en}` }, how: "block-headers" },
      {
        path: ["proactiveDisclosure", ...b.rows.map((r) => r.key).slice(0, 1)],
        source: refOf(ctx.doc, cells[0]?.[0]?.line ?? scan.firstLine),
      },
    );
  });
}

/** Lines after table 二's range where its last column may still come (plain PDF-to-text output). */
const BLOCK_LOOKAHEAD = 60;

/** labelKey of every column header of table 二 (and 信息内容), longest first. */
function columnHeaderKeys(blocks: readonly ProactiveBlockDef[]): string[] {
  const keys = new Set<string>([CONTENT_HEADER_KEY]);
  for (const b of blocks) for (const c of b.columns) keys.add(labelKey(c.zh));
  return [...keys].filter(Boolean).sort((a, b) => b.length - a.length);
}

function endsWithHeader(key: string, headers: readonly string[]): boolean {
  return headers.some((h) => key.endsWith(h));
}

/** The key without the column headers at its end. */
function stripTrailing(key: string, headers: readonly string[]): string {
  let k = key;
  for (let again = true; again; ) {
    again = false;
    for (const h of headers) {
      if (k.length > h.length && k.endsWith(h)) {
        k = k.slice(0, k.length - h.length);
        again = true;
        break;
      }
    }
  }
  return k;
}

/** The header keys stripTrailing removed from `raw` to leave `key`. */
function stripped(raw: string, key: string, headers: readonly string[]): string[] {
  const out: string[] = [];
  let rest = raw.slice(key.length);
  while (rest) {
    const h = headers.find((x) => rest.startsWith(x));
    if (!h) break;
    out.push(h);
    rest = rest.slice(h.length);
  }
  return out;
}

function headerPositions(tokens: readonly Token[], b: ProactiveBlockDef): number[] | undefined {
  const out: number[] = [];
  for (const c of b.columns) {
    const k = labelKey(c.zh).slice(0, 4);
    const t = tokens.find((x) => x.kind === "text" && x.pos !== undefined && labelKey(x.text).includes(k));
    if (!t) return undefined;
    out.push(t.pos as number);
  }
  // One text item holding several headers gives them one position: no use for placing figures.
  for (let i = 1; i < out.length; i++) if ((out[i] as number) <= (out[i - 1] as number)) return undefined;
  return out;
}

/** The row whose label (or a variant of it) ends the words, exactly or within a small edit distance. */
function matchRowSuffix(
  key: string,
  rows: readonly RowRef[],
  block: number,
  found: ReadonlySet<string>,
): RowRef | undefined {
  let best: RowRef | undefined;
  let bestScore = 0;
  for (const r of rows) {
    if (found.has(r.rowKey)) continue;
    let score = 0;
    for (const k of r.keys) score = Math.max(score, suffixScore(key, k));
    if (score && r.blockIndex === block) score += 0.001;
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  return best;
}

/** 1 + length/100 when `label` ends `key` (longer labels win), 0.8 within a small edit distance. */
function suffixScore(key: string, label: string): number {
  if (key.endsWith(label)) return 1 + label.length / 100;
  const allowed = Math.min(2, Math.floor(label.length / 4));
  for (let len = label.length - allowed; allowed > 0 && len <= label.length + allowed; len++)
    if (len > 0 && len <= key.length && editDistance(key.slice(key.length - len), label, allowed) <= allowed)
      return 0.8;
  return 0;
}

/** The row's printed name, from core's cell names ("表二 行政规范性文件"). */
function rowOf(ctx: ReadContext, row: RowRef): Named {
  const first = row.block.columns[0];
  return rowNameOf(cellName(ctx.edition, ["proactiveDisclosure", row.rowKey, first?.key ?? ""]));
}

/**
 * Records a row from the figures printed after its label: one figure per column as printed, by
 * header positions when fewer, split when run together (decided by the digits or by evidence,
 * else ambiguous), and amounts printed in 元 converted to 万元.
 */
function assign(ctx: ReadContext, row: RowRef, tokens: Token[], header: number[] | undefined, line: number): void {
  const cols = row.block.columns;
  const paths: Path[] = cols.map((c) => ["proactiveDisclosure", row.rowKey, c.key]);
  const signedAt = cols.findIndex((c) => c.kind === "signedCount");
  const source = refOf(ctx.doc, line);
  const where = { path: ["proactiveDisclosure", row.rowKey], source };
  // "7-129" with no spaces: a dash cell (7|-|129) or a negative change run together (7|-12|9).
  const glued = signedAt >= 0 ? tokens.findIndex((t, i) => t.glued && tokens[i + 1]?.kind === "num") : -1;
  let placed: (Token | undefined)[] | undefined;
  let done = false;
  if (glued >= 0 && !header)
    done = recordSplit(ctx, row, paths, gluedReadings(tokens, glued, cols.length, signedAt), line);
  if (done) {
    // recorded from the split
  } else if (tokens.length === cols.length) placed = tokens;
  else if (tokens.length > cols.length) {
    placed = tokens.slice(0, cols.length);
    ctx.diags.emit("cell.extra", { row: rowOf(ctx, row), width: cols.length }, where);
  } else {
    if (header) placed = placeByPosition(tokens, header);
    if (!placed && tokens.some((t) => t.digits))
      done = recordSplit(ctx, row, paths, splitTokens(tokens, cols.length, signedAt).candidates, line);
    if (!placed && !done && !tokens.length) placed = cols.map(() => undefined);
    if (!placed && !done) recordInOrder(ctx, row, paths, tokens, line);
  }
  if (placed) for (const [i, p] of paths.entries()) recordToken(ctx, p, placed[i]);
  convertYuan(ctx, row, paths, placed, line);
}

/**
 * Records a row from the splits of its run-together figures. Table 二 has no totals: one split
 * is decided by the digits alone; several are weighed by the evidence (the text's figures, last
 * year's report) and stay ambiguous when it cannot choose. False when there is no split at all.
 */
function recordSplit(
  ctx: ReadContext,
  row: RowRef,
  paths: readonly Path[],
  candidates: readonly number[][],
  line: number,
): boolean {
  if (!candidates.length) return false;
  const where = { path: ["proactiveDisclosure", row.rowKey], source: refOf(ctx.doc, line) };
  const weighed = weigh(ctx.evidence, paths, candidates, (p) => ctx.cells.value(p));
  const readings = weighed.readings;
  const by = weighed.by ?? "digits";
  if (readings.length === 1) {
    if (candidates.length > 1) {
      const printed = candidates.map((c) => c.join("|")).join(" / ");
      ctx.diags.emit(
        "split.run-together",
        { row: rowOf(ctx, row), printed, reading: readings[0] as number[], by, count: candidates.length },
        where,
      );
    }
  } else
    ctx.diags.emit(
      "split.ambiguous",
      { row: rowOf(ctx, row), candidates: readings },
      { ...where, candidates: readings.map((r) => [...r]) },
    );
  recordReadings(ctx, paths, readings, by);
  return true;
}

/** Fewer figures than columns and nothing to place them by: every cell lists what it could hold. */
function recordInOrder(ctx: ReadContext, row: RowRef, paths: readonly Path[], tokens: readonly Token[], line: number) {
  const values = tokens.map((t) => (t.kind === "num" ? (t.value as number) : 0));
  const readings = orderedPlacements(values, paths.length, () => true);
  ctx.diags.emit(
    "cell.position-unknown",
    { row: rowOf(ctx, row), count: tokens.length, width: paths.length },
    { path: ["proactiveDisclosure", row.rowKey], source: refOf(ctx.doc, line) },
  );
  recordReadings(ctx, paths, readings, "order");
}

/** Amounts printed in 元 (the figure says 元, or the block header does) become 万元. */
function convertYuan(
  ctx: ReadContext,
  row: RowRef,
  paths: readonly Path[],
  placed: readonly (Token | undefined)[] | undefined,
  line: number,
): void {
  const cols = row.block.columns;
  if (!cols.some((c) => c.kind === "amountWanYuan")) return;
  const headerYuan = headerSaysYuan(ctx.doc, line);
  cols.forEach((c, i) => {
    const t = placed?.[i];
    const path = paths[i] as Path;
    const v = ctx.cells.value(path);
    if (c.kind !== "amountWanYuan" || !(t?.yuan || headerYuan) || v === undefined) return;
    ctx.cells.scale(path, 1 / 10000);
    ctx.diags.emit(
      "unit.yuan",
      { cell: cellName(ctx.edition, path), yuan: v, wan: v / 10000 },
      { path, source: refOf(ctx.doc, t?.line ?? line) },
    );
  });
}

/** The block header above the row says （单位：元） instead of 万元 (core's AMOUNT_UNITS marks). */
function headerSaysYuan(doc: SourceDoc, line: number): boolean {
  for (let i = line - 1; i >= Math.max(0, line - 4); i--) {
    const t = (doc.lines[i] as { text: string }).text;
    if (AMOUNT_UNITS.yuan.marks.some((m) => t.includes(m))) return true;
    if (AMOUNT_UNITS.wanYuan.marks.some((m) => t.includes(m))) return false;
  }
  return false;
}

/**
 * A table 二 row recorded from the figures printed for it: its candidate readings (one figure per
 * column as printed, by header positions when fewer, split when run together or at a glued dash,
 * in order when nothing places them) chosen by `choose` and the evidence, else ambiguous; amounts
 * printed in 元 converted to 万元.
 */
import { AMOUNT_UNITS, type Path } from "@gov-report/core/lite";
import { type CellBook, scaled } from "../../cells/book.js";
import { cellName } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { refOf, type SourceDoc, type Token } from "../../doc.js";
import { weigh } from "../../evidence/evidence.js";
import { type Chosen, choose, type Judge } from "../../solve/choose.js";
import { recordReadings, recordToken } from "../common.js";
import { PROACTIVE_ROW_STRATEGIES, type ProactiveCandidate } from "./row-candidates.js";
import { type RowRef, rowOf } from "./rows.js";

/**
 * Records a row from the figures printed after its label: the row's candidates (row-candidates.ts)
 * asked in order and scored by `choose`; table 二 has no sums, so only the evidence (the text's
 * figures, last year's report) narrows a row with several readings, else it stays ambiguous.
 * Amounts printed in 元 are converted to 万元.
 */
/**
 * Figures some row has taken: a later reading by order must not give them to a second row. Kept
 * per cell book, so that a trial reading (into a book of its own) takes nothing from the real one.
 */
const TAKEN = new WeakMap<CellBook, WeakSet<Token>>();

/** True when a row of table 二 has already been given this figure in this reading. */
export const isTaken = (ctx: ReadContext, t: Token): boolean => TAKEN.get(ctx.cells)?.has(t) ?? false;

/** Marks figures as given to a row of table 二 in this reading (a later reading by order skips them). */
export function take(ctx: ReadContext, tokens: readonly Token[]): void {
  let taken = TAKEN.get(ctx.cells);
  if (!taken) {
    taken = new WeakSet();
    TAKEN.set(ctx.cells, taken);
  }
  for (const t of tokens) taken.add(t);
}

export function assign(
  ctx: ReadContext,
  row: RowRef,
  tokens: Token[],
  header: number[] | undefined,
  line: number,
): void {
  take(ctx, tokens);
  const cols = row.block.columns;
  const paths: Path[] = cols.map((c) => ["proactiveDisclosure", row.rowKey, c.key]);
  const input = { tokens, header, width: cols.length, signedAt: cols.findIndex((c) => c.kind === "signedCount") };
  const chosen = choose(ctx.doc, PROACTIVE_ROW_STRATEGIES, input, judgeOf(ctx, paths));
  // Some strategy reads every count of figures; none would leave the cells unrecorded: unread.
  if (!chosen) return;
  record(ctx, { row, paths, figures: tokens.length, line }, chosen);
  convertYuan(ctx, row, paths, chosen.candidate.tokens, line);
}

/** Table 二 has no equations: every reading fits, and the evidence weighs several. */
function judgeOf(ctx: ReadContext, paths: readonly Path[]): Judge {
  return {
    fits: () => true,
    weigh: (readings) => weigh(ctx.evidence, paths, readings, (p) => ctx.cells.value(p)),
  };
}

/** The chosen reading recorded, with the diagnostics of how it was read. */
function record(
  ctx: ReadContext,
  { row, paths, figures, line }: { row: RowRef; paths: readonly Path[]; figures: number; line: number },
  chosen: Chosen<ProactiveCandidate>,
): void {
  const { candidate } = chosen;
  const where = { path: ["proactiveDisclosure", row.rowKey], source: refOf(ctx.doc, line) };
  if (candidate.how === "extra") ctx.diags.emit("cell.extra", { row: rowOf(ctx, row), width: paths.length }, where);
  if (candidate.tokens) {
    for (const [i, p] of paths.entries()) recordToken(ctx, p, candidate.tokens[i]);
    return;
  }
  if (candidate.how === "order") {
    ctx.diags.emit("cell.position-unknown", { row: rowOf(ctx, row), count: figures, width: paths.length }, where);
    recordReadings(ctx, paths, chosen.readings, chosen.by ?? "order");
    return;
  }
  recordSplit(ctx, row, paths, chosen, where);
}

/**
 * A row read from the splits of its figures: one split is decided by the digits alone; several
 * weighed by the evidence, and ambiguous when it cannot choose.
 */
function recordSplit(
  ctx: ReadContext,
  row: RowRef,
  paths: readonly Path[],
  chosen: Chosen<ProactiveCandidate>,
  where: { path: string[]; source: ReturnType<typeof refOf> },
): void {
  const { readings } = chosen;
  const count = chosen.candidate.readings.length;
  const by = chosen.by ?? "digits";
  if (readings.length === 1) {
    if (count > 1) {
      const printed = chosen.candidate.readings.map((c) => c.join("|")).join(" / ");
      ctx.diags.emit(
        "split.run-together",
        { row: rowOf(ctx, row), printed, reading: readings[0] as number[], by, count },
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
}

/** Amounts printed in 元 (the figure says 元, or the block header does) become 万元. */
export function convertYuan(
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
    ctx.cells.scale(path, AMOUNT_UNITS.yuan.inWanYuan);
    ctx.diags.emit(
      "unit.yuan",
      { cell: cellName(ctx.edition, path), yuan: v, wan: scaled(v, AMOUNT_UNITS.yuan.inWanYuan) },
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

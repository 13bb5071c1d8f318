/**
 * A table 二 row recorded from the figures printed for it: one figure per column as printed, by
 * header positions when fewer, split when run together (decided by the digits or by evidence,
 * else ambiguous), in order with every placement listed when nothing places them, and amounts
 * printed in 元 converted to 万元.
 */
import { AMOUNT_UNITS, type Path } from "@gov-report/core/lite";
import { cellName } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { refOf, type SourceDoc, type Token } from "../../doc.js";
import { weigh } from "../../evidence/evidence.js";
import { gluedReadings, splitTokens } from "../../strategies/run-together-row.js";
import { orderedPlacements, placeByPosition, recordReadings, recordToken } from "../common.js";
import { type RowRef, rowOf } from "./rows.js";

/**
 * Records a row from the figures printed after its label: one figure per column as printed, by
 * header positions when fewer, split when run together (decided by the digits or by evidence,
 * else ambiguous), and amounts printed in 元 converted to 万元.
 */
export function assign(
  ctx: ReadContext,
  row: RowRef,
  tokens: Token[],
  header: number[] | undefined,
  line: number,
): void {
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

/**
 * Table 二's blocks printed with their row labels apart from their figures, one figure a line (PDF
 * text extracted column by column: the row labels, then each column's label and its figures), read
 * by the labels (strategy label-cells, `readLabelGrid`) before the segment scan, which would give
 * every figure after the last row label to that row. A block whose order the labels decide is read
 * as printed; one that reads both column by column and row by row keeps both readings (the
 * evidence may choose, else the cells that differ are ambiguous); one whose figures do not fill its
 * cells stays unread. The scan then skips the block's lines.
 */
import { labelKeys, type Path, type ProactiveBlockDef } from "@gov-report/core/lite";
import { tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { refOf, type Token } from "../../doc.js";
import { weigh } from "../../evidence/evidence.js";
import { CAPTION_PREFIX, captionIndex } from "../../strategies/block-headers.js";
import { type LabelAxes, type LabelGrid, readLabelGrid } from "../../strategies/label-cells.js";
import { recordReadings, recordToken } from "../common.js";
import { convertYuan, take } from "./assign.js";
import { CONTENT_HEADER_KEY, type RowRef } from "./rows.js";

const TABLE = "proactiveDisclosure";

const axesOf = (b: ProactiveBlockDef): LabelAxes => ({
  rows: b.rows.map((r) => labelKeys(r)),
  cols: b.columns.map((c) => labelKeys(c)),
  extra: [CONTENT_HEADER_KEY],
});

const valuesOf = (tokens: readonly Token[]) => tokens.map((t) => (t.kind === "num" ? (t.value as number) : 0));

/**
 * Reads the blocks of the range printed with their labels apart; their rows go to `found`. Returns
 * the line spans the scan must skip (the blocks read here).
 */
export function readBlocksByLabels(
  ctx: ReadContext,
  range: [number, number],
  blocks: readonly ProactiveBlockDef[],
  rows: readonly RowRef[],
  found: Set<string>,
): [number, number][] {
  const skip: [number, number][] = [];
  for (let i = range[0]; i < range[1]; i++) {
    const key = ctx.doc.lines[i]?.key ?? "";
    const at = key.indexOf(CAPTION_PREFIX);
    const bi = at >= 0 ? captionIndex(key.slice(at), blocks) : -1;
    const block = blocks[bi];
    if (!block) continue;
    const grid = readLabelGrid(ctx.doc, i + 1, axesOf(block));
    if (!grid || grid.end >= range[1]) continue;
    const refs = block.rows.map((r) => rows.find((x) => x.blockIndex === bi && x.rowKey === r.key) as RowRef);
    if (refs.some((r) => found.has(r.rowKey))) continue;
    record(ctx, block, refs, grid);
    for (const r of refs) found.add(r.rowKey);
    skip.push([grid.start, grid.end]);
    i = grid.end;
  }
  return skip;
}

function record(ctx: ReadContext, block: ProactiveBlockDef, refs: readonly RowRef[], grid: LabelGrid): void {
  const C = block.columns.length;
  const paths: Path[] = refs.flatMap((r) => block.columns.map((c) => [TABLE, r.rowKey, c.key]));
  const tag = tableTag(TABLE);
  const name = { zh: `${tag.zh} ${block.caption.zh}`, en: `${tag.en}, ${block.caption.en}` };
  const source = refOf(ctx.doc, grid.start);
  const tokens = grid.readings[0] ?? [];
  take(ctx, grid.figures);
  if (grid.layout === "unmatched") {
    // Its cells stay unrecorded: unread.
    const figures = grid.figures.length;
    for (const r of refs)
      ctx.diags.emit(
        "table.labels-apart",
        { block: name, why: "count", figures, cells: paths.length },
        { path: [TABLE, r.rowKey], source },
      );
    return;
  }
  const readings = grid.readings.map(valuesOf);
  const weighed = weigh(ctx.evidence, paths, readings, (p) => ctx.cells.value(p));
  if (grid.layout === "columns") {
    paths.forEach((p, k) => {
      recordToken(ctx, p, tokens[k]);
    });
    ctx.diags.emit("table.cell-per-row", { table: name, layout: "grid" }, { path: [TABLE], source });
  } else if (weighed.readings.length === 1) {
    recordReadings(ctx, paths, weighed.readings, weighed.by ?? "order");
  } else {
    recordReadings(ctx, paths, readings, "order");
    refs.forEach((r, ri) => {
      const own = readings.map((x) => x.slice(ri * C, ri * C + C));
      if (new Set(own.map((x) => x.join(","))).size < 2) return;
      ctx.diags.emit(
        "table.labels-apart",
        { block: name, why: "order", figures: tokens.length, cells: paths.length },
        { path: [TABLE, r.rowKey], source, candidates: own },
      );
    });
  }
  const chosen = grid.readings.find((t) => valuesOf(t).join(",") === weighed.readings[0]?.join(",")) ?? tokens;
  if (grid.layout === "columns" || weighed.readings.length === 1)
    refs.forEach((r, ri) => {
      const own = chosen.slice(ri * C, ri * C + C);
      convertYuan(ctx, r, paths.slice(ri * C, ri * C + C), own, own[0]?.line ?? grid.start);
    });
}

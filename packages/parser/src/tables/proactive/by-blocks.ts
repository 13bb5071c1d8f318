/** Table 二 read by blocks when no row label stands beside the figures (strategy block-headers). */
import { APPLICANT_COLUMNS, APPLICANT_HEADER, type ProactiveBlockDef } from "@gov-report/core/lite";
import { tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { refOf, type Token } from "../../doc.js";
import { labelKey } from "../../normalize.js";
import { BlockScan } from "../../strategies/block-headers.js";
import { assign, isTaken } from "./assign.js";
import type { RowRef } from "./rows.js";

/** Table 三's header words (申请人情况, 自然人): where table 二's figures cannot be any more. */
const TABLE3_HEADER_KEYS = [APPLICANT_HEADER.zh, APPLICANT_COLUMNS[0]?.zh ?? APPLICANT_HEADER.zh].map(labelKey);

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
export function readByBlocks(
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
    // A figure a row took by its label is that row's, not one to hand out by order.
    for (const t of line.tokens) if (!isTaken(ctx, t)) scan.token(t, i);
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

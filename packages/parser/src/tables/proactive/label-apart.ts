/**
 * Table 二 rows whose label is printed a row apart from its figures (OCR converters): when the
 * order cannot tell which row the figures are, the rows say so (table 二 has no totals to decide).
 */
import type { Path } from "@gov-report/core/lite";
import { tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { refOf, type Token } from "../../doc.js";
import { recordReadings } from "../common.js";
import { assign } from "./assign.js";
import { type RowRef, rowOf } from "./rows.js";

const TABLE = "proactiveDisclosure";

/** Figures waiting for their row's label. */
export interface Pending {
  values: Token[];
  block: number;
  line: number;
}

const pathsOf = (r: RowRef) => r.block.columns.map((c): Path => [TABLE, r.rowKey, c.key]);

/** Both readings recorded for `row`, and said ambiguous at the row. */
function ambiguousRow(ctx: ReadContext, row: RowRef, readings: readonly number[][], line: number): void {
  recordReadings(ctx, pathsOf(row), readings, "order");
  ctx.diags.emit(
    "split.ambiguous",
    { row: rowOf(ctx, row), candidates: readings, why: "order" },
    { path: [TABLE, row.rowKey], source: refOf(ctx.doc, line), candidates: readings.map((r) => [...r]) },
  );
}

/**
 * A label-only row, label-less figures, the next row's label alone: the first label printed a
 * row early (the next row blank) or the second a row late (the first row blank). Both rows are
 * ambiguous unless the figures are all 0.
 */
export function earlyOrLate(ctx: ReadContext, first: RowRef, second: RowRef, line: number): void {
  const values = pathsOf(first).map((p) => ctx.cells.value(p) ?? 0);
  if (values.every((v) => v === 0)) {
    assign(ctx, second, [], undefined, line);
    return;
  }
  const zeros = values.map(() => 0);
  ambiguousRow(ctx, first, [values, zeros], line);
  ambiguousRow(ctx, second, [zeros, values], line);
}

/**
 * Label-less figures taken by a label printed a row apart from them (a label-only row before
 * them, or after them), and the block's row on the figures' other side never printed: the label
 * was printed a row early or late (that other row unprinted), or the label's row is blank and the
 * figures are the other row's with their label left out. Unless the figures are all 0, the row is
 * ambiguous and the other row stays unread.
 */
export function apartOrSkipped(ctx: ReadContext, row: RowRef, line: number): void {
  const values = pathsOf(row).map((p) => ctx.cells.value(p) ?? 0);
  if (values.every((v) => v === 0)) return;
  ambiguousRow(ctx, row, [values, values.map(() => 0)], line);
}

/**
 * Label-less figures no row took: a printed row of the table is one of its rows, so every row's
 * reading is in doubt (said at the table), and the figures are never dropped unsaid.
 */
export function reportUnplaced(ctx: ReadContext, p: Pending): void {
  ctx.diags.emit(
    "numbers.unassigned",
    { table: tableTag(TABLE), figures: p.values.map((t) => t.text).join(" ") },
    { path: [TABLE], source: refOf(ctx.doc, p.line) },
  );
}

/** Table 三 read in row order when its labels cannot place every row (strategy row-order). */
import { APPLICANT_COLUMNS, constraints, RULE_COLUMN_TOTAL } from "@gov-report/core/lite";
import { tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { refOf } from "../../doc.js";
import { rowCheck } from "../../solve/rows.js";
import { cutIntoRows, readSplitColumns } from "../../strategies/row-order.js";
import { recordReadings } from "../common.js";
import type { Group } from "../groups.js";
import { WIDTH } from "../groups.js";
import { addSingleOther } from "./single-other.js";
import { type RowSpec, rowName, rowPath, TABLE } from "./specs.js";

export interface ApplicationsResult {
  /** Groups seen (a hint for the edition when table 二 does not tell). */
  groups: number;
  singleOther: boolean;
  rowsFound: number;
}

/** Every table 三 row's total (the same shape for every row), from core's constraints. */
const rowAddsUp = rowCheck(
  constraints("2021"),
  APPLICANT_COLUMNS.map((c) => [TABLE, "received", c.key]),
);

/**
 * Plain PDF-to-text output often prints a wrapped row label after the table, away from its
 * figures, and may print a stretch of rows column by column (each column of a cell block is one
 * text flow: the 自然人 figures of nine rows, then the 商业企业 figures of the same rows…). When
 * the labels cannot be matched, the figures are read in order if there are exactly rows × 7 of
 * them and they cut into pieces — single rows, or blocks of n rows printed column by column — in
 * which every row's 总计 is the sum of its parts, and every column of （七）总计 adds up over the
 * result rows: that many equations leave no doubt about the reading.
 *
 * When the table runs onto a second page, the same output often gives that page's last columns
 * (其他, 总计) after all its other figures: the rows from some row on come with their first m
 * figures only, and their last 7 − m follow, in row order or again in column blocks. That reading
 * is tried for every first short row and every m, and taken only when exactly one fits.
 */
export function readInRowOrder(
  ctx: ReadContext,
  groups: readonly Group[],
  variants: readonly RowSpec[][],
  headerLine: number,
) {
  void ctx;
  const all: number[] = [];
  // Figures printed between the section heading and the table's column headers belong to the
  // table before (plain output can carry 表二's last column past the heading of 三).
  let early = 0;
  for (const g of groups) {
    for (const t of g.tokens) {
      if (t.kind !== "num" && t.kind !== "dash") return undefined;
      if (typeof t.value !== "number") return undefined;
      if (t.line < headerLine && early === all.length) early++;
      all.push(t.value);
    }
  }
  for (const specs of variants) {
    const values = all.length === specs.length * WIDTH + early ? all.slice(early) : all;
    if (values.length !== specs.length * WIDTH) continue;
    const total = specs.findIndex((s) => s.def.role === "outcomesTotal");
    const outcomes = specs.map((s, i) => (s.def.role === "outcome" ? i : -1)).filter((i) => i >= 0);
    const columnsAddUp = (rows: readonly number[][]) =>
      (rows[total] as number[]).every(
        (v, c) => outcomes.reduce((a, r) => a + ((rows[r] as number[])[c] as number), 0) === v,
      );
    const whole = cutIntoRows(values, WIDTH, (_, row) => rowAddsUp(row), columnsAddUp);
    if (whole.readings.length === 1 && whole.complete)
      return { specs, rows: whole.readings[0]?.rows as number[][], columnBlocks: whole.readings[0]?.columnBlocks ?? 0 };
    if (whole.readings.length > 1) continue;
    const split = readSplitColumns(values, specs.length, { width: WIDTH, rowAddsUp }, columnsAddUp);
    if (split) return { specs, ...split };
  }
  return undefined;
}

export function putInRowOrder(
  ctx: ReadContext,
  groups: readonly Group[],
  seq: { specs: RowSpec[]; rows: number[][]; columnBlocks: number; splits?: { row: number; columns: number }[] },
): ApplicationsResult {
  const single = seq.specs.some((s) => s.single);
  // Accepted only because every row total and every column of （七）总计 then adds up.
  seq.specs.forEach((spec, r) => {
    const paths = APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]);
    recordReadings(ctx, paths, [seq.rows[r] as number[]], RULE_COLUMN_TOTAL);
  });
  const source = groups[0] ? refOf(ctx.doc, groups[0].line) : undefined;
  const table = tableTag(TABLE);
  ctx.diags.emit(
    "row.by-order",
    seq.columnBlocks
      ? { row: table, how: "column-blocks", rows: seq.rows.length, blocks: seq.columnBlocks }
      : { row: table, how: "labels-apart", rows: seq.rows.length },
    { path: [TABLE], ...(source ? { source } : {}) },
  );
  for (const split of seq.splits ?? []) {
    const from = seq.specs[split.row] as RowSpec;
    ctx.diags.emit(
      "row.by-order",
      { row: rowName(ctx, from), how: "page-columns", columns: split.columns },
      { path: rowPath(from), ...(source ? { source } : {}) },
    );
  }
  if (single) addSingleOther(ctx, source);
  return { groups: groups.length, singleOther: single, rowsFound: seq.rows.length };
}

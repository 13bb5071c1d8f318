/**
 * The 2019 single （六） row printed in a 2021 report: its figures, the sum of the three 2021
 * sub-rows, go to the last sub-row, inferred; the other sub-rows stay unread unless 0.
 */
import { APPLICANT_COLUMNS, applicationRows } from "@gov-report/core/lite";
import type { ReadContext } from "../../context.js";
import type { refOf } from "../../doc.js";
import { TABLE } from "./specs.js";

/** The 2021 sub-rows of （六） that the 2019 single row does not split: left unread. */
export const OTHER = ["outcomes", "other"] as const;
export const SINGLE_OTHER_PARTS: readonly string[] = applicationRows("2021")
  .filter((r) => r.path.length === 3 && r.path[0] === OTHER[0] && r.path[1] === OTHER[1])
  .map((r) => r.path[2] as string)
  .slice(0, -1);

/**
 * The 2019 single （六） row inside a 2021 report: its figures (the sum of the three sub-rows)
 * are in the last sub-row, inferred. Counts are never negative, so where the single row says 0
 * every sub-row is 0; elsewhere the other two sub-rows stay unread.
 */
export function addSingleOther(ctx: ReadContext, source: ReturnType<typeof refOf> | undefined): void {
  const subRows = applicationRows("2021").filter((r) => r.path[0] === OTHER[0] && r.path[1] === OTHER[1]);
  const last = subRows.at(-1);
  let unread = false;
  for (const c of APPLICANT_COLUMNS) {
    const path = [TABLE, ...(last?.path ?? []), c.key];
    const v = ctx.cells.value(path);
    if (v === undefined) continue;
    if (ctx.cells.status(path)?.status === "printed") ctx.cells.inferred(path, v, SINGLE_OTHER);
    if (v === 0) for (const r of subRows.slice(0, -1)) ctx.cells.inferred([TABLE, ...r.path, c.key], 0, SINGLE_OTHER);
    else unread = true;
  }
  ctx.diags.emit(
    "row.single-other",
    { unread },
    { path: [TABLE, ...OTHER], ...(source ? { source } : {}), ...(unread ? {} : { severity: "info" as const }) },
  );
}

/** `by` of the single （六） row's figures put in the last 2021 sub-row. */
const SINGLE_OTHER = "row.single-other";

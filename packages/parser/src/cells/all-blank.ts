/**
 * A table whose every value cell is blank. Agencies leave a zero blank, but a whole table of
 * blanks is also what a reader sees when the figures are where it cannot look (form fields of a
 * reporting system, images, shapes): the reading holds, and is said, so a user checks the original.
 */
import { type Edition, numericCellsOf, type SectionKey } from "@gov-report/core/lite";
import type { Diagnostics } from "../diagnostics.js";
import { tableTag } from "./names.js";
import type { Provenance } from "./provenance.js";

/** Says each table of `edition` whose value cells are all blank in `provenance`. */
export function sayBlankTables(edition: Edition, provenance: Provenance, diags: Diagnostics): void {
  const cells = new Map<SectionKey, { all: number; blank: number }>();
  for (const cell of numericCellsOf(edition)) {
    const table = cell.path[0] as SectionKey;
    const count = cells.get(table) ?? { all: 0, blank: 0 };
    count.all++;
    if (provenance[cell.id]?.status === "blank") count.blank++;
    cells.set(table, count);
  }
  for (const [table, { all, blank }] of cells)
    if (all > 0 && blank === all)
      diags.emit("table.all-blank", { table: tableTag(table), cells: all }, { path: [table] });
}

/**
 * A table printed twice in its section — a portal page's desktop and mobile copies, both in the
 * page's markup — is read once: its range ends where its first row's label is printed again in a
 * table grid (the header rows of the copy above it left out too), and the copy is said. Reading
 * both, the later copy's figures overwrote or shifted the first's.
 */
import { APPLICATION_L1, type Edition, PROACTIVE_BLOCKS } from "@gov-report/core/lite";
import { tableTag } from "../cells/names.js";
import type { Diagnostics } from "../diagnostics.js";
import { refOf, type SourceDoc } from "../doc.js";
import { labelKey } from "../normalize.js";
import { isValue } from "./common.js";

type Table = "proactiveDisclosure" | "applications";

/** The label of the table's first row, as a key (规章; 一、本年新收政府信息公开申请数量). */
function firstRowKey(table: Table, edition: Edition): string {
  const zh = table === "applications" ? APPLICATION_L1.received.zh : (PROACTIVE_BLOCKS[edition][0]?.rows[0]?.zh ?? "");
  return labelKey(zh);
}

/** The first grid row from `from` whose own label is the key (its words start with it). */
function rowWithLabel(doc: SourceDoc, from: number, to: number, key: string): number {
  for (let i = from; i < to; i++) {
    const l = doc.lines[i];
    if (l?.tableRow && l.tokens.some((t) => !isValue(t) && labelKey(t.text) === key)) return i;
  }
  return -1;
}

/** The table's range up to its copy, if it is printed twice in grids. */
export function firstCopy(
  doc: SourceDoc,
  range: [number, number] | undefined,
  table: Table,
  edition: Edition,
  diags: Diagnostics,
): [number, number] | undefined {
  if (!range || !doc.positional) return range;
  const key = firstRowKey(table, edition);
  const first = rowWithLabel(doc, range[0], range[1], key);
  const again = first < 0 ? -1 : rowWithLabel(doc, first + 1, range[1], key);
  if (again < 0) return range;
  // The copy's own header rows (grid rows without figures) belong to it.
  let cut = again;
  while (cut - 1 > first && doc.lines[cut - 1]?.tableRow && !doc.lines[cut - 1]?.tokens.some(isValue)) cut--;
  diags.emit("table.repeated", { table: tableTag(table) }, { path: [table], source: refOf(doc, again) });
  return [range[0], cut];
}

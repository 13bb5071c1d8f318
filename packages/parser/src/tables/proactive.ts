/**
 * Table 二 主动公开政府信息情况: blocks under their 第二十条第（…）项 captions, rows found by
 * their labels, values mapped to the block's columns by position when the source has positions
 * (the scan: src/tables/proactive/). A table printed in the other edition's layout (a 2021 report
 * keeping the 2019 表二) is read in its own layout; the cells both editions have (行政许可、行政处罚、
 * 行政强制 处理决定数量) go to the report, the others stay unread.
 */
import { type Edition, numericCellsOf } from "@gov-report/core/lite";
import { CellBook } from "../cells/book.js";
import { cellName, tableName, tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import { refOf } from "../doc.js";
import { scanProactive } from "./proactive/stray.js";

const TABLE = "proactiveDisclosure";

export function readProactive(
  ctx: ReadContext,
  range: [number, number] | undefined,
  layout: Edition = ctx.edition,
): number {
  if (!range) {
    // Every cell stays unrecorded: the report gets them as unread.
    ctx.diags.emit("table.missing", { table: tableName(TABLE) }, { path: [TABLE] });
    return 0;
  }
  if (layout === ctx.edition) return scanProactive(ctx, range);
  const cells = new CellBook(layout);
  const found = scanProactive({ ...ctx, edition: layout, cells }, range);
  const shared = numericCellsOf(ctx.edition).filter((c) => c.path[0] === TABLE && ctx.cells.adopt(cells, c.path));
  const read = shared.map((c) => cellName(ctx.edition, c.path));
  ctx.diags.emit(
    "table.other-layout",
    { table: tableTag(TABLE), layout, edition: ctx.edition, read },
    { path: [TABLE], source: refOf(ctx.doc, range[0]) },
  );
  return found;
}

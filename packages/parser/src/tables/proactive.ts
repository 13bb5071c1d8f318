/**
 * Table 二 主动公开政府信息情况: blocks under their 第二十条第（…）项 captions, rows found by
 * their labels, values mapped to the block's columns by position when the source has positions
 * (the scan: src/tables/proactive/).
 */
import { tableName } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import { scanProactive } from "./proactive/stray.js";

export function readProactive(ctx: ReadContext, range: [number, number] | undefined): number {
  if (!range) {
    // Every cell stays unrecorded: the report gets them as unread.
    ctx.diags.emit("table.missing", { table: tableName("proactiveDisclosure") }, { path: ["proactiveDisclosure"] });
    return 0;
  }
  return scanProactive(ctx, range);
}

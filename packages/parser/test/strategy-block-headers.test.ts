/** Strategy "block headers": table 二's figures placed by the captions and column headers before them. */
import { PROACTIVE_BLOCKS } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { BlockScan } from "../src/strategies/block-headers.js";
import { tokenize } from "../src/tokens.js";

const blocks = PROACTIVE_BLOCKS["2021"];
const first = blocks[0];
if (!first) throw new Error("the 2021 edition has table 二 blocks");
const feed = (scan: BlockScan, text: string) => {
  for (const t of tokenize(text, 0)) scan.token(t, 0);
};
const values = (scan: BlockScan, block: number) =>
  scan.cells[block]?.map((row) => row.map((t) => (t ? t.value : undefined)));

describe("block headers", () => {
  it("fills a block's rows from the figures after its caption and headers", () => {
    const scan = new BlockScan(blocks);
    feed(scan, first.caption.zh);
    for (const c of first.columns) feed(scan, c.zh);
    feed(scan, "4 0 9 1 2 3");
    scan.flush();
    expect(values(scan, 0)).toEqual([
      [4, 0, 9],
      [1, 2, 3],
    ]);
  });

  it("fills only the columns whose headers came before the figures", () => {
    const scan = new BlockScan(blocks);
    feed(scan, first.caption.zh);
    feed(scan, first.columns[2]?.zh ?? "");
    feed(scan, "9 3");
    scan.flush();
    expect(values(scan, 0)).toEqual([
      [undefined, undefined, 9],
      [undefined, undefined, 3],
    ]);
  });

  it("a count of figures that is not rows × columns fills nothing", () => {
    const scan = new BlockScan(blocks);
    feed(scan, first.caption.zh);
    for (const c of first.columns) feed(scan, c.zh);
    feed(scan, "4 0 9 1 2");
    scan.flush();
    expect(
      values(scan, 0)
        ?.flat()
        .every((v) => v === undefined),
    ).toBe(true);
  });
});

/**
 * Table 二's rows as the scan sees them (core's blocks and labels), and how the words before a run
 * of figures are matched to a row: the label (or a variant) that ends them, column headers printed
 * between a label and its figures stripped.
 */
import { labelKeys, PROACTIVE_BLOCKS, type ProactiveBlockDef } from "@gov-report/core/lite";
import { cellName, rowNameOf } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import type { Named } from "../../diagnostics.js";
import type { Token } from "../../doc.js";
import { editDistance, labelKey } from "../../normalize.js";

export interface RowRef {
  block: ProactiveBlockDef;
  blockIndex: number;
  rowKey: string;
  zh: string;
  en: string;
  /** labelKey of the official label. */
  key: string;
  /** labelKeys of the official label and its variants (core's catalog), official first. */
  keys: readonly string[];
}

/** The block header word of the contents column (信息内容), from core. */
export const CONTENT_HEADER_KEY = labelKey(PROACTIVE_BLOCKS["2021"][0]?.contentHeader.zh ?? "");

/** Every row of the blocks, in printed order. */
export function rowRefs(blocks: readonly ProactiveBlockDef[]): RowRef[] {
  return blocks.flatMap((block, blockIndex) =>
    block.rows.map((r) => ({
      block,
      blockIndex,
      rowKey: r.key,
      zh: r.zh,
      en: r.en,
      key: labelKey(r.zh),
      keys: labelKeys(r),
    })),
  );
}

/** labelKey of every column header of table 二 (and 信息内容), longest first. */
export function columnHeaderKeys(blocks: readonly ProactiveBlockDef[]): string[] {
  const keys = new Set<string>([CONTENT_HEADER_KEY]);
  for (const b of blocks) for (const c of b.columns) keys.add(labelKey(c.zh));
  return [...keys].filter(Boolean).sort((a, b) => b.length - a.length);
}

export function endsWithHeader(key: string, headers: readonly string[]): boolean {
  return headers.some((h) => key.endsWith(h));
}

/** The key without the column headers at its end. */
export function stripTrailing(key: string, headers: readonly string[]): string {
  let k = key;
  for (let again = true; again; ) {
    again = false;
    for (const h of headers) {
      if (k.length > h.length && k.endsWith(h)) {
        k = k.slice(0, k.length - h.length);
        again = true;
        break;
      }
    }
  }
  return k;
}

/** The header keys stripTrailing removed from `raw` to leave `key`. */
export function stripped(raw: string, key: string, headers: readonly string[]): string[] {
  const out: string[] = [];
  let rest = raw.slice(key.length);
  while (rest) {
    const h = headers.find((x) => rest.startsWith(x));
    if (!h) break;
    out.push(h);
    rest = rest.slice(h.length);
  }
  return out;
}

export function headerPositions(tokens: readonly Token[], b: ProactiveBlockDef): number[] | undefined {
  const out: number[] = [];
  for (const c of b.columns) {
    const k = labelKey(c.zh).slice(0, 4);
    const t = tokens.find((x) => x.kind === "text" && x.pos !== undefined && labelKey(x.text).includes(k));
    if (!t) return undefined;
    out.push(t.pos as number);
  }
  // One text item holding several headers gives them one position: no use for placing figures.
  for (let i = 1; i < out.length; i++) if ((out[i] as number) <= (out[i - 1] as number)) return undefined;
  return out;
}

/** The row whose label (or a variant of it) ends the words, exactly or within a small edit distance. */
export function matchRowSuffix(
  key: string,
  rows: readonly RowRef[],
  block: number,
  found: ReadonlySet<string>,
): RowRef | undefined {
  let best: RowRef | undefined;
  let bestScore = 0;
  for (const r of rows) {
    if (found.has(r.rowKey)) continue;
    let score = 0;
    for (const k of r.keys) score = Math.max(score, suffixScore(key, k));
    if (score && r.blockIndex === block) score += 0.001;
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  return best;
}

/** 1 + length/100 when `label` ends `key` (longer labels win), 0.8 within a small edit distance. */
function suffixScore(key: string, label: string): number {
  if (key.endsWith(label)) return 1 + label.length / 100;
  const allowed = Math.min(2, Math.floor(label.length / 4));
  for (let len = label.length - allowed; allowed > 0 && len <= label.length + allowed; len++)
    if (len > 0 && len <= key.length && editDistance(key.slice(key.length - len), label, allowed) <= allowed)
      return 0.8;
  return 0;
}

/** The row's printed name, from core's cell names ("表二 行政规范性文件"). */
export function rowOf(ctx: ReadContext, row: RowRef): Named {
  const first = row.block.columns[0];
  return rowNameOf(cellName(ctx.edition, ["proactiveDisclosure", row.rowKey, first?.key ?? ""]));
}

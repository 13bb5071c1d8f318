/**
 * Strategy "label alignment": the printed rows of a table (groups of figures, each with the label
 * words printed before it) aligned with the form's rows in order, by the similarity of their
 * labels — Needleman–Wunsch, so that rows a document left out and groups that are no row are
 * found too. Order decides where labels are unreadable.
 */
import type { StrategyInfo } from "./strategy.js";

/** Labels sit beside their figures only where the source keeps rows apart by position. */
export const LATER_LABELS_FIRST: StrategyInfo = { name: "label-alignment:later-labels-first", needs: ["positions"] };

/** What the alignment needs of a group: its label words, and whether it is a label-only row. */
export interface LabelledGroup {
  before: string;
  blank?: boolean;
}

/**
 * A row whose cells are all blank prints no figures: the next row's figures then follow both
 * labels, and the earlier label, complete, would take them. When the words before a group hold a
 * row's whole label and, after it, the start of the next row's label, the group is the next
 * row's: the earlier row's similarity is cut (positional sources, where labels sit beside their
 * figures).
 */
export function laterLabelsFirst(
  keys: readonly string[],
  groups: readonly LabelledGroup[],
  sims: number[][],
): number[][] {
  const out = sims.map((row) => [...row]);
  for (let r = 0; r + 1 < keys.length; r++) {
    const own = keys[r] as string;
    const next = keys[r + 1] as string;
    if (own.length < 3 || next.length < 3) continue;
    groups.forEach((g, gi) => {
      const row = out[r] as number[];
      if ((row[gi] ?? 0) < 0.5 || ((sims[r + 1] as number[])[gi] ?? 0) < 0.5) return;
      const end = labelEnd(g.before, own);
      const start = end >= 0 ? g.before.indexOf(next.slice(0, 2), end + 1) : -1;
      if (start > end) row[gi] = (row[gi] as number) * 0.3;
    });
  }
  return out;
}

/**
 * Where `label` ends in `text`: from the last place its first two characters occur, its
 * characters matched in order, others skipped (a vertical label's characters are interleaved:
 * "禁止公果开"). -1 unless nine in ten of them are found.
 */
function labelEnd(text: string, label: string): number {
  let i = text.lastIndexOf(label.slice(0, 2));
  if (i < 0) return -1;
  let matched = 0;
  let end = -1;
  for (const ch of label) {
    const at = text.indexOf(ch, i);
    if (at < 0) continue;
    matched++;
    end = at;
    i = at + 1;
  }
  return matched >= 0.9 * label.length ? end : -1;
}

const skipCost = (g: LabelledGroup) => (g.blank ? 0 : 1);

export interface Alignment {
  score: number;
  pairs: { row: number; group: number; sim: number }[];
  missingRows: number[];
  extraGroups: number[];
}

/** A blank group is a row only when its label is that row's: a weaker label is someone else's. */
const BLANK_ROW_SIM = 0.5;

/** Score of matching a row with a group; a blank group that is not the row's label cannot match. */
function matchScore(g: LabelledGroup, sim: number): number {
  if (g.blank && sim < BLANK_ROW_SIM) return Number.NEGATIVE_INFINITY;
  return 1 + 2 * sim;
}

/**
 * Needleman–Wunsch: match = 1 + 2·similarity, a skipped row −1.5, a skipped group −1 (a skipped
 * blank group 0: a label printed apart from its figures is no row).
 */
export function align(rowCount: number, groups: readonly LabelledGroup[], sims: number[][]): Alignment {
  const R = rowCount;
  const G = groups.length;
  const dp: Float64Array[] = [];
  const from: Uint8Array[] = [];
  for (let i = 0; i <= R; i++) {
    dp.push(new Float64Array(G + 1));
    from.push(new Uint8Array(G + 1));
  }
  for (let i = 1; i <= R; i++) {
    (dp[i] as Float64Array)[0] = -1.5 * i;
    (from[i] as Uint8Array)[0] = 1;
  }
  for (let j = 1; j <= G; j++) {
    (dp[0] as Float64Array)[j] = ((dp[0] as Float64Array)[j - 1] as number) - skipCost(groups[j - 1] as LabelledGroup);
    (from[0] as Uint8Array)[j] = 2;
  }
  for (let i = 1; i <= R; i++) {
    for (let j = 1; j <= G; j++) {
      const m = (dp[i - 1] as Float64Array)[j - 1] as number;
      const match = m + matchScore(groups[j - 1] as LabelledGroup, (sims[i - 1] as number[])[j - 1] as number);
      const skipRow = ((dp[i - 1] as Float64Array)[j] as number) - 1.5;
      const skipGroup = ((dp[i] as Float64Array)[j - 1] as number) - skipCost(groups[j - 1] as LabelledGroup);
      let best = match;
      let f = 0;
      if (skipRow > best) {
        best = skipRow;
        f = 1;
      }
      if (skipGroup > best) {
        best = skipGroup;
        f = 2;
      }
      (dp[i] as Float64Array)[j] = best;
      (from[i] as Uint8Array)[j] = f;
    }
  }
  const pairs: Alignment["pairs"] = [];
  const missingRows: number[] = [];
  const extraGroups: number[] = [];
  let i = R;
  let j = G;
  while (i > 0 || j > 0) {
    const f = (from[i] as Uint8Array)[j];
    if (i > 0 && j > 0 && f === 0) {
      pairs.push({ row: i - 1, group: j - 1, sim: (sims[i - 1] as number[])[j - 1] as number });
      i--;
      j--;
    } else if (i > 0 && (j === 0 || f === 1)) {
      missingRows.push(--i);
    } else {
      extraGroups.push(--j);
    }
  }
  pairs.reverse();
  missingRows.reverse();
  extraGroups.reverse();
  return { score: (dp[R] as Float64Array)[G] as number, pairs, missingRows, extraGroups };
}

/** Similarity each label must have with the other's row for two matched rows to be swapped. */
const SWAP_SIM = 0.8;
/** Most similarity a match may have to be undone by a swap (its label is another row's). */
const SWAPPED_SIM = 0.5;

/**
 * Rows printed out of the format's order with their labels ((五)5 before (五)4): the alignment
 * keeps the order, so it matches each with the other's figures, both with labels unlike their
 * rows. Two such matches whose labels are each clearly the other's row are swapped, in place.
 * Returns the rows whose groups were swapped.
 */
export function swapCrossed(al: Alignment, sims: readonly (readonly number[])[]): number[] {
  const swapped: number[] = [];
  const weak = al.pairs.filter((p) => p.sim < SWAPPED_SIM);
  for (const [i, a] of weak.entries()) {
    for (const b of weak.slice(i + 1)) {
      if (a.sim >= SWAPPED_SIM || b.sim >= SWAPPED_SIM) continue;
      const ab = sims[a.row]?.[b.group] ?? 0;
      const ba = sims[b.row]?.[a.group] ?? 0;
      if (ab < SWAP_SIM || ba < SWAP_SIM) continue;
      [a.group, b.group, a.sim, b.sim] = [b.group, a.group, ab, ba];
      swapped.push(a.row, b.row);
    }
  }
  al.pairs.sort((x, y) => x.row - y.row);
  return swapped;
}

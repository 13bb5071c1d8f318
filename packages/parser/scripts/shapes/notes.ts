/**
 * Shape (d): cells that carry a note after their figure, as agencies annotate them:
 * `18（其中修订5件）` under 本年制发件数, `41（含自然失效12件）` under 现行有效件数, and now and then a
 * figure of 表三. The figure is the cell; the note never changes it (it is at most the figure).
 */
import type { GridCell } from "./grid.js";
import { between, chance, pick, type Rand } from "./random.js";

const NOTES = [(k: number) => `（其中修订${k}件）`, (k: number) => `（含自然失效${k}件）`, (k: number) => `(含${k}件)`];

/** A figure rewriter that adds a note to some cells holding 2 or more. */
export function withNotes(rand: Rand): (cell: GridCell, printed: string) => string {
  return (cell, printed) => {
    if (cell.kind !== "count" || cell.value < 2) return printed;
    // Notes on 表二 are on 第二十条第（一）项's documents: revisions, documents lapsed.
    const table2 =
      cell.path[0] === "proactiveDisclosure" && ["rules", "normativeDocuments"].includes(String(cell.path[1]));
    if (!chance(rand, table2 ? 0.6 : 0.04)) return printed;
    return `${printed}${pick(rand, NOTES)(between(rand, 1, cell.value - 1))}`;
  };
}

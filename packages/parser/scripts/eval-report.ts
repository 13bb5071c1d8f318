/** The per-shape table of scripts/eval.ts and its comparison with the committed baseline. */

export interface ShapeTotals {
  files: number;
  right: number;
  total: number;
  /** Wrong cells that carry no flag (no unread/ambiguous/inferred status, no diagnostic at cell, row or table). */
  unflagged: number;
}

export interface Baseline {
  shapes: Record<string, ShapeTotals>;
}

const pct = (t: ShapeTotals) => `${((100 * t.right) / t.total).toFixed(2)}%`;

/** The table printed at the end of a run (and copied into docs/benchmarks.md). */
export function shapeTable(shapes: ReadonlyMap<string, ShapeTotals>): string[] {
  const lines = ["| shape | files | cells right | wrong | wrong without a flag |", "|---|---:|---:|---:|---:|"];
  let all: ShapeTotals = { files: 0, right: 0, total: 0, unflagged: 0 };
  for (const [shape, t] of [...shapes].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`| ${shape} | ${t.files} | ${t.right}/${t.total} (${pct(t)}) | ${t.total - t.right} | ${t.unflagged} |`);
    all = {
      files: all.files + t.files,
      right: all.right + t.right,
      total: all.total + t.total,
      unflagged: all.unflagged + t.unflagged,
    };
  }
  lines.push(
    `| all | ${all.files} | ${all.right}/${all.total} (${pct(all)}) | ${all.total - all.right} | ${all.unflagged} |`,
  );
  return lines;
}

/**
 * What got worse against the baseline: a shape reading fewer cells right, or more wrong cells
 * without a flag, or a shape of the baseline no longer evaluated. A shape new since the baseline
 * is not a regression (it has nothing to regress from); --update-baseline records it.
 */
export function compareBaseline(shapes: ReadonlyMap<string, ShapeTotals>, baseline: Baseline): string[] {
  const out: string[] = [];
  for (const [shape, was] of Object.entries(baseline.shapes)) {
    const now = shapes.get(shape);
    if (!now) out.push(`${shape}: no longer evaluated (baseline ${was.files} files)`);
    else {
      if (now.right < was.right) out.push(`${shape}: ${now.right} cells right, baseline ${was.right}`);
      if (now.unflagged > was.unflagged)
        out.push(`${shape}: ${now.unflagged} wrong cells without a flag, baseline ${was.unflagged}`);
    }
  }
  return out;
}

/**
 * The draft being edited: a report that may hold blank (null) cells, the totals mode and whether
 * it changed since it was last written to a file. Pure functions: every edit returns a new draft.
 */
import {
  cellsOf,
  computeTotals,
  createEmptyReport,
  type Edition,
  editionForYear,
  getAt,
  type Path,
  type Report,
  setAt,
  sharedCells,
} from "@gov-report/core/lite";

/** A report as the form holds it: numeric cells may be null while blank. */
export type DraftReport = Record<string, unknown> & { edition: Edition };

export interface Draft {
  report: DraftReport;
  /** When false, every 总计 is computed from its parts; when true the printed figure is typed. */
  manualTotals: boolean;
  /** Changed since it was last saved to or opened from a file. */
  dirty: boolean;
}

export function newDraft(year = new Date().getFullYear() - 1, edition?: Edition): Draft {
  const report = createEmptyReport({ year, edition: edition ?? editionForYear(year) });
  return { report: report as unknown as DraftReport, manualTotals: false, dirty: false };
}

/** Every 总计 recomputed from its parts (blank parts count as 0). */
export function withTotals(report: DraftReport): DraftReport {
  return computeTotals(report as unknown as Report) as unknown as DraftReport;
}

/** Sets one value; in automatic mode the totals follow. */
export function setValue(draft: Draft, path: Path, value: unknown): Draft {
  return setValues(draft, [{ path, value }]);
}

/** Sets several values at once (a pasted row), then the totals once. */
export function setValues(draft: Draft, edits: readonly { path: Path; value: unknown }[]): Draft {
  const report = structuredClone(draft.report);
  for (const e of edits) setAt(report, e.path, e.value);
  return { ...draft, report: draft.manualTotals ? report : withTotals(report), dirty: true };
}

/** Paths of the 总计 cells whose value differs from the sum of their parts. */
export function totalsThatDiffer(report: DraftReport): Path[] {
  const computed = withTotals(report);
  const out: Path[] = [];
  for (const cell of cellsOf(report.edition)) {
    if (cell.sums && getAt(report, cell.path) !== getAt(computed, cell.path)) out.push(cell.path);
  }
  return out;
}

/** Switches the totals mode; turning automatic totals back on recomputes them. */
export function setManualTotals(draft: Draft, manual: boolean): Draft {
  if (manual === draft.manualTotals) return draft;
  if (manual) return { ...draft, manualTotals: true };
  const report = withTotals(draft.report);
  return { ...draft, manualTotals: false, report, dirty: draft.dirty || totalsThatDiffer(draft.report).length > 0 };
}

const isFilled = (v: unknown) => (typeof v === "number" ? v !== 0 : typeof v === "string" ? v.trim() !== "" : false);

/**
 * Cells of the current edition that the other edition does not have and that hold something.
 * Computed totals are not counted: nobody typed them.
 */
export function cellsLostBySwitch(draft: Draft, to: Edition): string[] {
  const report = draft.report;
  if (to === report.edition) return [];
  const shared = new Set(sharedCells().map((c) => c.id));
  return cellsOf(report.edition)
    .filter((c) => !shared.has(c.id) && (draft.manualTotals || !c.sums) && isFilled(getAt(report, c.path)))
    .map((c) => c.id);
}

/** The report in the other edition: what both editions share is kept, the rest starts at 0. */
export function switchEdition(draft: Draft, to: Edition): Draft {
  const from = draft.report;
  if (to === from.edition) return draft;
  const year = typeof from.year === "number" ? from.year : new Date().getFullYear() - 1;
  const report = createEmptyReport({ edition: to, year }) as unknown as DraftReport;
  report.year = from.year;
  setAt(report, ["agency", "name"], getAt(from, ["agency", "name"]) ?? "");
  for (const c of sharedCells()) setAt(report, c.path, getAt(from, c.path));
  return { ...draft, report: draft.manualTotals ? report : withTotals(report), dirty: true };
}

/**
 * A stored draft read back: rebuilt cell by cell on an empty report of its edition, so a stale
 * or hand-edited localStorage entry cannot give the form a shape it does not know.
 */
export function restoreDraft(stored: unknown): Draft | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const s = stored as Record<string, unknown>;
  const r = s.report as Record<string, unknown> | undefined;
  if (typeof r !== "object" || r === null || (r.edition !== "2019" && r.edition !== "2021")) return undefined;
  const edition = r.edition;
  const report = createEmptyReport({ edition, year: 2000 }) as unknown as DraftReport;
  report.year = typeof r.year === "number" || r.year === null ? r.year : null;
  const name = getAt(r, ["agency", "name"]);
  setAt(report, ["agency", "name"], typeof name === "string" ? name : "");
  for (const c of cellsOf(edition)) {
    const v = getAt(r, c.path);
    if (c.kind === "text") setAt(report, c.path, typeof v === "string" ? v : "");
    else setAt(report, c.path, typeof v === "number" && Number.isFinite(v) ? v : null);
  }
  return { report, manualTotals: s.manualTotals === true, dirty: s.dirty === true };
}

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
import { META } from "./meta.js";

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
  for (const p of textHeaderPaths(to)) {
    const v = getAt(from, p);
    if (typeof v === "string") setAt(report, p, v);
  }
  for (const c of sharedCells()) setAt(report, c.path, getAt(from, c.path));
  return { ...draft, report: draft.manualTotals ? report : withTotals(report), dirty: true };
}

/** Header fields that are plain text (agency name, and the signature once core's metadata has it). */
function textHeaderPaths(edition: Edition): Path[] {
  return META.editions[edition].header.filter((h) => h.kind !== "edition" && h.kind !== "integer").map((h) => h.path);
}

/**
 * Sets a header field. A field of an optional group (the signature, `{ agency, date }`) creates the
 * whole group with its other fields blank, and the group is dropped again once every field of it is
 * blank: an untouched signature is absent, as in a report that has none.
 */
export function setHeaderValue(draft: Draft, path: Path, value: string | number | null): Draft {
  const group = path.length > 1 && path[0] !== "agency" ? path[0] : undefined;
  if (group === undefined) return setValue(draft, path, value);
  const report = structuredClone(draft.report);
  const members = textHeaderPaths(report.edition).filter((p) => p[0] === group);
  for (const p of members) if (typeof getAt(report, p) !== "string") setAt(report, p, "");
  setAt(report, path, value);
  if (members.every((p) => String(getAt(report, p) ?? "").trim() === "")) delete report[group as string];
  return { ...draft, report, dirty: true };
}

/** Drops the provenance of cells the user has now typed: what they typed is no longer "unread". */
export function withoutProvenance(report: DraftReport, ids: readonly string[]): DraftReport {
  const prov = report.provenance as Record<string, unknown> | undefined;
  if (!prov || !ids.some((id) => id in prov)) return report;
  const next = { ...prov };
  for (const id of ids) delete next[id];
  const out = { ...report, provenance: next };
  if (Object.keys(next).length === 0) delete (out as Record<string, unknown>).provenance;
  return out;
}

const STATUSES = new Set(["printed", "blank", "inferred", "ambiguous", "unread"]);

/** A stored provenance map, keeping only well-formed entries of known cells. */
function restoreProvenance(v: unknown, known: Set<string>): Record<string, unknown> | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [id, p] of Object.entries(v)) {
    const status = (p as { status?: unknown } | null)?.status;
    if (known.has(id) && typeof status === "string" && STATUSES.has(status)) out[id] = p;
  }
  return Object.keys(out).length ? out : undefined;
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
  for (const p of textHeaderPaths(edition)) {
    const v = getAt(r, p);
    if (typeof v === "string") setAt(report, p, v);
  }
  if (typeof getAt(report, ["agency", "name"]) !== "string") setAt(report, ["agency", "name"], "");
  const cells = cellsOf(edition);
  for (const c of cells) {
    const v = getAt(r, c.path);
    if (c.kind === "text") setAt(report, c.path, typeof v === "string" ? v : "");
    else setAt(report, c.path, typeof v === "number" && Number.isFinite(v) ? v : null);
  }
  const provenance = restoreProvenance(r.provenance, new Set(cells.map((c) => c.id)));
  if (provenance) report.provenance = provenance;
  return { report, manualTotals: s.manualTotals === true, dirty: s.dirty === true };
}

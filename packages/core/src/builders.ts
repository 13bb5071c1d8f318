/** Builders: an empty report of an edition, totals recomputed from their parts. */
import { type Edition, SECTIONS } from "./catalog.js";
import { cellsOf, getAt, type Path, setAt } from "./cells.js";
import { totalFormulas } from "./constraints.js";
import type { Report, Report2019, Report2021 } from "./schema.js";

/** The edition of the official format that applies to a report year: 2019 for 2019–2020, 2021 from 2021. */
export function editionForYear(year: number): Edition {
  return year >= 2021 ? "2021" : "2019";
}

export interface EmptyReportOptions {
  edition?: Edition;
  year: number;
  agencyName?: string;
}

/** A report with every count 0, every text "", in the edition's shape. */
export function createEmptyReport(options: EmptyReportOptions & { edition: "2019" }): Report2019;
export function createEmptyReport(options: EmptyReportOptions & { edition: "2021" }): Report2021;
export function createEmptyReport(options: EmptyReportOptions): Report;
export function createEmptyReport({ edition, year, agencyName = "" }: EmptyReportOptions): Report {
  const report = copyTree(skeleton(edition ?? editionForYear(year))) as Record<string, unknown>;
  report.year = year;
  report.agency = { name: agencyName };
  return report as unknown as Report;
}

const SKELETONS = new Map<Edition, Record<string, unknown>>();

/** The empty report of an edition, built once from the cell list (the parser starts every parse from it). */
function skeleton(edition: Edition): Record<string, unknown> {
  let report = SKELETONS.get(edition);
  if (!report) {
    report = { edition, year: 0, agency: { name: "" } };
    // Keep the documented key order: sections in printed order.
    for (const s of SECTIONS) report[s.key] = s.kind === "text" ? "" : {};
    for (const cell of cellsOf(edition)) {
      if (cell.kind !== "text") setAt(report, cell.path, 0);
    }
    SKELETONS.set(edition, report);
  }
  return report;
}

/** A copy of a tree of plain objects, numbers and strings, keys in the same order. */
function copyTree(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = copyTree((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * A copy of the report with every 总计 recomputed from its parts, by the sum constraints of
 * `totalFormulas(edition)`: each row total of 表三, the （七）总计 row, and each group total of 表四.
 * Other cells are kept as they are.
 */
export function computeTotals<R extends Report>(report: R): R {
  const copy = structuredClone(report) as R;
  for (const c of totalFormulas(copy.edition)) {
    setAt(copy as unknown as Record<string, unknown>, c.total as Path, sumAt(copy, c.parts ?? []));
  }
  return copy;
}

/** Sum of the numbers at the given paths (anything not a finite number counts as 0). */
export function sumAt(obj: unknown, paths: readonly Path[]): number {
  let s = 0;
  for (const p of paths) {
    const v = getAt(obj, p);
    if (typeof v === "number" && Number.isFinite(v)) s += v;
  }
  return s;
}

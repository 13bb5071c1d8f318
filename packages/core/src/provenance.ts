/**
 * Cell provenance: how each value of a report read from a document was obtained. A parsed report
 * carries it in its optional top-level `provenance` key; a typed or hand-made report need not.
 * A cell marked `unread` or `ambiguous` holds 0 only as a placeholder, and validateReport reports
 * it as an error, so every consumer sees it as unknown rather than as a printed 0.
 */
import { EDITIONS, type Edition } from "./catalog.js";
import { cellAt, cellsOf, type Path } from "./cells.js";

/**
 * How a cell's value was obtained:
 * - `printed`: read as printed in the source;
 * - `blank`: the source cell is empty (the report holds 0 for it, and says so here);
 * - `inferred`: not printed legibly, decided by a constraint or by evidence (see `by`);
 * - `ambiguous`: several values fit (see `candidates`); the report holds a placeholder;
 * - `unread`: the source gave nothing for it; the report holds a placeholder 0.
 */
export type CellStatus = "printed" | "blank" | "inferred" | "ambiguous" | "unread";

/** Every {@link CellStatus}, in order from most to least certain. */
export const CELL_STATUSES: readonly CellStatus[] = ["printed", "blank", "inferred", "ambiguous", "unread"];

/** The provenance of one cell. */
export interface CellProvenance {
  status: CellStatus;
  /** For `inferred`: the rule code of the constraint, or the name of the evidence, that decided it. */
  by?: string;
  /** For `ambiguous`: the values this cell could have. */
  candidates?: number[];
  /** A note printed in the cell, e.g. "其中修订5件". */
  note?: string;
}

/** Provenance of a report's cells, keyed by cell id (the cell path joined with ".", `CellDef.id`). */
export type Provenance = Record<string, CellProvenance>;

/** A cell whose value is not known: it holds a placeholder, not a figure. */
export interface CellNeedingReading {
  /** The cell id (`CellDef.id`). */
  id: string;
  /** The cell path in the report. */
  path: Path;
  status: "unread" | "ambiguous";
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The edition whose cell ids a provenance map uses: the report's own, else any edition that knows the id. */
function editionOf(report: Record<string, unknown>): Edition | undefined {
  const e = report.edition;
  return e === "2019" || e === "2021" ? e : undefined;
}

/**
 * The status recorded for a cell in a report's provenance, if any. Never throws: anything that is
 * not a well-formed entry counts as no entry.
 */
export function cellStatus(report: unknown, id: string): CellStatus | undefined {
  try {
    return statusOf(report, id);
  } catch {
    return undefined; // a host object that throws on access: no readable entry
  }
}

function statusOf(report: unknown, id: string): CellStatus | undefined {
  if (!isRecord(report) || !isRecord(report.provenance) || !Object.hasOwn(report.provenance, id)) return undefined;
  const entry = report.provenance[id];
  if (!isRecord(entry)) return undefined;
  const status = entry.status;
  return typeof status === "string" && (CELL_STATUSES as readonly string[]).includes(status)
    ? (status as CellStatus)
    : undefined;
}

/**
 * The cells of a report that are `unread` or `ambiguous` in its provenance, in printed order.
 * Entries naming no cell of the report's edition are left out (validateReport reports them).
 * Never throws; a report without provenance has none.
 */
export function cellsNeedingReading(report: unknown): CellNeedingReading[] {
  try {
    return needingReading(report);
  } catch {
    // Only a host object (a getter or Proxy that throws) gets here; JSON never does.
    return [];
  }
}

function needingReading(report: unknown): CellNeedingReading[] {
  if (!isRecord(report) || !isRecord(report.provenance)) return [];
  const edition = editionOf(report);
  const out: CellNeedingReading[] = [];
  const editions = edition ? [edition] : EDITIONS;
  const ed = editions.find((e) => Object.keys(report.provenance as object).some((id) => cellAt(e, id.split("."))));
  if (!ed) return out;
  for (const cell of cellsOf(ed)) {
    const status = cellStatus(report, cell.id);
    if (status === "unread" || status === "ambiguous") out.push({ id: cell.id, path: cell.path, status });
  }
  return out;
}

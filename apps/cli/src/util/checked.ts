/**
 * Validation of a report value, done once per input wherever it was read (the main thread for
 * JSON, a parse worker for documents), with the cells its provenance marks as unread or ambiguous.
 * validateReport reports those cells as errors (`cell.unread`, `cell.ambiguous`); the list is kept
 * besides so that `aggregate` and `export` can name and mark them.
 */
import * as core from "@gov-report/core/lite";
import { type Path, type ValidationResult, validateReport } from "@gov-report/core/lite";

export interface CellToRead {
  id: string;
  path: Path;
  status: "unread" | "ambiguous";
}

export interface Checked {
  validation: ValidationResult;
  needsReading: CellToRead[];
}

type NeedsReadingFn = (report: unknown) => CellToRead[];
// Looked up on the namespace: core gained provenance in the same release, and a CLI built against
// an older core still runs (with nothing to read).
const cellsNeedingReading = (core as unknown as Record<string, unknown>).cellsNeedingReading as
  | NeedsReadingFn
  | undefined;

/** The cells of a report value that its provenance marks as unread or ambiguous. */
export function needsReading(value: unknown): CellToRead[] {
  try {
    return cellsNeedingReading ? cellsNeedingReading(value) : [];
  } catch {
    // documented never to throw; a report value is untrusted all the same
    return [];
  }
}

export function checkValue(value: unknown): Checked {
  return { validation: validateReport(value), needsReading: needsReading(value) };
}

export const UNREAD_CODES: ReadonlySet<string> = new Set(["cell.unread", "cell.ambiguous"]);

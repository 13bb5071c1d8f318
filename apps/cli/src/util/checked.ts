/**
 * Validation of a report value, done once per input wherever it was read (the main thread for
 * JSON, a parse worker for documents), with the cells its provenance marks as unread or ambiguous.
 * validateReport reports those cells as errors (`cell.unread`, `cell.ambiguous`); the list is kept
 * besides so that `aggregate` and `export` can name and mark them.
 */
import {
  type CellNeedingReading,
  cellsNeedingReading,
  type ValidationResult,
  validateReport,
} from "@gov-report/core/lite";

export type CellToRead = CellNeedingReading;

export interface Checked {
  validation: ValidationResult;
  needsReading: CellToRead[];
}

/** The cells of a report value that its provenance marks as unread or ambiguous. */
export function needsReading(value: unknown): CellToRead[] {
  try {
    return cellsNeedingReading(value);
  } catch {
    // documented never to throw; a report value is untrusted all the same
    return [];
  }
}

export function checkValue(value: unknown): Checked {
  return { validation: validateReport(value), needsReading: needsReading(value) };
}

/** What every table reader works with: the lines, the diagnostics, the cells read so far. */
import type { Edition } from "@gov-report/core/lite";
import type { CellBook } from "./cells/book.js";
import type { Diagnostics } from "./diagnostics.js";
import type { SourceDoc } from "./doc.js";
import type { Evidence } from "./evidence/evidence.js";

export interface ReadContext {
  doc: SourceDoc;
  diags: Diagnostics;
  cells: CellBook;
  edition: Edition;
  /** Figures known from outside the table: the report's own text, last year's report. */
  evidence: Evidence;
}

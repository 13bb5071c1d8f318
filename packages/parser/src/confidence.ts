/**
 * How far a parsed report can be trusted: the share of its value cells that are printed (or
 * blank) AND consistent with every equation of the format they take part in. The equations are
 * checked once, by core's validateReport on the parsed report (the parser's one validation of it):
 * a cell is inconsistent when a constraint issue (a rule of constraints(edition)) names it, at
 * its path or among its related cells. The validator checks an equation only when all its cells
 * were read (printed, blank or inferred): one with an unread or ambiguous cell neither confirms
 * nor breaks the others. A report with a table none of whose cells could be read never scores
 * above UNREAD_TABLE_CAP; an input that could not be read at all scores 0.
 */
import {
  constraints,
  type Edition,
  numericCellsOf,
  type Provenance,
  type ValidationResult,
} from "@gov-report/core/lite";
import type { Diagnostic } from "./types.js";

/** The highest confidence of a report with a whole table unread. */
export const UNREAD_TABLE_CAP = 0.5;

const FATAL = new Set(["input.unreadable", "input.too-large", "input.no-text-layer", "input.not-a-report"]);

/** The rule codes of the equations of an edition (表三 row/column totals, balance, 表四 totals). */
const EQUATION_CODES = new Map<Edition, ReadonlySet<string>>();
function equationCodes(edition: Edition): ReadonlySet<string> {
  let codes = EQUATION_CODES.get(edition);
  if (!codes) {
    codes = new Set(constraints(edition).map((c) => c.code));
    EQUATION_CODES.set(edition, codes);
  }
  return codes;
}

/** Ids of the cells a broken equation names (the cell it is reported at and the related ones). */
function brokenCells(edition: Edition, validation: ValidationResult): Set<string> {
  const codes = equationCodes(edition);
  const broken = new Set<string>();
  for (const issue of validation.issues) {
    if (!codes.has(issue.code)) continue;
    broken.add(issue.path.join("."));
    for (const p of issue.related) broken.add(p.join("."));
  }
  return broken;
}

export function confidenceOf(
  edition: Edition,
  validation: ValidationResult,
  provenance: Provenance,
  diagnostics: readonly Diagnostic[],
): number {
  if (diagnostics.some((d) => FATAL.has(d.code))) return 0;
  const cells = numericCellsOf(edition);
  if (!cells.length) return 0;
  const broken = brokenCells(edition, validation);
  let good = 0;
  const unreadBySection = new Map<string, { unread: number; all: number }>();
  for (const cell of cells) {
    const s = provenance[cell.id]?.status;
    if ((s === "printed" || s === "blank") && !broken.has(cell.id)) good++;
    const tally = unreadBySection.get(cell.section) ?? { unread: 0, all: 0 };
    tally.all++;
    if (s === "unread") tally.unread++;
    unreadBySection.set(cell.section, tally);
  }
  let c = good / cells.length;
  if ([...unreadBySection.values()].some((t) => t.unread === t.all)) c = Math.min(c, UNREAD_TABLE_CAP);
  return Math.round(c * 100) / 100;
}

/**
 * How far a parsed report can be trusted: the share of its value cells that are printed (or
 * blank) AND consistent with every equation of the format they take part in (no equation whose
 * cells were all read — printed, blank or inferred — fails). A report with a table
 * none of whose cells could be read never scores above UNREAD_TABLE_CAP; an input that could not
 * be read at all scores 0.
 */
import { constraints, type Edition, numericCellsOf, type Path, type Provenance } from "@gov-report/core/lite";
import type { Diagnostic } from "./types.js";

/** The highest confidence of a report with a whole table unread. */
export const UNREAD_TABLE_CAP = 0.5;

const FATAL = new Set(["input.unreadable", "input.too-large", "input.no-text-layer", "input.not-a-report"]);
const idOf = (p: Path) => p.join(".");

export function confidenceOf(
  edition: Edition,
  value: (path: Path) => number | undefined,
  provenance: Provenance,
  diagnostics: readonly Diagnostic[],
): number {
  if (diagnostics.some((d) => FATAL.has(d.code))) return 0;
  const cells = numericCellsOf(edition);
  if (!cells.length) return 0;
  const status = (p: Path) => provenance[idOf(p)]?.status;
  const settled = (p: Path) => {
    const s = status(p);
    return s === "printed" || s === "blank" || s === "inferred";
  };
  const broken = new Set<string>();
  for (const c of constraints(edition)) {
    let sum = 0;
    let known = true;
    for (const t of c.terms) {
      known &&= settled(t.path);
      sum += t.coef * (value(t.path) ?? 0);
    }
    // An equation with a cell not read cannot be checked: it neither confirms nor breaks the others.
    if (!known || Math.abs(sum) < 1e-6) continue;
    for (const t of c.terms) broken.add(idOf(t.path));
  }
  let good = 0;
  const unreadBySection = new Map<string, { unread: number; all: number }>();
  for (const cell of cells) {
    const s = status(cell.path);
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

/**
 * The cells a reading produced, each with its provenance: printed, blank, inferred (by a named
 * constraint or evidence), ambiguous (with candidates) or unread. The table readers record every
 * value here; the report gets the values at the end, and every value cell nobody recorded is
 * unread — the reading cannot leave a cell at 0 without saying so.
 */
import { type Edition, numericCellsOf, type Path } from "@gov-report/core/lite";
import type { CellProvenance, Provenance } from "./provenance.js";

/** Ids of path arrays built once and used for every report (a table's cell paths). */
const IDS = new WeakMap<Path, string>();

/** Remembers the ids of long-lived path arrays, so that recording their cells joins no strings. */
export function rememberPaths(paths: readonly Path[]): void {
  for (const p of paths) IDS.set(p, p.join("."));
}

const idOf = (path: Path) => IDS.get(path) ?? path.join(".");

export class CellBook {
  private readonly values = new Map<string, number>();
  private readonly prov = new Map<string, CellProvenance>();

  constructor(readonly edition: Edition) {}

  /** A figure read as printed; `note` is a note printed in the cell ("其中修订5件"). */
  printed(path: Path, value: number, note?: string): void {
    // No spread: a cell is recorded for every figure of every parse.
    this.set(path, value, note ? { status: "printed", note } : { status: "printed" });
  }

  /** The source cell is empty (or holds a dash): stored as 0, said to be blank. */
  blank(path: Path): void {
    this.set(path, 0, { status: "blank" });
  }

  /** Not legible as printed, decided by a constraint (its rule code) or evidence (its name). */
  inferred(path: Path, value: number, by: string): void {
    this.set(path, value, { status: "inferred", by });
  }

  /** Several values fit: the report holds 0 as a placeholder, the candidates say which. */
  ambiguous(path: Path, candidates: readonly number[]): void {
    this.set(path, 0, { status: "ambiguous", candidates: [...new Set(candidates)].sort((a, b) => a - b) });
  }

  /** Nothing was read for the cell: 0 as a placeholder. */
  unread(path: Path): void {
    this.set(path, 0, { status: "unread" });
  }

  /** Adds a printed note to a cell already recorded. */
  note(path: Path, note: string): void {
    const p = this.prov.get(idOf(path));
    if (p) p.note = p.note ? `${p.note}；${note}` : note;
  }

  /** Changes the unit of a recorded cell (元 → 万元): its value and candidates, status kept. */
  scale(path: Path, factor: number): void {
    const id = idOf(path);
    const v = this.values.get(id);
    if (v === undefined) return;
    this.values.set(id, scaled(v, factor));
    const p = this.prov.get(id);
    if (p?.candidates) p.candidates = p.candidates.map((c) => scaled(c, factor));
  }

  /** The cell as `other` recorded it (a table read in another edition's layout); false when it did not. */
  adopt(other: CellBook, path: Path): boolean {
    const id = idOf(path);
    const v = other.values.get(id);
    const p = other.prov.get(id);
    if (v === undefined || !p) return false;
    this.values.set(id, v);
    this.prov.set(id, { ...p });
    return true;
  }

  has(path: Path): boolean {
    return this.values.has(idOf(path));
  }

  value(path: Path): number | undefined {
    return this.values.get(idOf(path));
  }

  status(path: Path): CellProvenance | undefined {
    return this.prov.get(idOf(path));
  }

  private set(path: Path, value: number, p: CellProvenance): void {
    const id = idOf(path);
    this.values.set(id, value);
    this.prov.set(id, p);
  }

  /**
   * Writes every numeric cell of the edition into `report` (unrecorded cells as unread 0) and
   * returns the provenance, keyed by cell id in printed order.
   */
  writeInto(report: Record<string, unknown>): Provenance {
    const out: Provenance = {};
    for (const cell of numericCellsOf(this.edition)) {
      if (!this.values.has(cell.id)) this.unread(cell.path);
      put(report, cell.path, this.values.get(cell.id) as number);
      out[cell.id] = this.prov.get(cell.id) as CellProvenance;
    }
    return out;
  }
}

/** Writes a value at a catalog path (paths come from core's catalog, never from the input). */
function put(obj: Record<string, unknown>, path: Path, value: unknown): void {
  let cur = obj as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string | number;
    let next = cur[k];
    if (next === null || typeof next !== "object") {
      next = {};
      cur[k] = next;
    }
    cur = next as Record<string | number, unknown>;
  }
  cur[path[path.length - 1] as string | number] = value;
}

/**
 * A figure times a unit's factor, without the binary noise of the product (23456.0712, not
 * 23456.071200000002, for 234560712 元 ÷ 10000): 15 significant digits are all a double holds.
 */
export function scaled(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}

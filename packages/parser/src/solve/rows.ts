/**
 * Narrowing the readings of a table's rows with the format's equations (core's
 * `constraints(edition)`): a row whose figures admit several readings (run-together digits,
 * figures short of columns) keeps only the readings that, with the rows already known, satisfy
 * every equation they take part in. One at a time first (an equation with one undecided row),
 * then jointly over the combinations of the undecided rows, bounded.
 */
import type { Constraint, Path } from "@gov-report/core/lite";

/** Where a cell of an equation is: a row of the table being read and a column, or a constant. */
export type Locate = (path: Path) => { row: number; col: number } | { value: number } | undefined;

interface Term {
  row: number;
  col: number;
  coef: number;
}

/** An equation over rows: Σ coef · row[col] + constant = 0. */
interface RowEquation {
  code: string;
  terms: Term[];
  constant: number;
  rows: number[];
}

/** Most combinations of candidate rows tried together (rows × candidates multiply quickly). */
const MAX_COMBINATIONS = 100_000;
/** Rounds of one-at-a-time narrowing (each decides or narrows at least one row). */
const MAX_ROUNDS = 50;

function equations(constraints: readonly Constraint[], locate: Locate): RowEquation[] {
  const out: RowEquation[] = [];
  for (const c of constraints) {
    const terms: Term[] = [];
    let constant = 0;
    let ok = true;
    for (const t of c.terms) {
      const at = locate(t.path);
      if (!at) ok = false;
      else if ("value" in at) constant += t.coef * at.value;
      else terms.push({ row: at.row, col: at.col, coef: t.coef });
    }
    if (ok && terms.length) out.push({ code: c.code, terms, constant, rows: [...new Set(terms.map((t) => t.row))] });
  }
  return out;
}

const holds = (eq: RowEquation, rowAt: (row: number) => readonly number[] | undefined): boolean => {
  let s = eq.constant;
  for (const t of eq.terms) s += t.coef * ((rowAt(t.row) as readonly number[])[t.col] as number);
  return Math.abs(s) < 1e-9;
};

/**
 * Narrows `open` (row → its candidate readings) in place; a row left with one reading moves to
 * `known`. Returns, for each row decided, the rule code of the equation that decided it.
 */
export function narrowRows(
  constraints: readonly Constraint[],
  locate: Locate,
  known: Map<number, readonly number[]>,
  open: Map<number, number[][]>,
): Map<number, string> {
  const decided = new Map<number, string>();
  // Every row read as printed: nothing to narrow (most documents).
  if (!open.size) return decided;
  const eqs = equations(constraints, locate).filter((e) => e.rows.every((r) => known.has(r) || open.has(r)));
  const settle = (row: number, keep: number[][], code: string) => {
    if (keep.length === 1) {
      known.set(row, keep[0] as number[]);
      open.delete(row);
      decided.set(row, code);
    } else open.set(row, keep);
  };
  for (let round = 0, changed = true; changed && open.size && round < MAX_ROUNDS; round++) {
    changed = false;
    for (const eq of eqs) {
      const undecided = eq.rows.filter((r) => open.has(r));
      if (undecided.length !== 1) continue;
      const row = undecided[0] as number;
      const cands = open.get(row) as number[][];
      const keep = cands.filter((cand) => holds(eq, (r) => (r === row ? cand : known.get(r))));
      if (keep.length && keep.length < cands.length) {
        settle(row, keep, eq.code);
        changed = true;
      }
    }
  }
  if (open.size > 1) narrowJointly(eqs, known, open, settle);
  return decided;
}

/**
 * Several undecided rows in one equation (three outcome rows that each split two ways): every
 * combination of their candidates is tried; only candidates that take part in a combination
 * satisfying every equation are kept. When no combination fits (the printed totals are
 * themselves wrong), nothing changes.
 */
function narrowJointly(
  eqs: readonly RowEquation[],
  known: ReadonlyMap<number, readonly number[]>,
  open: Map<number, number[][]>,
  settle: (row: number, keep: number[][], code: string) => void,
): void {
  const rows = [...open.keys()];
  let product = 1;
  for (const r of rows) {
    product *= (open.get(r) as number[][]).length;
    if (product > MAX_COMBINATIONS) return;
  }
  const position = new Map(rows.map((r, i) => [r, i]));
  // An equation is checked as soon as its last undecided row has a candidate.
  const checkAt = rows.map(() => [] as RowEquation[]);
  for (const eq of eqs) {
    const last = Math.max(...eq.rows.map((r) => position.get(r) ?? -1));
    if (last >= 0) checkAt[last]?.push(eq);
  }
  const chosen: number[][] = [];
  const used = rows.map(() => new Set<number>());
  const picks: number[] = [];
  let fits = 0;
  const rowAt = (r: number) => {
    const at = position.get(r);
    return at === undefined ? known.get(r) : chosen[at];
  };
  const walk = (i: number): void => {
    if (i === rows.length) {
      fits++;
      for (const [j, k] of picks.entries()) used[j]?.add(k);
      return;
    }
    (open.get(rows[i] as number) as number[][]).forEach((cand, k) => {
      chosen[i] = cand;
      picks[i] = k;
      if ((checkAt[i] ?? []).every((eq) => holds(eq, rowAt))) walk(i + 1);
    });
  };
  walk(0);
  if (!fits) return;
  rows.forEach((r, i) => {
    const cands = open.get(r) as number[][];
    const keep = cands.filter((_, k) => used[i]?.has(k));
    const code = eqs.find((e) => e.rows.includes(r) && e.rows.length > 1)?.code ?? "";
    if (keep.length < cands.length) settle(r, keep, code);
  });
}

/**
 * A check of one row's own equations (the 表三 row total, a 表四 group total): the constraints
 * all of whose cells are among `paths`, evaluated on a reading of those cells in that order.
 */
export function rowCheck(
  constraints: readonly Constraint[],
  paths: readonly Path[],
): (row: readonly number[]) => boolean {
  const index = new Map(paths.map((p, i) => [p.join("."), i]));
  const own = constraints.filter((c) => c.terms.every((t) => index.has(t.path.join("."))));
  const eqs = equations(own, (p) => ({ row: 0, col: index.get(p.join(".")) as number }));
  return (row) => eqs.every((eq) => holds(eq, () => row));
}

/**
 * For a search that builds a row left to right: true while every equation whose cells all lie
 * in the figures placed so far holds (prunes a split of run-together digits early).
 */
export function prefixCheck(
  constraints: readonly Constraint[],
  paths: readonly Path[],
): (prefix: readonly number[]) => boolean {
  const index = new Map(paths.map((p, i) => [p.join("."), i]));
  const own = constraints.filter((c) => c.terms.every((t) => index.has(t.path.join("."))));
  const eqs = equations(own, (p) => ({ row: 0, col: index.get(p.join(".")) as number }));
  const last = eqs.map((eq) => Math.max(...eq.terms.map((t) => t.col)));
  return (prefix) => eqs.every((eq, i) => (last[i] as number) >= prefix.length || holds(eq, () => prefix));
}

/**
 * Rows the document gives no figures for whose every cell the equations prove zero, as a table
 * that prints zeros as blanks leaves a row of zeros blank: in an equation whose other cells are
 * all known and balance exactly, the cells of those rows are counts (never negative) on one side
 * that add up to 0, so each is 0. Returns, for each row proven in all `width` columns, the rule
 * code of an equation that proved it. Nothing is proven when the printed totals do not balance.
 */
export function zeroRows(
  constraints: readonly Constraint[],
  locate: Locate,
  known: ReadonlyMap<number, readonly number[]>,
  missing: readonly number[],
  width: number,
): Map<number, string> {
  const unknown = new Set(missing);
  const proven = new Map<number, Map<number, string>>();
  for (const eq of equations(constraints, locate)) {
    if (!eq.rows.every((r) => known.has(r) || unknown.has(r))) continue;
    const free = eq.terms.filter((t) => unknown.has(t.row));
    if (!free.length || !free.every((t) => Math.sign(t.coef) === Math.sign(free[0]?.coef ?? 0))) continue;
    let rest = eq.constant;
    for (const t of eq.terms)
      if (!unknown.has(t.row)) rest += t.coef * ((known.get(t.row) as readonly number[])[t.col] ?? 0);
    if (Math.abs(rest) >= 1e-9) continue;
    for (const t of free) {
      const cols = proven.get(t.row) ?? new Map<number, string>();
      if (!cols.has(t.col)) cols.set(t.col, eq.code);
      proven.set(t.row, cols);
    }
  }
  const out = new Map<number, string>();
  for (const [row, cols] of proven) if (cols.size === width) out.set(row, cols.values().next().value as string);
  return out;
}

/**
 * The linear equations of the format (勾稽关系) as data: every 表三 row total (invariant 4), every
 * column's （七）总计 (invariant 3), the balance 一 + 二 = （七）+ 四 per column (invariant 1) and every
 * 表四 group total (invariant 5). The validator, computeTotals, the form metadata's formulas, the
 * generators of consistent reports and the parser's solver all read this list.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  applicationRows,
  type Edition,
  REVIEW_GROUPS,
  REVIEW_PARTS,
} from "./catalog.js";
import type { Path } from "./cells.js";

/** Rule code of invariant 4: every 表三 row's 总计 is the sum of its six applicant columns. */
export const RULE_ROW_TOTAL = "applications.row-total";
/** Rule code of invariant 3: every 表三 column's （七）总计 is the sum of the outcome rows. */
export const RULE_COLUMN_TOTAL = "applications.column-total";
/** Rule code of invariant 1: per 表三 column, 一 + 二 = 三（七）总计 + 四. */
export const RULE_BALANCE = "applications.balance";
/** Rule code of invariant 5: every 表四 group's 总计 is the sum of its four outcomes. */
export const RULE_REVIEW_TOTAL = "reviews.group-total";

/** One term of a linear equation: `coef · value(path)`. */
export interface ConstraintTerm {
  readonly path: Path;
  readonly coef: number;
}

/** A linear equation over cell paths: Σ coef · value = 0. */
export interface Constraint {
  /** Stable id: the rule code, ":" and what it is about, e.g. "applications.row-total:received". */
  readonly id: string;
  /** Rule code (see RULES): "applications.row-total" | "applications.column-total" | "applications.balance" | "reviews.group-total". */
  readonly code: string;
  /** The equation's terms; their weighted sum is 0 when the constraint holds. */
  readonly terms: readonly ConstraintTerm[];
  /** For sum constraints: the total cell … */
  readonly total?: Path;
  /** … and the cells that add up to it (total = Σ parts). Absent for the balance. */
  readonly parts?: readonly Path[];
}

function sum(code: string, about: string, total: Path, parts: readonly Path[]): Constraint {
  return {
    id: `${code}:${about}`,
    code,
    terms: [{ path: total, coef: -1 }, ...parts.map((path) => ({ path, coef: 1 }))],
    total,
    parts,
  };
}

function applicationConstraints(edition: Edition): Constraint[] {
  const rows = applicationRows(edition);
  const outcomeRows = rows.filter((r) => r.role === "outcome");
  const pathOf = (role: string) => rows.find((r) => r.role === role)?.path as readonly string[];
  const out: Constraint[] = [];
  for (const r of rows) {
    const base = ["applications", ...r.path];
    out.push(
      sum(
        RULE_ROW_TOTAL,
        r.path.join("."),
        [...base, "total"],
        APPLICANT_PARTS.map((k) => [...base, k]),
      ),
    );
  }
  for (const c of APPLICANT_COLUMNS) {
    const total = ["applications", ...pathOf("outcomesTotal"), c.key];
    out.push(
      sum(
        RULE_COLUMN_TOTAL,
        c.key,
        total,
        outcomeRows.map((o) => ["applications", ...o.path, c.key]),
      ),
    );
  }
  for (const c of APPLICANT_COLUMNS) {
    const at = (role: string) => ["applications", ...pathOf(role), c.key];
    out.push({
      id: `${RULE_BALANCE}:${c.key}`,
      code: RULE_BALANCE,
      terms: [
        { path: at("received"), coef: 1 },
        { path: at("carriedOver"), coef: 1 },
        { path: at("outcomesTotal"), coef: -1 },
        { path: at("carriedForward"), coef: -1 },
      ],
    });
  }
  return out;
}

function reviewConstraints(): Constraint[] {
  return REVIEW_GROUPS.map((g) =>
    sum(
      RULE_REVIEW_TOTAL,
      g.key,
      ["reviewsAndLawsuits", g.key, "total"],
      REVIEW_PARTS.map((k) => ["reviewsAndLawsuits", g.key, k]),
    ),
  );
}

const CONSTRAINTS: Record<Edition, readonly Constraint[]> = {
  "2019": Object.freeze([...applicationConstraints("2019"), ...reviewConstraints()]),
  "2021": Object.freeze([...applicationConstraints("2021"), ...reviewConstraints()]),
};

/**
 * Every linear equation of an edition, in a stable order: 表三 row totals (printed row order),
 * column totals and balances (printed column order), then 表四 group totals.
 */
export function constraints(edition: Edition): readonly Constraint[] {
  return CONSTRAINTS[edition];
}

const pathKey = (p: Path) => p.join(".");

function buildTotalOrder(edition: Edition): readonly Constraint[] {
  const defining = new Map<string, Constraint>();
  for (const c of CONSTRAINTS[edition]) {
    if (c.total && !defining.has(pathKey(c.total))) defining.set(pathKey(c.total), c);
  }
  // Depth-first: a total is computed after every part that is itself a total.
  const order: Constraint[] = [];
  const done = new Set<string>();
  const visit = (key: string) => {
    const c = defining.get(key);
    if (!c || done.has(key)) return;
    done.add(key);
    for (const p of c.parts ?? []) visit(pathKey(p));
    order.push(c);
  };
  for (const key of defining.keys()) visit(key);
  return Object.freeze(order);
}

const TOTAL_ORDER: Record<Edition, readonly Constraint[]> = {
  "2019": buildTotalOrder("2019"),
  "2021": buildTotalOrder("2021"),
};

/**
 * The sum constraints that define the totals, one per total cell (the first constraint naming it:
 * the row total for 表三's （七）总计 · 总计), ordered so that each comes after the totals among its
 * parts. Computing them in this order fills every total from the free cells.
 */
export function totalFormulas(edition: Edition): readonly Constraint[] {
  return TOTAL_ORDER[edition];
}

/** The constraints whose terms mention a cell (by path). */
export function constraintsOn(edition: Edition, path: Path): readonly Constraint[] {
  const key = pathKey(path);
  return CONSTRAINTS[edition].filter((c) => c.terms.some((t) => pathKey(t.path) === key));
}

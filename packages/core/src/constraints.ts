/**
 * The linear equations of the format (勾稽关系) as data: every 表三 row total (invariant 4), every
 * column's （七）总计 (invariant 3), the balance 一 + 二 = （七）+ 四 per column (invariant 1) and every
 * 表四 group total (invariant 5). The validator, computeTotals, the form metadata's formulas, the
 * generators of consistent reports and the parser's solver all read this list.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  APPLICATION_ROWS,
  applicationRows,
  EDITIONS,
  type Edition,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  REVIEW_PARTS,
} from "./catalog.js";
import type { Path } from "./cells.js";
import { RULES } from "./rules.js";

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

// ---------------------------------------------------------------------------------------------
// Across two years (invariants 7, 8, 9)
// ---------------------------------------------------------------------------------------------

/**
 * An equation between two consecutive reports of one agency: Σ coef · value(current) =
 * Σ coef · value(previous). compareReports checks it, startFromLastYear fills `target` from it,
 * and the parser reads it as evidence when last year's report is given.
 */
export interface CrossYearConstraint {
  /** Stable id: the rule code, ":" and what it is about, e.g. "years.carried-forward:business". */
  readonly id: string;
  /** Rule code (see RULES): "years.carried-forward" | "years.project-count" | "years.in-force". */
  readonly code: string;
  /** Terms over this year's cells. */
  readonly current: readonly ConstraintTerm[];
  /** Terms over last year's cells. */
  readonly previous: readonly ConstraintTerm[];
  /**
   * The cell of this year the equation gives from last year's figures (its first current term;
   * the other current terms, if any, are this year's own figures: 0 in a report just started).
   */
  readonly target: Path;
  /**
   * True for rule 9: 现行有效件数 also changes for reasons the table does not print (documents
   * that expire), so the equation is expected, not required (a warning; evidence that confirms a
   * reading but rules none out).
   */
  readonly approximate: boolean;
}

const term = (path: Path, coef = 1): ConstraintTerm => ({ path, coef });
const rowOf = (role: string) => ["applications", ...(APPLICATION_ROWS.find((r) => r.role === role)?.path ?? [])];

/** Rule 7: each column of 二、上年结转 = last year's 四、结转下年度继续办理, whatever the two editions. */
function carriedForwardConstraints(): CrossYearConstraint[] {
  return APPLICANT_COLUMNS.map((c) => {
    const target = [...rowOf("carriedOver"), c.key];
    return {
      id: `${RULES.carriedForward.code}:${c.key}`,
      code: RULES.carriedForward.code,
      current: [term(target)],
      previous: [term([...rowOf("carriedForward"), c.key])],
      target,
      approximate: false,
    };
  });
}

/** The rows of the edition's table 二 blocks that print every one of `columns`. */
function proactiveRowsWith(edition: Edition, columns: readonly string[]): string[] {
  return PROACTIVE_BLOCKS[edition]
    .filter((b) => columns.every((k) => b.columns.some((c) => c.key === k)))
    .flatMap((b) => b.rows.map((r) => r.key));
}

/**
 * Rule 8 (2019 → 2019): 上一年项目数量 = last year's 上一年项目数量 + 本年增/减. Rule 9 (2021 → 2021):
 * 现行有效件数 − 本年制发 + 本年废止 ≈ last year's 现行有效件数.
 */
function proactiveConstraints(edition: Edition): CrossYearConstraint[] {
  const at = (row: string, col: string): Path => ["proactiveDisclosure", row, col];
  if (edition === "2019")
    return proactiveRowsWith("2019", ["previousCount", "change"]).map((row) => ({
      id: `${RULES.projectCount.code}:${row}`,
      code: RULES.projectCount.code,
      current: [term(at(row, "previousCount"))],
      previous: [term(at(row, "previousCount")), term(at(row, "change"))],
      target: at(row, "previousCount"),
      approximate: false,
    }));
  return proactiveRowsWith("2021", ["inForce", "issued", "repealed"]).map((row) => ({
    id: `${RULES.inForce.code}:${row}`,
    code: RULES.inForce.code,
    current: [term(at(row, "inForce")), term(at(row, "issued"), -1), term(at(row, "repealed"))],
    previous: [term(at(row, "inForce"))],
    target: at(row, "inForce"),
    approximate: true,
  }));
}

const CROSS_YEAR = new Map<string, readonly CrossYearConstraint[]>();

/**
 * Every equation between a `last`-edition report of year N−1 and a `next`-edition report of year N,
 * in printed order: 上年结转 per column (rule 7, any two editions), then, when both years share
 * the edition, 2019 上一年项目数量 (rule 8) or 2021 现行有效件数 (rule 9).
 */
export function crossYearConstraints(last: Edition, next: Edition): readonly CrossYearConstraint[] {
  if (!EDITIONS.includes(last) || !EDITIONS.includes(next)) return [];
  const key = `${last}>${next}`;
  let list = CROSS_YEAR.get(key);
  if (!list) {
    list = Object.freeze([...carriedForwardConstraints(), ...(last === next ? proactiveConstraints(next) : [])]);
    CROSS_YEAR.set(key, list);
  }
  return list;
}

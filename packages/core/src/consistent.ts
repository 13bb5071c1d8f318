/**
 * Reports whose every constraint holds, built from `constraints(edition)`: the generators of
 * tests, benchmarks and round trips fill the free cells (those no sum computes) as they like and
 * let these functions close the equations, so none keeps its own copy of the sums.
 */
import { computeTotals, createEmptyReport } from "./builders.js";
import type { Edition } from "./catalog.js";
import { type CellDef, getAt, numericCellsOf, type Path, setAt } from "./cells.js";
import { type Constraint, constraints, totalFormulas } from "./constraints.js";
import type { Report } from "./schema.js";

const key = (p: Path) => p.join(".");

/** Ids of the cells that a sum constraint computes (every 总计 of 表三 and 表四). */
function totalIds(edition: Edition): Set<string> {
  return new Set(totalFormulas(edition).map((c) => key(c.total as Path)));
}

/**
 * The numeric cells of an edition that no sum computes: the cells a generator fills. Each
 * balance constraint (一 + 二 = （七）+ 四) is then closed by {@link fillFromParts}.
 */
export function freeCells(edition: Edition): readonly CellDef[] {
  const totals = totalIds(edition);
  return numericCellsOf(edition).filter((c) => !totals.has(c.id));
}

const value = (report: unknown, p: Path): number => {
  const v = getAt(report, p);
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
};

/**
 * Closes one constraint that no total defines (the balance) by changing one of its free cells:
 * the first (一、本年新收) when that keeps it non-negative, else the last that does (四、结转下年度).
 */
function close(report: Record<string, unknown>, c: Constraint, totals: Set<string>): void {
  const residual = c.terms.reduce((s, t) => s + t.coef * value(report, t.path), 0);
  if (residual === 0) return;
  const free = c.terms.filter((t) => !totals.has(key(t.path)));
  const solved = free.map((t) => ({ t, v: value(report, t.path) - residual / t.coef }));
  const pick = solved[0] && solved[0].v >= 0 ? solved[0] : solved.filter((s) => s.v >= 0).pop();
  if (pick) setAt(report, pick.t.path, pick.v);
}

/**
 * A copy of the report in which every constraint of its edition holds: totals are computed from
 * their parts (`computeTotals`), then each balance is closed per column by setting 一、本年新收
 * (or, when that would go negative, 四、结转下年度继续办理), then the totals are computed again.
 * Free cells other than those are kept as they are.
 */
export function fillFromParts<R extends Report>(report: R): R {
  const totals = totalIds(report.edition);
  const copy = computeTotals(report) as R;
  const root = copy as unknown as Record<string, unknown>;
  for (const c of constraints(report.edition)) if (!c.total) close(root, c, totals);
  return computeTotals(copy);
}

/** A count as real reports have them: mostly 0, often small, now and then large. */
function randomCount(rand: () => number): number {
  const r = rand();
  if (r < 0.5) return 0;
  if (r < 0.8) return 1 + Math.floor(rand() * 20);
  if (r < 0.95) return 21 + Math.floor(rand() * 980);
  return 1000 + Math.floor(rand() * 99_000);
}

function randomValue(cell: CellDef, rand: () => number): number {
  if (cell.kind === "signedCount") return rand() < 0.4 ? 0 : Math.floor(rand() * 61) - 30;
  if (cell.kind === "amountWanYuan") {
    const decimals = Math.min(cell.maxDecimals ?? 4, Math.floor(rand() * 5));
    return rand() < 0.3 ? 0 : Math.round(rand() * 10 ** (2 + Math.floor(rand() * 4)) * 10 ** decimals) / 10 ** decimals;
  }
  return randomCount(rand);
}

/** Options of {@link consistentReport}. */
export interface ConsistentReportOptions {
  year?: number;
  agencyName?: string;
}

/**
 * A random report of an edition whose every constraint holds: each free cell drawn from `rand`
 * (a function returning numbers in [0, 1), e.g. a seeded PRNG), then {@link fillFromParts}. Text
 * sections are left empty. The same `rand` sequence gives the same report.
 */
export function consistentReport(
  edition: Edition,
  rand: () => number,
  { year = edition === "2019" ? 2020 : 2024, agencyName = "" }: ConsistentReportOptions = {},
): Report {
  const report = createEmptyReport({ edition, year, agencyName });
  const root = report as unknown as Record<string, unknown>;
  for (const cell of freeCells(edition)) setAt(root, cell.path, randomValue(cell, rand));
  return fillFromParts(report);
}

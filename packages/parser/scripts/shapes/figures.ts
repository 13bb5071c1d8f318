/**
 * Random figures that keep every invariant, on a fixture taken as template (agency, year, edition,
 * narratives): what the round trip and the generated corpus documents print.
 */
import {
  type Constraint,
  type ConstraintTerm,
  computeTotals,
  constraints,
  type Edition,
  getAt,
  numericCellsOf,
  type Path,
  type Report,
  setAt,
  totalFormulas,
} from "@gov-report/core";
import type { Rand } from "./random.js";

/** A count as real reports have them: mostly 0, often small, now and then large. */
function count(rand: Rand): number {
  const r = rand();
  if (r < 0.5) return 0;
  if (r < 0.8) return 1 + Math.floor(rand() * 20);
  if (r < 0.95) return 21 + Math.floor(rand() * 980);
  return 1000 + Math.floor(rand() * 99_000);
}

/** A figure of a free (non-total) cell of the given kind. */
function figure(rand: Rand, kind: string, maxDecimals?: number): number {
  if (kind === "signedCount") return rand() < 0.4 ? 0 : Math.floor(rand() * 61) - 30;
  if (kind !== "amountWanYuan") return count(rand);
  const decimals = Math.min(maxDecimals ?? 2, Math.floor(rand() * 3));
  return rand() < 0.3 ? 0 : Math.round(rand() * 10 ** (2 + Math.floor(rand() * 4)) * 10 ** decimals) / 10 ** decimals;
}

const key = (p: Path) => p.join(".");

/**
 * The equations with no total (the balance 一 + 二 = （七）+ 四 per column), each with the cell
 * solved from it (its first term that is no total: 一) and the slack chosen at random (its last
 * such term: 四). A balance whose terms are all totals follows from the others.
 */
function balances(edition: Edition, totals: ReadonlySet<string>) {
  const out: { c: Constraint; solved: ConstraintTerm; slack: ConstraintTerm }[] = [];
  for (const c of constraints(edition)) {
    if (c.total) continue;
    const free = c.terms.filter((t) => !totals.has(key(t.path)));
    if (free.length >= 2)
      out.push({ c, solved: free[0] as ConstraintTerm, slack: free[free.length - 1] as ConstraintTerm });
  }
  return out;
}

/**
 * The template with random figures that satisfy every constraint of core's `constraints(edition)`:
 * free cells drawn at random, each balance solved for one of its cells with a non-negative slack,
 * the totals computed by core.
 */
export function randomReport(template: Report, rand: Rand): Report {
  const edition = template.edition;
  const totals = new Set(totalFormulas(edition).map((c) => key(c.total as Path)));
  const balanced = balances(edition, totals);
  const solvedLater = new Set(balanced.flatMap((b) => [key(b.solved.path), key(b.slack.path)]));
  const report = structuredClone(template) as Report;
  const root = report as unknown as Record<string, unknown>;
  for (const cell of numericCellsOf(edition)) {
    if (totals.has(cell.id) || solvedLater.has(cell.id)) continue;
    setAt(root, cell.path, figure(rand, cell.kind, cell.maxDecimals));
  }
  for (const b of balanced) setAt(root, b.slack.path, 0);
  const partial = computeTotals(report) as unknown as Record<string, unknown>;
  for (const { c, solved, slack } of balanced) {
    const others = c.terms.filter((t) => t !== solved && t !== slack);
    const rest = others.reduce((a, t) => a + t.coef * (getAt(partial, t.path) as number), 0);
    // solved = -(slack.coef * s + rest) / solved.coef >= 0: the least slack that allows it, plus a few.
    const least = Math.max(0, Math.ceil(-rest / slack.coef));
    const s = Math.max(least, rand() < 0.6 ? 0 : Math.floor(rand() * 5));
    setAt(root, slack.path, s);
    setAt(root, solved.path, -(slack.coef * s + rest) / solved.coef);
  }
  return computeTotals(report);
}

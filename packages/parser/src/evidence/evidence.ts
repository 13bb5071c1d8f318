/**
 * Evidence from outside a table: figures the report's own text states (rule 10 of the format
 * reference) and, when the caller gives it, last year's report (rules 7, 8, 9). A table reader
 * asks it to choose among readings the table alone cannot decide; a reading the evidence
 * contradicts is dropped, and of the rest those it confirms most are kept.
 */
import type { Path, Report } from "@gov-report/core/lite";

/** One equation known from outside the table: Σ coef · value(path) = `value`. */
export interface Fact {
  /** The evidence name (`by` of the cells it decides): "text.quoted" or "previous". */
  by: string;
  terms: readonly { path: Path; coef: number }[];
  value: number;
  /** Approximate facts (rule 9) confirm a reading but never rule one out. */
  approximate?: boolean;
  /** What the fact says, for messages. */
  excerpt: string;
}

export interface Evidence {
  facts: readonly Fact[];
  previous?: Report;
}

export const NO_EVIDENCE: Evidence = { facts: [] };

const key = (p: Path) => p.join(".");

/**
 * Readings of the cells at `paths` that no exact fact contradicts, narrowed to those that the
 * most facts confirm; `by` names the evidence that decided, when it narrowed anything. A fact is
 * checked only when all its cells are among `paths` or already `known`.
 */
export function weigh(
  evidence: Evidence,
  paths: readonly Path[],
  readings: readonly (readonly number[])[],
  known: (p: Path) => number | undefined,
): { readings: (readonly number[])[]; by?: string } {
  // One reading has nothing to weigh against: no index built.
  if (readings.length < 2) return { readings: [...readings] };
  const index = new Map(paths.map((p, i) => [key(p), i]));
  const relevant = evidence.facts.filter(
    (f) =>
      f.terms.some((t) => index.has(key(t.path))) &&
      f.terms.every((t) => index.has(key(t.path)) || known(t.path) !== undefined),
  );
  if (!relevant.length) return { readings: [...readings] };
  const verdicts = readings.map((r) =>
    relevant.map((f) => {
      let s = 0;
      for (const t of f.terms) {
        const at = index.get(key(t.path));
        s += t.coef * (at !== undefined ? (r[at] as number) : (known(t.path) as number));
      }
      return Math.abs(s - f.value) < 1e-9;
    }),
  );
  const allowed = readings.filter((_, i) => relevant.every((f, j) => f.approximate || verdicts[i]?.[j]));
  const pool = allowed.length ? allowed : [...readings];
  const agree = (r: readonly number[]) => verdicts[readings.indexOf(r)]?.filter(Boolean).length ?? 0;
  const best = Math.max(...pool.map(agree));
  const kept = pool.filter((r) => agree(r) === best);
  if (kept.length === readings.length) return { readings: kept };
  const decisive = relevant.find((_, j) => kept.every((r) => verdicts[readings.indexOf(r)]?.[j]));
  return { readings: kept, ...(decisive ? { by: decisive.by } : {}) };
}

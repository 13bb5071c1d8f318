/**
 * This year's report started from last year's, as the cross-year rules 7–9 say the figures carry
 * over. The carry rules are the equations of crossYearConstraints (constraints.ts), the data
 * compareReports checks too.
 */

import { createEmptyReport } from "./builders.js";
import type { Edition } from "./catalog.js";
import { cellAt, getAt, type Path, setAt } from "./cells.js";
import { crossYearConstraints } from "./constraints.js";
import { cellStatus } from "./provenance.js";
import { type RuleDef, ruleByCode } from "./rules.js";
import type { Report } from "./schema.js";

/** A cell of this year given by last year's figures: `to` = Σ `from` (of last year's report). */
export interface CarriedCell {
  readonly to: Path;
  readonly from: readonly Path[];
  /** The cross-year rule that says so (years.carried-forward, years.project-count, years.in-force). */
  readonly rule: RuleDef;
}

/**
 * The cells of a `next`-edition report that a `last`-edition report of the year before gives, in
 * printed order: the target of each equation of {@link crossYearConstraints} — 上年结转 by column
 * (rule 7) and, when both years share the edition, 2019 上一年项目数量 (rule 8) or 2021 现行有效件数
 * (rule 9; this year's 制发 and 废止 are 0 in a report just started).
 */
export function carriedCells(last: Edition, next: Edition): readonly CarriedCell[] {
  return crossYearConstraints(last, next)
    .filter((c) => cellAt(next, c.target) && c.previous.every((t) => t.coef === 1 && cellAt(last, t.path)))
    .map((c) => ({ to: c.target, from: c.previous.map((t) => t.path), rule: ruleByCode(c.code) as RuleDef }));
}

export interface StartFromLastYearOptions {
  /** The year of the new report; last year's + 1 by default. */
  year?: number;
}

/** A new report and what last year's gave it. */
export interface NextYearStart {
  /**
   * The report of year + 1 for the same agency: the carried cells set (totals carried as printed,
   * not recomputed), every other count 0 and text "". A cell in `blanks` holds 0
   * as a placeholder and is `unread` in the report's `provenance`, so validation reports it.
   */
  report: Report;
  /** Ids (CellDef.id) of the cells carried from last year's figures. */
  carried: string[];
  /** Ids of the cells left to fill in: a figure they come from was unread, ambiguous or not a number last year. */
  blanks: string[];
  /** The body that signed last year's report (落款), when it did: the new report has no date yet. */
  signer?: string;
}

/** Why last year's report cannot start a new one. */
export interface NextYearError {
  error: { code: "next-year.not-a-report" | "next-year.bad-year"; message: string; messageEn: string };
}

const refuse = (code: NextYearError["error"]["code"], message: string, messageEn: string): NextYearError => ({
  error: { code, message, messageEn },
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * This year's report started from last year's: year + 1 (or `options.year`), the same agency, and
 * the figures the cross-year rules 7–9 say carry over ({@link carriedCells}). A figure that last
 * year's document left `unread` or `ambiguous` (its provenance), or that is not a number, is not
 * carried: the cell is listed in `blanks`, holds a 0 placeholder and is marked `unread`, never a guess.
 *
 * Never throws: anything that is not a report of a known edition with an integer year gives `{ error }`.
 * Last year's report is not changed.
 */
export function startFromLastYear(
  previous: unknown,
  options: StartFromLastYearOptions = {},
): NextYearStart | NextYearError {
  try {
    return start(previous, options ?? {});
  } catch {
    return refuse("next-year.not-a-report", "上年报告无法读取", "Last year's report cannot be read");
  }
}

function start(previous: unknown, options: StartFromLastYearOptions): NextYearStart | NextYearError {
  if (!isRecord(previous) || (previous.edition !== "2019" && previous.edition !== "2021"))
    return refuse(
      "next-year.not-a-report",
      "上年报告不是已知版式的年度报告",
      "Last year's file is not a report of a known edition",
    );
  const lastYear = previous.year;
  const year = options.year ?? (typeof lastYear === "number" ? lastYear + 1 : Number.NaN);
  if (!Number.isSafeInteger(year) || year < 1)
    return refuse("next-year.bad-year", "上年报告的年度不是有效年份", "Last year's report has no valid year");
  const name = getAt(previous, ["agency", "name"]);
  const report = createEmptyReport({ year, agencyName: typeof name === "string" ? name : "" });
  const draft = report as unknown as Record<string, unknown>;
  const carried: string[] = [];
  const blanks: string[] = [];
  for (const cell of carriedCells(previous.edition, report.edition)) {
    const values = cell.from.map((f) => getAt(previous, f));
    const unread = cell.from.some((f) => {
      const status = cellStatus(previous, f.join("."));
      return status === "unread" || status === "ambiguous";
    });
    const id = cell.to.join(".");
    if (unread || !values.every((v) => typeof v === "number" && Number.isFinite(v))) {
      blanks.push(id);
      setAt(draft, ["provenance", id], { status: "unread", note: "上年报告中相应数字未能读取" });
    } else {
      setAt(
        draft,
        cell.to,
        (values as number[]).reduce((a, b) => a + b, 0),
      );
      carried.push(id);
    }
  }
  const signer = getAt(previous, ["signature", "agency"]);
  const signed = typeof signer === "string" && signer.trim() ? { signer } : {};
  return { report, carried, blanks, ...signed };
}

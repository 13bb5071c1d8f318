/**
 * Summing reports of one year and edition cell by cell into a roll-up: the base of the
 * consolidated tables a county or city office publishes. Like validation, it never throws on user
 * input: inputs that cannot be summed are skipped with an issue, and the roll-up is validated.
 *
 * Every numeric cell is summed as printed, totals included: if the inputs are consistent, so is
 * the sum, and a total that does not add up in the roll-up points back to an input that is wrong.
 * `recomputeTotals` replaces the summed totals with the sums of their parts instead.
 */
import { computeTotals, createEmptyReport } from "./builders.js";
import type { Edition } from "./catalog.js";
import { type CellDef, getAt, numericCellsOf, setAt } from "./cells.js";
import { AGGREGATE_RULES, type RuleDef } from "./rules.js";
import type { Report } from "./schema.js";
import { safeDescribe } from "./text.js";
import { type ValidationIssue, validateReport } from "./validate.js";

/** An issue of a roll-up. `input` (0-based, in the order given) is set when it is about one input. */
export interface AggregateIssue extends ValidationIssue {
  input?: number;
}

export interface SumReportsResult {
  /** True when the roll-up exists and no issue (about an input or the roll-up) is an error. */
  ok: boolean;
  /** The roll-up; absent when nothing could be summed. */
  report?: Report;
  /** How many inputs were summed. */
  count: number;
  /** Issues about inputs (with `input`), then the roll-up's own validation issues. */
  issues: AggregateIssue[];
}

export interface ReportSumOptions {
  edition: Edition;
  year: number;
  /** agency.name of the roll-up (default ""). */
  agencyName?: string;
}

export interface SumResultOptions {
  /** Replace every 总计 of the roll-up by the sum of its parts (computeTotals). */
  recomputeTotals?: boolean;
}

/** Decimals kept when summing money, so 0.1 + 0.2 gives 0.3 and not 0.30000000000000004. */
const MONEY_DECIMALS = 6;
const MONEY_SCALE = 10 ** MONEY_DECIMALS;

function inputIssue(
  rule: RuleDef,
  input: number,
  zh: string,
  en: string,
  numbers?: { expected: number; actual: number },
): AggregateIssue {
  return {
    code: rule.code,
    severity: rule.severity,
    path: [],
    related: [],
    message: zh,
    messageEn: en,
    input,
    ...(numbers ?? {}),
  };
}

const nameOf = (r: Report) => r.agency.name.trim();
const quoted = (name: string, en = false) => (name ? `“${name}”` : en ? "(agency not named)" : "（未署名机关）");

/**
 * A running sum of reports of one edition and year. It keeps one number per cell (and the agency
 * names seen, to flag duplicates), so any number of reports can be summed one at a time.
 */
export class ReportSum {
  readonly edition: Edition;
  readonly year: number;
  readonly agencyName: string;
  private readonly cells: readonly CellDef[];
  private readonly totals: Float64Array;
  private readonly agencies = new Set<string>();
  private readonly inputIssues: AggregateIssue[] = [];
  private summed = 0;
  private offered = 0;

  constructor({ edition, year, agencyName = "" }: ReportSumOptions) {
    this.edition = edition;
    this.year = year;
    this.agencyName = agencyName;
    this.cells = numericCellsOf(edition);
    this.totals = new Float64Array(this.cells.length);
  }

  /** Reports summed so far. */
  get count(): number {
    return this.summed;
  }

  /**
   * Adds one input (any value). Returns whether it was summed and the issues about it; the
   * issues are also kept for `result()`.
   */
  add(input: unknown): { added: boolean; issues: AggregateIssue[] } {
    const index = this.offered++;
    let issues: AggregateIssue[];
    let values: Float64Array | undefined;
    try {
      issues = this.check(input, index);
      if (!issues.some((i) => i.severity === "error")) values = this.valuesOf(input);
    } catch (e) {
      // A value that is not plain JSON (a getter that throws, a Proxy): not summed, described safely.
      issues = [this.unreadable(index, safeDescribe(e))];
    }
    if (values === undefined && !issues.some((i) => i.severity === "error"))
      issues.push(this.unreadable(index, "cells changed while read"));
    for (const i of issues) this.inputIssues.push(i);
    if (values === undefined) return { added: false, issues };
    const cells = this.cells;
    for (let k = 0; k < cells.length; k++) {
      const next = (this.totals[k] as number) + (values[k] as number);
      this.totals[k] =
        (cells[k] as CellDef).kind === "amountWanYuan" ? Math.round(next * MONEY_SCALE) / MONEY_SCALE : next;
    }
    this.summed++;
    return { added: true, issues };
  }

  /** Every numeric cell of a validated input, read once; undefined if one is not a finite number now. */
  private valuesOf(input: unknown): Float64Array | undefined {
    const out = new Float64Array(this.cells.length);
    for (let k = 0; k < this.cells.length; k++) {
      const v = getAt(input, (this.cells[k] as CellDef).path);
      if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
      out[k] = v;
    }
    return out;
  }

  private unreadable(index: number, why: string): AggregateIssue {
    const n = index + 1;
    return inputIssue(
      AGGREGATE_RULES.notAReport,
      index,
      `第 ${n} 份输入无法读取，未计入汇总（${why}）`,
      `Input ${n} cannot be read and was not summed (${why})`,
    );
  }

  private check(input: unknown, index: number): AggregateIssue[] {
    const n = index + 1;
    const v = validateReport(input);
    const report = v.report;
    if (!report) {
      const first = v.issues.find((i) => i.severity === "error");
      return [
        inputIssue(
          AGGREGATE_RULES.notAReport,
          index,
          `第 ${n} 份输入不是结构完整的年度报告，未计入汇总${first ? `（${first.message}）` : ""}`,
          `Input ${n} is not a structurally complete report and was not summed${first ? ` (${first.messageEn})` : ""}`,
        ),
      ];
    }
    const other = this.otherRollUp(report, index);
    if (other) return [other];
    const errors = v.issues.filter((i) => i.severity === "error").length;
    return [...(errors > 0 ? [this.hasErrors(report, index, errors)] : []), ...this.duplicate(report, index)];
  }

  /** A report of another edition or year: not summed. */
  private otherRollUp(report: Report, index: number): AggregateIssue | undefined {
    const n = index + 1;
    const name = nameOf(report);
    if (report.edition !== this.edition)
      return inputIssue(
        AGGREGATE_RULES.otherEdition,
        index,
        `第 ${n} 份报告 ${quoted(name)} 为 ${report.edition} 版格式，汇总为 ${this.edition} 版，未计入汇总`,
        `Input ${n} ${quoted(name, true)} is in the ${report.edition} edition, the roll-up in ${this.edition}; not summed`,
      );
    if (report.year !== this.year)
      return inputIssue(
        AGGREGATE_RULES.otherYear,
        index,
        `第 ${n} 份报告 ${quoted(name)} 为 ${report.year} 年度，汇总为 ${this.year} 年度，未计入汇总`,
        `Input ${n} ${quoted(name, true)} is for ${report.year}, the roll-up for ${this.year}; not summed`,
        { expected: this.year, actual: report.year },
      );
    return undefined;
  }

  private hasErrors(report: Report, index: number, errors: number): AggregateIssue {
    const n = index + 1;
    const name = nameOf(report);
    return inputIssue(
      AGGREGATE_RULES.inputHasErrors,
      index,
      `第 ${n} 份报告 ${quoted(name)} 有 ${errors} 个错误，其数字按原样计入汇总`,
      `Input ${n} ${quoted(name, true)} has ${errors} error(s); its figures were summed as printed`,
    );
  }

  /** The same agency summed twice: said, and summed (the caller decides whether to refuse). */
  private duplicate(report: Report, index: number): AggregateIssue[] {
    const name = nameOf(report);
    if (!name) return [];
    if (!this.agencies.has(name)) {
      this.agencies.add(name);
      return [];
    }
    const n = index + 1;
    return [
      inputIssue(
        AGGREGATE_RULES.duplicateAgency,
        index,
        `第 ${n} 份报告的机关 ${quoted(name)} 已计入汇总，本份再次计入（是否重复？）`,
        `Input ${n}: agency ${quoted(name, true)} was already summed and is summed again (a duplicate?)`,
      ),
    ];
  }

  /** The roll-up so far, validated. */
  result(options: SumResultOptions = {}): SumReportsResult {
    if (this.summed === 0) {
      const issues = [
        ...this.inputIssues,
        {
          code: AGGREGATE_RULES.empty.code,
          severity: AGGREGATE_RULES.empty.severity,
          path: [],
          related: [],
          message: "没有可汇总的报告",
          messageEn: "There is no report to sum",
        },
      ];
      return { ok: false, count: 0, issues };
    }
    let report: Report = createEmptyReport({ edition: this.edition, year: this.year, agencyName: this.agencyName });
    for (let k = 0; k < this.cells.length; k++) {
      setAt(report as unknown as Record<string, unknown>, (this.cells[k] as CellDef).path, this.totals[k]);
    }
    if (options.recomputeTotals) report = computeTotals(report);
    const issues: AggregateIssue[] = [...this.inputIssues, ...validateReport(report).issues];
    return { ok: !issues.some((i) => i.severity === "error"), report, count: this.summed, issues };
  }
}

export interface SumReportsOptions extends Partial<ReportSumOptions>, SumResultOptions {}

/**
 * Sums reports of one edition and year cell by cell. The edition and year are the options' or
 * else those of the first structurally complete input; inputs of another edition or year are
 * skipped with an error issue (mixing them is refused, not guessed at). Never throws.
 */
export function sumReports(reports: readonly unknown[], options: SumReportsOptions = {}): SumReportsResult {
  let list: unknown[] = [];
  const opts: SumReportsOptions = {};
  try {
    list = Array.from(reports);
    const { edition, year, agencyName, recomputeTotals } = options ?? {};
    if (edition === "2019" || edition === "2021") opts.edition = edition;
    if (typeof year === "number" && Number.isFinite(year)) opts.year = year;
    if (typeof agencyName === "string") opts.agencyName = agencyName;
    if (recomputeTotals === true) opts.recomputeTotals = true;
  } catch {
    // Not an array, or options that cannot be read: what was read so far is used.
  }
  return sumList(list, opts);
}

function sumList(reports: readonly unknown[], options: SumReportsOptions): SumReportsResult {
  let edition = options.edition;
  let year = options.year;
  if (edition === undefined || year === undefined) {
    for (const r of reports) {
      const first = validateReport(r).report;
      if (!first) continue;
      edition ??= first.edition;
      year ??= first.year;
      break;
    }
  }
  if (edition === undefined || year === undefined) {
    // Nothing is a report: let the accumulator say so for each input.
    edition ??= "2021";
    year ??= 0;
  }
  const sum = new ReportSum({
    edition,
    year,
    ...(options.agencyName === undefined ? {} : { agencyName: options.agencyName }),
  });
  for (const r of reports) sum.add(r);
  return sum.result(options);
}

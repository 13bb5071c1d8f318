/**
 * compareYears: the checks across two years of one agency: the equations of
 * crossYearConstraints (invariants 7, 8, 9) and the text overlap.
 */
import { PROACTIVE_BLOCKS, sectionDef, TEXT_SECTIONS } from "./catalog.js";
import { cellAt, getAt, type Path } from "./cells.js";
import { type ConstraintTerm, type CrossYearConstraint, crossYearConstraints } from "./constraints.js";
import { cellStatus } from "./provenance.js";
import { RULES, type RuleDef, ruleByCode } from "./rules.js";
import type { Report } from "./schema.js";
import { safeDescribe, textOverlap } from "./text.js";
import { type ValidationIssue, validateReport } from "./validate.js";

export interface CompareResult {
  /** True when no cross-year rule reports an error. */
  ok: boolean;
  issues: ValidationIssue[];
  /** Share (0..1) of this year's narrative that repeats last year's. */
  textOverlap?: number;
}

/** Above this share of repeated text, reviewers deduct points. */
export const TEXT_OVERLAP_LIMIT = 0.5;

type P = (string | number)[];

function issue(
  rule: RuleDef,
  path: P,
  zh: string,
  en: string,
  related: P[] = [],
  numbers?: { expected: number; actual: number },
): ValidationIssue {
  return {
    code: rule.code,
    severity: rule.severity,
    path,
    related,
    message: zh,
    messageEn: en,
    ...(numbers ?? {}),
  };
}

const narrative = (r: Report) => TEXT_SECTIONS.map((s) => (r as unknown as Record<string, string>)[s.key]).join("\n");

/**
 * Compares two reports of one agency, `previous` for year N−1 and `current` for year N. Paths in
 * the issues point into `current`; `related` paths point into `previous` and are prefixed with
 * "previous".
 */
export function compareYears(previous: unknown, current: unknown): CompareResult {
  const a = validateReport(previous);
  const b = validateReport(current);
  if (!a.report || !b.report) {
    const which = !a.report ? "previous" : "current";
    return {
      ok: false,
      issues: [
        issue(
          RULES.invalidPrevious,
          [],
          `${which === "previous" ? "上年" : "本年"}报告结构有误，无法进行跨年度核对`,
          `The ${which} report has structural errors; the cross-year checks cannot run`,
        ),
      ],
    };
  }
  return compareReports(a.report, b.report);
}

/**
 * The cross-year checks on two reports already known to be structurally valid (e.g. the `report`
 * of a `validateReport` result), without validating them again: for batch tools that have already
 * validated every file.
 */
export function compareReports(prev: Report, cur: Report): CompareResult {
  try {
    return crossYear(prev, cur);
  } catch (e) {
    // Only values that are not plain JSON get here (a getter that throws, a Proxy).
    const why = safeDescribe(e);
    return {
      ok: false,
      issues: [
        issue(
          RULES.invalidPrevious,
          [],
          `报告无法读取，无法进行跨年度核对：${why}`,
          `A report cannot be read; the cross-year checks cannot run: ${why}`,
        ),
      ],
    };
  }
}

function crossYear(prev: Report, cur: Report): CompareResult {
  const issues: ValidationIssue[] = [];

  if (cur.year !== prev.year + 1 || !sameAgency(prev.agency.name, cur.agency.name)) {
    issues.push(
      issue(
        RULES.sequence,
        ["year"],
        `两份报告为 ${prev.agency.name || "（未署名机关）"} ${prev.year} 年与 ${cur.agency.name || "（未署名机关）"} ${cur.year} 年，不是同一机关相邻两个年度`,
        `The reports are ${prev.agency.name || "(agency not named)"} ${prev.year} and ${cur.agency.name || "(agency not named)"} ${cur.year}: not consecutive years of one agency`,
      ),
    );
  }

  crossYearEquations(prev, cur, issues);
  const overlap = textOverlap(narrative(prev), narrative(cur));
  if (overlap > TEXT_OVERLAP_LIMIT) {
    const pct = Math.round(overlap * 100);
    issues.push(
      issue(
        RULES.textOverlap,
        ["overview"],
        `文字部分有 ${pct}% 与 ${prev.year} 年报告重复（超过 50% 会被扣分）`,
        `${pct}% of the narrative repeats the ${prev.year} report (reviewers deduct above 50%)`,
        [["previous", "overview"]],
      ),
    );
  }
  return { ok: !issues.some((i) => i.severity === "error"), issues, textOverlap: overlap };
}

/** A cell's number; undefined when it is not a number or holds a placeholder (unread/ambiguous). */
function known(report: Report, path: Path): number | undefined {
  const v = getAt(report, path);
  if (typeof v !== "number" || !Number.isFinite(v)) return undefined;
  const status = cellStatus(report, path.join("."));
  return status === "unread" || status === "ambiguous" ? undefined : v;
}

/** Values of the terms, or undefined when one is not a known number (it cannot be checked). */
function valuesOf(report: Report, terms: readonly ConstraintTerm[]): number[] | undefined {
  const out: number[] = [];
  for (const t of terms) {
    const v = known(report, t.path);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

/** Invariants 7, 8, 9: every equation of crossYearConstraints between the two editions. */
function crossYearEquations(prev: Report, cur: Report, issues: ValidationIssue[]): void {
  for (const c of crossYearConstraints(prev.edition, cur.edition)) {
    const before = valuesOf(prev, c.previous);
    const now = valuesOf(cur, c.current);
    if (!before || !now) {
      const unread = uncheckedIssue(c, prev, cur, !before);
      if (unread) issues.push(unread);
      continue;
    }
    const expected = c.previous.reduce((s, t, i) => s + t.coef * (before[i] as number), 0);
    const left = c.current.reduce((s, t, i) => s + t.coef * (now[i] as number), 0);
    if (left === expected) continue;
    issues.push(equationIssue(c, cur, before, now));
  }
}

/**
 * A cross-year equation that could not be checked because a cell of either report holds a
 * placeholder (unread or ambiguous), at its target cell; none when a cell is missing for another
 * reason (not a number: the validator reports it).
 */
function uncheckedIssue(
  c: CrossYearConstraint,
  prev: Report,
  cur: Report,
  inPrevious: boolean,
): ValidationIssue | undefined {
  const [report, terms] = inPrevious ? [prev, c.previous] : [cur, c.current];
  const placeholder = terms.find((t) => {
    const status = cellStatus(report, t.path.join("."));
    return status === "unread" || status === "ambiguous";
  });
  if (!placeholder) return undefined;
  const cell = cellAt(report.edition, placeholder.path);
  const target = cellAt(cur.edition, c.target);
  const which = inPrevious ? ["上年", "last year's"] : ["本年", "this year's"];
  const itself = !inPrevious && placeholder.path.join(".") === c.target.join(".");
  const zh = itself ? "本年该栏" : `${which[0]}“${cell?.zh}”`;
  const en = itself ? "this year's cell" : `${which[1]} "${cell?.en}"`;
  return issue(
    RULES.unchecked,
    [...c.target],
    `${target?.zh}：${zh}未能读取，此项跨年度核对未能进行`,
    `${target?.en}: ${en} was not read, so this cross-year check could not run`,
    inPrevious ? [["previous", ...placeholder.path]] : [],
  );
}

/** The issue of a broken cross-year equation, at its target cell, in the rule's own words. */
function equationIssue(
  c: CrossYearConstraint,
  cur: Report,
  before: readonly number[],
  now: readonly number[],
): ValidationIssue {
  const rule = ruleByCode(c.code) as RuleDef;
  const cell = cellAt(cur.edition, c.target);
  const related = c.previous.map((t) => ["previous", ...t.path]);
  const actual = now[0] as number;
  if (c.code === RULES.carriedForward.code) {
    const b = before[0] as number;
    return issue(
      rule,
      [...c.target],
      `${cell?.zh}：上年结转下年度为 ${b}，本年填写 ${actual}`,
      `${cell?.en}: last year carried forward ${b}, this year says ${actual}`,
      related,
      { expected: b, actual },
    );
  }
  if (c.code === RULES.projectCount.code) {
    const [p, d] = before as [number, number];
    const expected = p + d;
    return issue(
      rule,
      [...c.target],
      `${cell?.zh}：上年为 ${p}，增减 ${signed(d)}，应为 ${expected}，本年填写 ${actual}`,
      `${cell?.en}: last year ${p} ${signed(d)} gives ${expected}, this year says ${actual}`,
      related,
      { expected, actual },
    );
  }
  return inForceIssue(c, rule, before[0] as number, now as [number, number, number]);
}

/** Invariant 9: 2021 edition, in force (N) ≈ in force (N−1) + issued (N) − repealed (N). */
function inForceIssue(
  c: CrossYearConstraint,
  rule: RuleDef,
  last: number,
  [inForce, issued, repealed]: [number, number, number],
): ValidationIssue {
  const key = c.target[1];
  const row = PROACTIVE_BLOCKS["2021"][0]?.rows.find((r) => r.key === key);
  const expected = last + issued - repealed;
  return issue(
    rule,
    [...c.target],
    `${sectionDef("proactiveDisclosure").table} ${row?.zh} · 现行有效件数：上年 ${last} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，报告填写 ${inForce}`,
    `Table 2, ${row?.en}: in force last year ${last} + issued ${issued} − repealed ${repealed} = ${expected}, the report says ${inForce}`,
    [...c.previous.map((t) => ["previous", ...t.path]), ...c.current.slice(1).map((t) => [...t.path])],
    { expected, actual: inForce },
  );
}

/** Characters that end the name of an administrative region (淮安市, 江苏省, 洪泽区, 某某县…). */
const REGION_END = new Set(["省", "市", "区", "县", "州", "盟", "旗", "镇", "乡"]);

/** Leading regions dropped at most: real names have a handful (省 市 区 镇); this bounds the cost. */
const MAX_SHORTER_FORMS = 8;

/**
 * Where the shorter forms of a name start: after each leading region in turn, as long as what is
 * left still names a place and is longer than 3 characters ("淮安市洪泽区人民政府" → [3], for
 * "洪泽区人民政府"; "人民政府" alone names no agency). One pass: O(length).
 */
function shorterStarts(name: string): number[] {
  let lastRegion = -1;
  for (let i = name.length - 1; i >= 0; i--) {
    if (REGION_END.has(name[i] as string)) {
      lastRegion = i;
      break;
    }
  }
  const out: number[] = [];
  for (let i = 1; i < name.length - 3 && i <= lastRegion && out.length < MAX_SHORTER_FORMS; i++) {
    if (REGION_END.has(name[i - 1] as string)) out.push(i);
  }
  return out;
}

/**
 * Whether two printed agency names are one agency: equal, or one is the other with a higher
 * region in front ("洪泽区人民政府" in 2023, "淮安市洪泽区人民政府" in 2024, as real reports print).
 * Linear in the names' length; false for anything that is not a string.
 */
export function sameAgency(a: string, b: string): boolean {
  if (typeof a !== "string" || typeof b !== "string") return false;
  const x = a.trim();
  const y = b.trim();
  if (x === y) return x !== "";
  if (!x || !y) return false;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  const at = long.length - short.length;
  return long.endsWith(short) && shorterStarts(long).includes(at);
}

/**
 * Groups printed agency names into agencies, as `sameAgency` does, in time linear in the total
 * length of the names: `key(name)` is the same for every name of one agency seen so far. Any
 * value that is not a string is the unnamed agency "".
 */
export class AgencyIndex {
  private readonly keys = new Map<string, string>();
  /** Shorter forms of every name seen → that name's key. */
  private readonly byShorter = new Map<string, string>();

  key(name: string): string {
    const n = typeof name === "string" ? name.trim() : "";
    const forms = shorterStarts(n).map((i) => n.slice(i));
    let known = this.keys.get(n) ?? this.byShorter.get(n);
    for (let k = 0; known === undefined && k < forms.length; k++) known = this.keys.get(forms[k] as string);
    known ??= n;
    this.keys.set(n, known);
    for (const s of forms) if (!this.byShorter.has(s)) this.byShorter.set(s, known);
    return known;
  }
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

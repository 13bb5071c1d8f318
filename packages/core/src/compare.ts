/** compareYears: the checks across two years of one agency (invariants 7, 8, 9 and text overlap). */
import { APPLICANT_COLUMNS, PROACTIVE_BLOCKS, sectionDef, TEXT_SECTIONS } from "./catalog.js";
import { cellAt } from "./cells.js";
import { RULES, type RuleDef } from "./rules.js";
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
        `两份报告为 ${prev.agency.name || "（未署名）"} ${prev.year} 年与 ${cur.agency.name || "（未署名）"} ${cur.year} 年，不是同一机关相邻两个年度`,
        `The reports are ${prev.agency.name || "(unnamed)"} ${prev.year} and ${cur.agency.name || "(unnamed)"} ${cur.year}: not consecutive years of one agency`,
      ),
    );
  }

  carriedForward(prev, cur, issues);
  projectCounts(prev, cur, issues);
  inForce(prev, cur, issues);
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

/** Invariant 7: carried forward (N−1) = carried over (N), per column. */
function carriedForward(prev: Report, cur: Report, issues: ValidationIssue[]): void {
  for (const c of APPLICANT_COLUMNS) {
    const before = prev.applications.carriedForward[c.key];
    const now = cur.applications.carriedOver[c.key];
    if (before === now) continue;
    const cell = cellAt(cur.edition, ["applications", "carriedOver", c.key]);
    issues.push(
      issue(
        RULES.carriedForward,
        ["applications", "carriedOver", c.key],
        `${cell?.zh}: 上年结转下年度为 ${before}，本年填写 ${now}`,
        `${cell?.en}: last year carried forward ${before}, this year says ${now}`,
        [["previous", "applications", "carriedForward", c.key]],
        { expected: before, actual: now },
      ),
    );
  }
}

/** Invariant 8: 2019 edition, previous count (N) = previous count (N−1) + change (N−1). */
function projectCounts(prev: Report, cur: Report, issues: ValidationIssue[]): void {
  if (prev.edition === "2019" && cur.edition === "2019") {
    for (const key of ["licensing", "otherServices", "penalties", "coercion", "fees"] as const) {
      const p = prev.proactiveDisclosure[key];
      const expected = p.previousCount + p.change;
      const actual = cur.proactiveDisclosure[key].previousCount;
      if (expected === actual) continue;
      const cell = cellAt("2019", ["proactiveDisclosure", key, "previousCount"]);
      issues.push(
        issue(
          RULES.projectCount,
          ["proactiveDisclosure", key, "previousCount"],
          `${cell?.zh}: 上年为 ${p.previousCount}，增减 ${signed(p.change)}，应为 ${expected}，本年填写 ${actual}`,
          `${cell?.en}: last year ${p.previousCount} ${signed(p.change)} gives ${expected}, this year says ${actual}`,
          [
            ["previous", "proactiveDisclosure", key, "previousCount"],
            ["previous", "proactiveDisclosure", key, "change"],
          ],
          { expected, actual },
        ),
      );
    }
  }
}

/** Invariant 9: 2021 edition, in force (N) ≈ in force (N−1) + issued (N) − repealed (N). */
function inForce(prev: Report, cur: Report, issues: ValidationIssue[]): void {
  if (prev.edition === "2021" && cur.edition === "2021") {
    for (const key of ["rules", "normativeDocuments"] as const) {
      const p = prev.proactiveDisclosure[key];
      const n = cur.proactiveDisclosure[key];
      const expected = p.inForce + n.issued - n.repealed;
      if (expected === n.inForce) continue;
      const row = PROACTIVE_BLOCKS["2021"][0]?.rows.find((r) => r.key === key);
      issues.push(
        issue(
          RULES.inForce,
          ["proactiveDisclosure", key, "inForce"],
          `${sectionDef("proactiveDisclosure").table} ${row?.zh} · 现行有效件数: 上年 ${p.inForce} + 本年制发 ${n.issued} − 本年废止 ${n.repealed} = ${expected}，报告填写 ${n.inForce}`,
          `Table 2, ${row?.en}: in force last year ${p.inForce} + issued ${n.issued} − repealed ${n.repealed} = ${expected}, the report says ${n.inForce}`,
          [
            ["previous", "proactiveDisclosure", key, "inForce"],
            ["proactiveDisclosure", key, "issued"],
            ["proactiveDisclosure", key, "repealed"],
          ],
          { expected, actual: n.inForce },
        ),
      );
    }
  }
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

/**
 * Across reports of one year: the latest version of each report, the cross-year checks between an
 * agency's consecutive years, the roll-up, the expected agencies that have not reported, and the
 * figures of the overview charts. Labels come from core's catalog.
 */
import {
  AgencyIndex,
  APPLICATION_L1,
  compareYears,
  type Edition,
  numericCellsOf,
  OUTCOME_CATEGORIES,
  REVIEW_GROUPS,
  ReportSum,
  sameAgency,
  sumAt,
  type ValidationIssue,
} from "@gov-report/core/lite";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { latestVersions, type ReportSummary } from "./latest.js";

export interface Latest extends ReportSummary {
  report: Record<string, unknown>;
}

export async function latestOf(db: Kysely<Database>, years: number[], ids?: number[]): Promise<Latest[]> {
  if (years.length === 0) return [];
  let q = latestVersions(db)
    .select("versions.report_json as json")
    .where("reports.year", "in", years)
    .orderBy("reports.agency");
  if (ids) q = q.where("reports.id", "in", ids.length ? ids : [-1]);
  const rows = await q.execute();
  return rows.map(({ json, ...r }) => ({ ...r, report: JSON.parse(json) as Record<string, unknown> }));
}

export interface CrossYearPair {
  agency: string;
  previous: { id: number; year: number; agency: string };
  current: { id: number; year: number; agency: string };
  ok: boolean;
  issues: ValidationIssue[];
  textOverlap: number | null;
}

/** compareYears for each agency that has reports for year − 1 and year. */
export async function crossYear(db: Kysely<Database>, year: number): Promise<CrossYearPair[]> {
  const rows = await latestOf(db, [year - 1, year]);
  const index = new AgencyIndex();
  const byKey = new Map<string, { prev?: Latest; cur?: Latest }>();
  for (const r of rows) {
    const k = index.key(r.agency);
    const e = byKey.get(k) ?? {};
    if (r.year === year) e.cur = r;
    else e.prev = r;
    byKey.set(k, e);
  }
  const out: CrossYearPair[] = [];
  for (const { prev, cur } of byKey.values()) {
    if (!prev || !cur) continue;
    const c = compareYears(prev.report, cur.report);
    out.push({
      agency: cur.agency,
      previous: { id: prev.id, year: prev.year, agency: prev.agency },
      current: { id: cur.id, year: cur.year, agency: cur.agency },
      ok: c.ok,
      issues: c.issues,
      textOverlap: c.textOverlap ?? null,
    });
  }
  return out.sort((a, b) => a.agency.localeCompare(b.agency));
}

export interface RollupResult {
  year: number;
  edition: string | null;
  report: unknown | null;
  ok: boolean;
  summed: { id: number; agency: string }[];
  skipped: { id: number; agency: string; reason: string; reasonEn: string }[];
  issues: ValidationIssue[];
}

/**
 * Sums the latest version of each chosen report of a year. A report with cells that could not be
 * read is skipped, not summed: its placeholders are not figures. The roll-up's edition is the one
 * most reports of the year use; reports of the other edition are skipped (core refuses mixing).
 */
export async function rollup(
  db: Kysely<Database>,
  year: number,
  ids: number[] | undefined,
  agencyName: string,
): Promise<RollupResult> {
  const rows = await latestOf(db, [year], ids);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.edition, (counts.get(r.edition) ?? 0) + 1);
  const edition = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as Edition | undefined;
  const result: RollupResult = {
    year,
    edition: edition ?? null,
    report: null,
    ok: false,
    summed: [],
    skipped: [],
    issues: [],
  };
  if (!edition || (edition !== "2019" && edition !== "2021")) return result;
  const sum = new ReportSum({ edition, year, agencyName });
  for (const r of rows) {
    if (r.unread > 0) {
      result.skipped.push({
        id: r.id,
        agency: r.agency,
        reason: `有 ${r.unread} 个单元格未能读取或有歧义，未计入汇总`,
        reasonEn: `${r.unread} cell(s) unread or ambiguous; not summed`,
      });
      continue;
    }
    const { added, issues } = sum.add(r.report);
    if (added) result.summed.push({ id: r.id, agency: r.agency });
    else {
      const why = issues.find((i) => i.severity === "error") ?? issues[0];
      result.skipped.push({
        id: r.id,
        agency: r.agency,
        reason: why?.message ?? "未计入",
        reasonEn: why?.messageEn ?? "not summed",
      });
    }
  }
  const res = sum.result();
  Object.assign(result, { report: res.report ?? null, ok: res.ok, issues: res.issues });
  return result;
}

/** The expected agencies with no report for the year (a longer or shorter printed name counts). */
export async function missingAgencies(db: Kysely<Database>, year: number) {
  const expected = await db.selectFrom("expected_agencies").select("name").orderBy("id").execute();
  const reported = await db.selectFrom("reports").select("agency").where("year", "=", year).execute();
  const missing = expected.filter((e) => !reported.some((r) => sameAgency(r.agency, e.name))).map((e) => e.name);
  return { expected: expected.map((e) => e.name), missing, reported: reported.length };
}

/** Reads an expected-agencies CSV: the first column of each line, a header line 机关/名称/name skipped. */
export function parseAgencyCsv(text: string): string[] {
  const names: string[] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    let cell = line.split(",")[0]?.trim() ?? "";
    if (cell.startsWith('"') && cell.endsWith('"') && cell.length >= 2)
      cell = cell.slice(1, -1).replace(/""/g, '"').trim();
    if (cell && cell.length <= 200) names.push(cell);
  }
  if (names.length && /^(机关|机关名称|单位|单位名称|名称|name|agency)$/i.test(names[0]!)) names.shift();
  return [...new Set(names)];
}

// ---------------------------------------------------------------------------------------------
// Overview figures
// ---------------------------------------------------------------------------------------------

/** Sum of the 总计 column over the rows under a path prefix (a category and its items). */
function rowTotal(report: Record<string, unknown>, prefix: readonly string[]): number {
  const ed = report.edition === "2019" ? "2019" : "2021";
  const paths = numericCellsOf(ed)
    .map((c) => c.path)
    .filter((p) => p.at(-1) === "total" && prefix.every((k, i) => p[i] === k));
  // A category printed as one row has the total right below it; otherwise its item rows.
  const direct = paths.filter((p) => p.length === prefix.length + 1);
  return sumAt(report, direct.length ? direct : paths);
}

export interface OverviewSeries {
  key: string;
  zh: string;
  en: string;
}

export interface OverviewTable {
  id: string;
  zh: string;
  en: string;
  series: OverviewSeries[];
  rows: { label: string; id?: number; values: number[] }[];
}

const OUTCOME_KEYS = Object.keys(OUTCOME_CATEGORIES).filter(
  (k) => k !== "total",
) as (keyof typeof OUTCOME_CATEGORIES)[];

function applicationsTable(rows: Latest[]): OverviewTable {
  const series = [
    { key: "received", ...APPLICATION_L1.received },
    ...OUTCOME_KEYS.map((k) => ({ key: k, ...OUTCOME_CATEGORIES[k] })),
  ];
  return {
    id: "applications",
    zh: "本年新收申请与办理结果（按机关）",
    en: "Applications received and outcomes, by agency",
    series,
    rows: rows.map((r) => ({
      label: r.agency,
      id: r.id,
      values: [
        rowTotal(r.report, ["applications", "received"]),
        ...OUTCOME_KEYS.map((k) => rowTotal(r.report, ["applications", "outcomes", k])),
      ],
    })),
  };
}

function reviewsTable(rows: Latest[]): OverviewTable {
  return {
    id: "reviews",
    zh: "行政复议、行政诉讼（按机关）",
    en: "Reviews and lawsuits, by agency",
    series: REVIEW_GROUPS.map((g) => ({
      key: g.key,
      zh: g.parent ? `${g.parent.zh} ${g.zh}` : g.zh,
      en: g.parent ? `${g.parent.en}: ${g.en}` : g.en,
    })),
    rows: rows.map((r) => ({
      label: r.agency,
      id: r.id,
      values: REVIEW_GROUPS.map((g) => rowTotal(r.report, ["reviewsAndLawsuits", g.key])),
    })),
  };
}

function topTable(
  id: string,
  zh: string,
  en: string,
  s: OverviewSeries,
  rows: { label: string; id: number; v: number }[],
): OverviewTable {
  const top = rows
    .filter((r) => r.v > 0)
    .sort((a, b) => b.v - a.v)
    .slice(0, 10);
  return { id, zh, en, series: [s], rows: top.map((r) => ({ label: r.label, id: r.id, values: [r.v] })) };
}

export async function overview(db: Kysely<Database>, year: number): Promise<OverviewTable[]> {
  const allYears = await db.selectFrom("reports").select("year").distinct().orderBy("year").execute();
  const years = allYears.map((y) => y.year).filter((y) => y <= year);
  const rows = await latestOf(db, years);
  const thisYear = rows.filter((r) => r.year === year);
  const across: OverviewTable = {
    id: "years",
    zh: "历年合计（各机关报告之和）",
    en: "Totals across years (all agencies' reports)",
    series: [
      { key: "received", ...APPLICATION_L1.received },
      ...REVIEW_GROUPS.map((g) => ({ key: g.key, zh: g.parent ? `${g.parent.zh} ${g.zh}` : g.zh, en: g.en })),
    ],
    rows: years.map((y) => {
      const ys = rows.filter((r) => r.year === y);
      const sumOf = (f: (r: Latest) => number) => ys.reduce((a, r) => a + f(r), 0);
      return {
        label: String(y),
        values: [
          sumOf((r) => rowTotal(r.report, ["applications", "received"])),
          ...REVIEW_GROUPS.map((g) => sumOf((r) => rowTotal(r.report, ["reviewsAndLawsuits", g.key]))),
        ],
      };
    }),
  };
  return [
    applicationsTable(thisYear),
    reviewsTable(thisYear),
    across,
    topTable(
      "errors",
      "错误最多的机关",
      "Agencies with the most errors",
      { key: "errors", zh: "错误", en: "Errors" },
      thisYear.map((r) => ({ label: r.agency, id: r.id, v: r.errors })),
    ),
    topTable(
      "withheld",
      "不予公开最多的机关",
      "Agencies withholding most often",
      { key: "withheld", ...OUTCOME_CATEGORIES.withheld },
      thisYear.map((r) => ({
        label: r.agency,
        id: r.id,
        v: rowTotal(r.report, ["applications", "outcomes", "withheld"]),
      })),
    ),
  ];
}

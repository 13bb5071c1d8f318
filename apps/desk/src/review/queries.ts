/** Reading reports back: the list (filtered, sorted, paged in the database) and one report's versions. */
import { publicationDeadline } from "@gov-report/core/lite";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../db/schema.js";
import { latestVersions, type ReportSummary } from "./latest.js";

export const SORT_KEYS = ["agency", "year", "edition", "version", "errors", "warnings", "unread", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const STATUSES = ["clean", "pending", "reviewed"] as const;

export interface ListQuery {
  year?: number;
  q?: string;
  status?: (typeof STATUSES)[number];
  hasErrors?: boolean;
  hasUnread?: boolean;
  sort: SortKey;
  order: "asc" | "desc";
  limit: number;
  offset: number;
}

export interface ListItem extends ReportSummary {
  decided: number;
  status: (typeof STATUSES)[number];
  signatureDate: string | null;
  deadline: string;
  late: boolean | null;
  updatedAt: string;
}

/** Each sort key's column, named as the list query outputs it (so the page can be sorted twice). */
const SORT_COLUMN: Record<SortKey, string> = {
  agency: "agency",
  year: "year",
  edition: "edition",
  version: "version",
  errors: "errors",
  warnings: "warnings",
  unread: "unread",
  updated: "updatedAt",
};

/** LIKE pattern for a substring, with the pattern characters of the input escaped. */
const containing = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Only the findings open in the latest version count: a decision on a resolved finding (or on
// one of another version) does not review what is open now.
const openOf = (version: RawBuilder<unknown>) =>
  sql<number>`(select count(*) from version_findings vf where vf.version_id = ${version})`;
const decidedOf = (report: RawBuilder<unknown>, version: RawBuilder<unknown>) =>
  sql<number>`(select count(*) from version_findings vf inner join decisions d on d.report_id = ${report} and d.fingerprint = vf.fingerprint where vf.version_id = ${version} and d.decision is not null)`;

/** The latest versions the query's filters keep, with the columns of a list item. */
function filtered(db: Kysely<Database>, q: ListQuery) {
  let query = latestVersions(db).select([
    "versions.id as versionId",
    "versions.signature_date as signatureDate",
    "reports.updated_at as updatedAt",
  ]);
  if (q.year !== undefined) query = query.where("reports.year", "=", q.year);
  if (q.q) query = query.where(sql<boolean>`reports.agency like ${containing(q.q)} escape '\\'`);
  if (q.hasErrors) query = query.where("versions.errors", ">", 0);
  if (q.hasUnread) query = query.where("versions.unread", ">", 0);
  if (q.status === "clean") query = query.where(sql<boolean>`versions.errors + versions.warnings = 0`);
  if (q.status === "pending" || q.status === "reviewed") {
    // Only these two filters count decisions for every report; the page counts them for its rows.
    const decided = decidedOf(sql.ref("reports.id"), sql.ref("versions.id"));
    const open = openOf(sql.ref("versions.id"));
    query = query
      .where(sql<boolean>`versions.errors + versions.warnings > 0`)
      .where(q.status === "pending" ? sql<boolean>`${decided} < ${open}` : sql<boolean>`${decided} >= ${open}`);
  }
  return query;
}

/**
 * One page of the list and the number of reports the filters keep. The page is cut first and the
 * decisions counted for its rows only: counting them for every report made the unfiltered list
 * slow on SQLite.
 */
export async function listReports(db: Kysely<Database>, q: ListQuery): Promise<{ total: number; items: ListItem[] }> {
  const base = filtered(db, q);
  const countRow = await db
    .selectFrom(base.as("b"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const sort = SORT_COLUMN[q.sort];
  const page = base.orderBy(sql.ref(sort), q.order).orderBy("reports.id", "asc").limit(q.limit).offset(q.offset);
  const rows = await db
    .selectFrom(page.as("p"))
    .selectAll("p")
    .select([
      decidedOf(sql.ref("p.id"), sql.ref("p.versionId")).as("decided"),
      openOf(sql.ref("p.versionId")).as("open"),
    ])
    .orderBy(sql.ref(`p.${sort}`), q.order)
    .orderBy("p.id", "asc")
    .execute();
  return { total: Number(countRow.n), items: rows.map(toItem) };
}

type Counted = Omit<ListItem, "decided" | "status" | "deadline" | "late"> & {
  versionId: number;
  decided: number | string | bigint | null;
  open: number | string | bigint | null;
};

export function toItem(r: Counted): ListItem {
  const { open: openRaw, versionId: _versionId, ...rest } = r;
  const decided = Number(r.decided ?? 0);
  const open = Number(openRaw ?? 0);
  const deadline = publicationDeadline(r.year, r.agency);
  return {
    ...rest,
    decided,
    status: r.errors + r.warnings === 0 ? "clean" : decided >= open ? "reviewed" : "pending",
    deadline,
    late: r.signatureDate ? r.signatureDate > deadline : null,
  };
}

export async function versionsOf(db: Kysely<Database>, reportId: number) {
  return db
    .selectFrom("versions")
    .select([
      "id",
      "version",
      "filename",
      "kind",
      "size",
      "sha256",
      "imported_at as importedAt",
      "imported_by as importedBy",
      "errors",
      "warnings",
      "unread",
      "signature_date as signatureDate",
    ])
    .where("report_id", "=", reportId)
    .orderBy("version", "desc")
    .execute();
}

export async function versionRow(db: Kysely<Database>, reportId: number, version?: number) {
  let q = db
    .selectFrom("versions")
    .innerJoin("reports", "reports.id", "versions.report_id")
    .where("versions.report_id", "=", reportId);
  q =
    version === undefined
      ? q.whereRef("versions.version", "=", "reports.latest_version")
      : q.where("versions.version", "=", version);
  return q
    .select([
      "versions.version as version",
      "versions.kind as kind",
      "versions.filename as filename",
      "versions.report_json as reportJson",
      "versions.diagnostics_json as diagnosticsJson",
      "versions.original as original",
    ])
    .executeTakeFirst();
}

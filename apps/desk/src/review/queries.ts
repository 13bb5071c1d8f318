/** Reading reports back: the list (filtered, sorted, paged in the database) and one report's versions. */
import { publicationDeadline } from "@gov-report/core/lite";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";

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

export interface ListItem {
  id: number;
  agency: string;
  year: number;
  edition: string;
  version: number;
  errors: number;
  warnings: number;
  unread: number;
  decided: number;
  status: (typeof STATUSES)[number];
  signatureDate: string | null;
  deadline: string;
  late: boolean | null;
  updatedAt: string;
}

const SORT_COLUMN: Record<SortKey, string> = {
  agency: "reports.agency",
  year: "reports.year",
  edition: "reports.edition",
  version: "reports.latest_version",
  errors: "versions.errors",
  warnings: "versions.warnings",
  unread: "versions.unread",
  updated: "reports.updated_at",
};

/** LIKE pattern for a substring, with the pattern characters of the input escaped. */
const containing = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function baseQuery(db: Kysely<Database>, q: ListQuery) {
  // Only the findings open in the latest version count: a decision on a resolved finding (or on
  // one of another version) does not review what is open now.
  const open = sql<number>`(select count(*) from version_findings vf where vf.version_id = versions.id)`;
  const decided = sql<number>`(select count(*) from version_findings vf inner join decisions d on d.report_id = reports.id and d.fingerprint = vf.fingerprint where vf.version_id = versions.id and d.decision is not null)`;
  let query = db
    .selectFrom("reports")
    .innerJoin("versions", (j) =>
      j.onRef("versions.report_id", "=", "reports.id").onRef("versions.version", "=", "reports.latest_version"),
    )
    .select([
      "reports.id as id",
      "reports.agency as agency",
      "reports.year as year",
      "reports.edition as edition",
      "reports.latest_version as version",
      "versions.errors as errors",
      "versions.warnings as warnings",
      "versions.unread as unread",
      "versions.signature_date as signatureDate",
      "reports.updated_at as updatedAt",
      decided.as("decided"),
      open.as("open"),
    ]);
  if (q.year !== undefined) query = query.where("reports.year", "=", q.year);
  if (q.q) query = query.where(sql<boolean>`reports.agency like ${containing(q.q)} escape '\\'`);
  if (q.hasErrors) query = query.where("versions.errors", ">", 0);
  if (q.hasUnread) query = query.where("versions.unread", ">", 0);
  if (q.status === "clean") query = query.where(sql<boolean>`versions.errors + versions.warnings = 0`);
  if (q.status === "pending")
    query = query
      .where(sql<boolean>`versions.errors + versions.warnings > 0`)
      .where(sql<boolean>`${decided} < ${open}`);
  if (q.status === "reviewed")
    query = query
      .where(sql<boolean>`versions.errors + versions.warnings > 0`)
      .where(sql<boolean>`${decided} >= ${open}`);
  return query;
}

export async function listReports(db: Kysely<Database>, q: ListQuery): Promise<{ total: number; items: ListItem[] }> {
  const base = baseQuery(db, q);
  const countRow = await db
    .selectFrom(base.as("b"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy(sql.ref(SORT_COLUMN[q.sort]), q.order)
    .orderBy("reports.id", "asc")
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(countRow.n), items: rows.map(toItem) };
}

export function toItem(r: {
  id: number;
  agency: string;
  year: number;
  edition: string;
  version: number;
  errors: number;
  warnings: number;
  unread: number;
  signatureDate: string | null;
  updatedAt: string;
  decided: number | string | bigint | null;
  open: number | string | bigint | null;
}): ListItem {
  const { open: openRaw, ...rest } = r;
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

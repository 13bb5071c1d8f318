/**
 * The latest version of each report: a report joined to its latest version, with the summary that
 * every listing shows. The report list, the cross-year checks, the roll-up and the overview all
 * start from this one query and add the columns and filters they need.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** A report at a glance: which report and version, how many findings and unread cells it has. */
export interface ReportSummary {
  id: number;
  agency: string;
  year: number;
  edition: string;
  version: number;
  errors: number;
  warnings: number;
  unread: number;
}

/** The columns of a ReportSummary, in a query that joins reports to one of their versions. */
export const SUMMARY_COLUMNS = [
  "reports.id as id",
  "reports.agency as agency",
  "reports.year as year",
  "reports.edition as edition",
  "versions.version as version",
  "versions.errors as errors",
  "versions.warnings as warnings",
  "versions.unread as unread",
] as const;

/** Each report with its latest version (indexes of migration 0003 serve the join and the default order). */
export function latestVersions(db: Kysely<Database>) {
  return db
    .selectFrom("reports")
    .innerJoin("versions", (j) =>
      j.onRef("versions.report_id", "=", "reports.id").onRef("versions.version", "=", "reports.latest_version"),
    )
    .select(SUMMARY_COLUMNS);
}

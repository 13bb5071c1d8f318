/**
 * The bodies the desk's HTTP API sends, as types: the handlers build them and the UI reads them.
 * The UI imports this module with `import type` only, so no server code reaches its bundle; a
 * change of a body on the server is a type error in the UI. Types made by the review modules are
 * declared there, next to the queries that fill them, and re-exported here.
 */
import type { Provenance } from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import type { Selectable } from "kysely";
import type { Role } from "../auth/users.js";
import type { ImportTable } from "../db/schema.js";
import type { ImportOutcome } from "../ingest/importer.js";
import type { Finding } from "../review/findings.js";
import type { ReportSummary } from "../review/latest.js";
import type { ListItem } from "../review/queries.js";

export type { CrossYearPair, OverviewSeries, OverviewTable, RollupResult } from "../review/across.js";
export type { Decision, DecisionKind, Finding } from "../review/findings.js";
export type { ReportSummary } from "../review/latest.js";
export type { ListItem } from "../review/queries.js";

/** POST /api/reports: the report the file went to, at the version it became. */
export type ImportSummary = ReportSummary;

/** GET /api/session. */
export interface Session {
  mode: "single-user" | "accounts";
  user: string | null;
  role: Role | null;
  csrf: string | null;
}

/** POST /api/login. */
export interface LoginResult {
  user: string;
  role: Role;
  csrf: string;
}

/** GET /api/reports: one page of the list and the number of reports the filters keep. */
export interface ListPage {
  total: number;
  items: ListItem[];
}

/** GET /api/years: each year with reports, and how many. */
export interface YearCount {
  year: number;
  count: number;
}

/** One stored version of a report, as GET /api/reports/{id} lists them. */
export interface VersionInfo {
  id: number;
  version: number;
  filename: string;
  kind: string;
  size: number;
  sha256: string;
  importedAt: string;
  importedBy: string;
  errors: number;
  warnings: number;
  unread: number;
  signatureDate: string | null;
}

/** GET /api/reports/{id}: one version of a report with every finding of every version. */
export interface ReportDetail {
  id: number;
  agency: string;
  year: number;
  edition: string;
  version: number;
  latestVersion: number;
  kind: string;
  filename: string;
  report: Record<string, unknown>;
  provenance: Provenance | null;
  diagnostics: Diagnostic[];
  findings: Finding[];
  versions: VersionInfo[];
  signatureDate: string | null;
  deadline: string;
  late: boolean | null;
}

/** POST /api/imports: the batch started in the background. */
export interface BatchStarted {
  id: number;
  total: number;
}

/** One file of a batch import. */
export interface BatchItem {
  filename: string;
  status: ImportOutcome["status"];
  reason: { zh: string; en: string } | null;
  reportId: number | null;
}

/** GET /api/imports/{id}: a batch's progress and its files. */
export type BatchStatus = Selectable<ImportTable> & { items: BatchItem[] };

/** GET /api/expected: the expected agencies and those with no report for the year. */
export interface ExpectedAgencies {
  expected: string[];
  missing: string[];
  reported: number;
}

/** POST /api/expected: how many agencies the CSV named. */
export interface ExpectedReplaced {
  count: number;
}

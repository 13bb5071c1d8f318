/**
 * The desk's tables as Kysely sees them. JSON values are stored as text in both dialects (one
 * code path; the desk never queries inside them), original files as BLOB / bytea.
 */
import type { Generated } from "kysely";

export interface ReportTable {
  id: Generated<number>;
  /** Printed agency name of the latest version. */
  agency: string;
  year: number;
  edition: string;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

export interface VersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  sha256: string;
  /** The uploaded file's name, for display only: never used as a path. */
  filename: string;
  kind: string;
  size: number;
  original: Uint8Array;
  /** The parsed report (JSON text), including `provenance` when the parser made it. */
  report_json: string;
  diagnostics_json: string;
  issues_json: string;
  errors: number;
  warnings: number;
  unread: number;
  signature_date: string | null;
  imported_at: string;
  imported_by: string;
}

export interface ImportTable {
  id: Generated<number>;
  filename: string;
  total: number;
  done: number;
  failed: number;
  status: string;
  started_at: string;
  finished_at: string | null;
  started_by: string;
}

export interface ImportItemTable {
  id: Generated<number>;
  import_id: number;
  filename: string;
  status: string;
  reason: string | null;
  report_id: number | null;
}

export interface DecisionTable {
  report_id: number;
  fingerprint: string;
  /** "confirmed" | "dismissed" | null (a note only). */
  decision: string | null;
  reason: string | null;
  note: string | null;
  decided_by: string;
  decided_at: string;
  /** The version the decision was taken on. */
  version: number;
}

/** One row per distinct finding (fingerprint) a version has. */
export interface VersionFindingTable {
  version_id: number;
  fingerprint: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  report_id: number | null;
  fingerprint: string | null;
  detail_json: string;
}

export interface ExpectedAgencyTable {
  id: Generated<number>;
  name: string;
  added_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the session token (the cookie holds the token itself). */
  token_hash: string;
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface Database {
  reports: ReportTable;
  versions: VersionTable;
  imports: ImportTable;
  import_items: ImportItemTable;
  decisions: DecisionTable;
  version_findings: VersionFindingTable;
  audit: AuditTable;
  expected_agencies: ExpectedAgencyTable;
  users: UserTable;
  sessions: SessionTable;
}

/**
 * Storing one analysed file: in one transaction, find the report of the same agency and year (the
 * same agency under a longer or shorter printed name counts, as core's sameAgency says) or create
 * it, and add the file as its next version. The same bytes again are the same version.
 */
import { createHash } from "node:crypto";
import { sameAgency } from "@gov-report/core/lite";
import { type Kysely, sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { Database } from "../db/schema.js";
import { insertVersionFindings } from "../review/findings.js";
import { type ReportSummary, SUMMARY_COLUMNS } from "../review/latest.js";
import type { Analysis } from "./analyze.js";

/** What an import answers: the report the file went to, at the version it became. */
export type ImportSummary = ReportSummary;

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const now = () => new Date().toISOString();

/** The report (its id and latest version's summary) that already holds these bytes, if any. */
export async function findBySha(db: Kysely<Database>, sha: string): Promise<ImportSummary | undefined> {
  const row = await db
    .selectFrom("versions")
    .innerJoin("reports", "reports.id", "versions.report_id")
    .select(SUMMARY_COLUMNS)
    .where("versions.sha256", "=", sha)
    .executeTakeFirst();
  return row;
}

async function reportFor(trx: Kysely<Database>, agency: string, year: number) {
  const candidates = await trx
    .selectFrom("reports")
    .select(["id", "agency", "latest_version"])
    .where("year", "=", year)
    .execute();
  return candidates.find((r) => sameAgency(r.agency, agency));
}

export interface StoreInput {
  bytes: Uint8Array;
  sha: string;
  filename: string;
  analysis: Required<Pick<Analysis, "agency" | "year" | "reportJson" | "issues">> & Analysis;
  actor: string;
}

type StoreResult = { created: boolean; summary: ImportSummary; versionId: number };

/** Stores the file as a new version (or finds it stored already). One transaction. */
export async function storeVersion({ db, dialect }: Db, input: StoreInput): Promise<StoreResult> {
  return db.transaction().execute(async (trx) => {
    // One writer per report year at a time across servers sharing a PostgreSQL database, so two
    // files of one agency never get the same version number or two reports.
    if (dialect === "postgres") await sql`select pg_advisory_xact_lock(${input.analysis.year})`.execute(trx);
    const existing = await findBySha(trx, input.sha);
    if (existing) {
      const v = await trx.selectFrom("versions").select("id").where("sha256", "=", input.sha).executeTakeFirstOrThrow();
      return { created: false, summary: existing, versionId: v.id };
    }
    return storeNew(trx, input);
  });
}

/** The new version of the agency's report of that year (creating the report for a first version). */
async function storeNew(trx: Kysely<Database>, input: StoreInput): Promise<StoreResult> {
  const a = input.analysis;
  const at = now();
  const { reportId, version } = await upsertReport(trx, a, at);
  const versionId = await insertVersion(trx, input, reportId, version, at);
  await insertVersionFindings(trx, versionId, a.issues);
  await trx
    .insertInto("audit")
    .values({
      at,
      actor: input.actor,
      action: "import",
      report_id: reportId,
      fingerprint: null,
      detail_json: JSON.stringify({ version, filename: input.filename, sha256: input.sha }),
    })
    .execute();
  const summary: ImportSummary = {
    id: reportId,
    agency: a.agency,
    year: a.year,
    edition: a.edition ?? "",
    version,
    errors: a.errors ?? 0,
    warnings: a.warnings ?? 0,
    unread: a.unread ?? 0,
  };
  return { created: true, summary, versionId };
}

/** Moves the agency's report of that year to its next version, or creates it at version 1. */
async function upsertReport(trx: Kysely<Database>, a: StoreInput["analysis"], at: string) {
  const found = await reportFor(trx, a.agency, a.year);
  if (found) {
    const version = found.latest_version + 1;
    await trx
      .updateTable("reports")
      .set({ agency: a.agency, edition: a.edition ?? "", latest_version: version, updated_at: at })
      .where("id", "=", found.id)
      .execute();
    return { reportId: found.id, version };
  }
  const r = await trx
    .insertInto("reports")
    .values({
      agency: a.agency,
      year: a.year,
      edition: a.edition ?? "",
      latest_version: 1,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { reportId: r.id, version: 1 };
}

async function insertVersion(
  trx: Kysely<Database>,
  input: StoreInput,
  reportId: number,
  version: number,
  at: string,
): Promise<number> {
  const a = input.analysis;
  const v = await trx
    .insertInto("versions")
    .values({
      report_id: reportId,
      version,
      sha256: input.sha,
      filename: input.filename,
      kind: a.kind,
      size: input.bytes.length,
      original: input.bytes,
      report_json: a.reportJson,
      diagnostics_json: a.diagnosticsJson ?? "[]",
      issues_json: JSON.stringify(a.issues),
      errors: a.errors ?? 0,
      warnings: a.warnings ?? 0,
      unread: a.unread ?? 0,
      signature_date: a.signatureDate ?? null,
      imported_at: at,
      imported_by: input.actor,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return v.id;
}

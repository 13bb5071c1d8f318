/**
 * Versioned migrations, applied in order at start (Kysely's Migrator records them in its own
 * table). A migration is never edited once released: a change is a new entry.
 */
import type { ValidationIssue } from "@gov-report/core/lite";
import { type Kysely, type Migration, type MigrationProvider, type RawBuilder, sql } from "kysely";
import { insertVersionFindings } from "../review/findings.js";
import type { Database } from "./schema.js";

export type DialectName = "sqlite" | "postgres";

function migrationsFor(dialect: DialectName): Record<string, Migration> {
  const blob = dialect === "postgres" ? sql`bytea` : sql`blob`;
  // An integer key the database assigns: SERIAL in PostgreSQL, INTEGER PRIMARY KEY in SQLite.
  const idType: "serial" | "integer" = dialect === "postgres" ? "serial" : "integer";
  return {
    "0001-initial": {
      async up(db: Kysely<unknown>) {
        await createReportTables(db, idType, blob);
        await createImportTables(db, idType);
        await createReviewTables(db, idType);
        await createAccessTables(db, idType);
      },
    },
    "0002-version-findings": {
      // The fingerprints each version has, so the review status can count only the decisions on
      // the findings still open in the latest version (a decision on a resolved one reviews nothing).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("version_findings")
          .addColumn("version_id", "integer", (c) => c.notNull().references("versions.id"))
          .addColumn("fingerprint", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("version_findings_pk", ["version_id", "fingerprint"])
          .execute();
        await backfillVersionFindings(db as unknown as Kysely<Database>);
      },
    },
    "0003-list-indexes": {
      // Listing reports joins each to its latest version and reads its counts. In SQLite those
      // columns sit after the original file and the JSON texts, so reading them from the table
      // walks every version's overflow pages: versions_summary holds the join key and the counts.
      // reports_agency gives the default order (by agency) without sorting every report.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex("versions_summary")
          .on("versions")
          .columns(["report_id", "version", "errors", "warnings", "unread", "signature_date"])
          .execute();
        await db.schema.createIndex("reports_agency").on("reports").column("agency").execute();
      },
    },
  };
}

/** 0001: reports and their versions (the original files and what checking them found). */
async function createReportTables(
  db: Kysely<unknown>,
  idType: "serial" | "integer",
  blob: RawBuilder<unknown>,
): Promise<void> {
  await db.schema
    .createTable("reports")
    .addColumn("id", idType, (c) => c.primaryKey())
    .addColumn("agency", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("edition", "text", (c) => c.notNull())
    .addColumn("latest_version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reports_year").on("reports").columns(["year", "agency"]).execute();
  await db.schema
    .createTable("versions")
    .addColumn("id", idType, (c) => c.primaryKey())
    .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("original", blob, (c) => c.notNull())
    .addColumn("report_json", "text", (c) => c.notNull())
    .addColumn("diagnostics_json", "text", (c) => c.notNull())
    .addColumn("issues_json", "text", (c) => c.notNull())
    .addColumn("errors", "integer", (c) => c.notNull())
    .addColumn("warnings", "integer", (c) => c.notNull())
    .addColumn("unread", "integer", (c) => c.notNull())
    .addColumn("signature_date", "text")
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addColumn("imported_by", "text", (c) => c.notNull())
    .addUniqueConstraint("versions_report_version", ["report_id", "version"])
    .execute();
}

/** 0001: batch imports and their per-file outcome. */
async function createImportTables(db: Kysely<unknown>, idType: "serial" | "integer"): Promise<void> {
  await db.schema
    .createTable("imports")
    .addColumn("id", idType, (c) => c.primaryKey())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("done", "integer", (c) => c.notNull())
    .addColumn("failed", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("started_by", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("import_items")
    .addColumn("id", idType, (c) => c.primaryKey())
    .addColumn("import_id", "integer", (c) => c.notNull().references("imports.id"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("report_id", "integer")
    .execute();
  await db.schema.createIndex("import_items_import").on("import_items").column("import_id").execute();
}

/** 0001: decisions on findings, the audit trail and the agencies expected to report. */
async function createReviewTables(db: Kysely<unknown>, idType: "serial" | "integer"): Promise<void> {
  await db.schema
    .createTable("decisions")
    .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id"))
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("decision", "text")
    .addColumn("reason", "text")
    .addColumn("note", "text")
    .addColumn("decided_by", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("decisions_pk", ["report_id", "fingerprint"])
    .execute();
  await db.schema
    .createTable("audit")
    .addColumn("id", idType, (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("report_id", "integer")
    .addColumn("fingerprint", "text")
    .addColumn("detail_json", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("expected_agencies")
    .addColumn("id", idType, (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("added_at", "text", (c) => c.notNull())
    .execute();
}

/** 0001: users and their sessions. */
async function createAccessTables(db: Kysely<unknown>, idType: "serial" | "integer"): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", idType, (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("csrf", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
}

/** Fills version_findings from the stored issues, a page of versions at a time (bounded memory). */
async function backfillVersionFindings(db: Kysely<Database>): Promise<void> {
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom("versions")
      .select(["id", "issues_json"])
      .where("id", ">", after)
      .orderBy("id", "asc")
      .limit(100)
      .execute();
    if (page.length === 0) return;
    for (const v of page) await insertVersionFindings(db, v.id, JSON.parse(v.issues_json) as ValidationIssue[]);
    after = page.at(-1)!.id;
  }
}

export function migrationProvider(dialect: DialectName): MigrationProvider {
  return { getMigrations: async () => migrationsFor(dialect) };
}

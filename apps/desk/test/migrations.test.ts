/** Migration 0002 fills version_findings for the versions stored before it. */
import Database from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { afterAll, expect, it } from "vitest";
import { migrationProvider } from "../src/db/migrations.js";
import type { Database as Tables } from "../src/db/schema.js";
import { fingerprint } from "../src/review/findings.js";
import { freshDb } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

it("backfills the distinct fingerprints of every stored version", async () => {
  const t = await freshDb("sqlite");
  cleanups.push(t.cleanup);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new Database(t.target) }) });
  const migrator = new Migrator({ db, provider: migrationProvider("sqlite") });
  expect((await migrator.migrateTo("0001-initial")).error).toBeUndefined();
  const issue = (code: string, actual: number) => ({
    code,
    severity: "error" as const,
    path: ["applications", "received"],
    message: "m",
    messageEn: "m",
    actual,
  });
  const issues = [issue("a", 1), issue("a", 1), issue("b", 2)];
  const at = new Date().toISOString();
  const r = await db
    .insertInto("reports")
    .values({ agency: "某局", year: 2024, edition: "2021", latest_version: 1, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  const v = await db
    .insertInto("versions")
    .values({
      report_id: r.id,
      version: 1,
      sha256: "x",
      filename: "f.json",
      kind: "json",
      size: 1,
      original: new Uint8Array([1]),
      report_json: "{}",
      diagnostics_json: "[]",
      issues_json: JSON.stringify(issues),
      errors: 3,
      warnings: 0,
      unread: 0,
      signature_date: null,
      imported_at: at,
      imported_by: "local",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const rows = await db.selectFrom("version_findings").selectAll().where("version_id", "=", v.id).execute();
  expect(rows.map((x) => x.fingerprint).sort()).toEqual(
    [...new Set(issues.map((i) => fingerprint(i as never)))].sort(),
  );
  expect(rows).toHaveLength(2);
  await db.destroy();
}, 60_000);

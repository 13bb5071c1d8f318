/**
 * Opens the desk's database: an embedded SQLite file by default, PostgreSQL for a postgres:// URL.
 * Both go through one Kysely query layer; migrations run before the desk serves anything.
 */
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import { DbOpenError } from "../errors.js";
import { type DialectName, migrationProvider } from "./migrations.js";
import { migrationError, postgresOpenError, sqliteOpenError } from "./open-errors.js";
import type { Database } from "./schema.js";

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data is, for display (a PostgreSQL URL without its password). */
  location: string;
  close(): Promise<void>;
}

export { DbOpenError };

export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target);

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

async function sqliteDialect(file: string): Promise<SqliteDialect> {
  const { default: BetterSqlite } = await import("better-sqlite3");
  let database: InstanceType<typeof BetterSqlite> | undefined;
  try {
    database = new BetterSqlite(file);
    // The first read of the file: a file that is not a database fails here, not at the constructor.
    database.pragma("busy_timeout = 10000");
    // WAL: readers never wait for the writer; a committed transaction survives a killed process.
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("foreign_keys = ON");
  } catch (e) {
    database?.close();
    throw sqliteOpenError(file, e);
  }
  return new SqliteDialect({ database });
}

async function postgresDialect(url: string): Promise<PostgresDialect> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw postgresOpenError(url, redactUrl(url), e);
  }
  return new PostgresDialect({ pool });
}

/** Opens (creating if needed) and migrates the database at `target`: a file path or a postgres:// URL. */
export async function openDb(target: string): Promise<Db> {
  const dialect: DialectName = isPostgresUrl(target) ? "postgres" : "sqlite";
  const kdialect = dialect === "postgres" ? await postgresDialect(target) : await sqliteDialect(target);
  const db = new Kysely<Database>({ dialect: kdialect });
  const location = dialect === "postgres" ? redactUrl(target) : target;
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw migrationError(location, error);
  }
  return {
    db,
    dialect,
    location,
    close: () => db.destroy(),
  };
}

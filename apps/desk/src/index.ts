/**
 * @gov-report/desk — the review desk of a supervisory office: `gov-report serve`. A local web app
 * over a real database (SQLite by default, PostgreSQL for a shared server) where an office imports
 * a year's reports, works through their findings and keeps its decisions.
 */
import type { AddressInfo } from "node:net";
import { isLoopback } from "./auth/access.js";
import { addUser as addUserRow, ROLES, type Role, UserError } from "./auth/users.js";
import { DbOpenError, openDb } from "./db/connect.js";
import { DeskError, ListenError, listenError } from "./errors.js";
import { DEFAULT_LIMITS, type Limits } from "./http/desk.js";
import { createDeskServer } from "./http/server.js";
import { Importer } from "./ingest/importer.js";
import { ParsePool } from "./ingest/pool.js";

export { openApiDocument } from "./http/openapi.js";
export { DbOpenError, DeskError, ListenError, ROLES, type Role, UserError };

export const DEFAULT_DB = "./gov-report.sqlite";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;

export interface DeskOptions {
  /** A SQLite file path or a postgres:// URL (default ./gov-report.sqlite). */
  db?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Parse workers (default: one per core). */
  workers?: number;
  limits?: Partial<Limits>;
  /** Where server-side errors are written (default: standard error). */
  log?: (line: string) => void;
}

export interface RunningDesk {
  url: string;
  /** The database, for display (a PostgreSQL URL without its password). */
  location: string;
  mode: "single-user" | "accounts";
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), starts the parse pool and the HTTP server. Throws a
 * DbOpenError or a ListenError (both DeskError: `message` in Chinese, `messageEn`) for what the
 * person starting it can fix.
 */
export async function startDesk(options: DeskOptions = {}): Promise<RunningDesk> {
  const host = options.host ?? DEFAULT_HOST;
  const loopback = isLoopback(host);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = await openDb(options.db ?? DEFAULT_DB);
  const pool = new ParsePool(options.workers);
  const importer = new Importer(store, pool);
  await importer.markInterrupted();
  const allowedHosts = new Set<string>();
  const server = createDeskServer(
    { store, importer, limits: { ...DEFAULT_LIMITS, ...options.limits } },
    { loopback, allowedHosts, log },
  );
  // Uploads of large PDFs on slow links: generous, but bounded.
  server.requestTimeout = 10 * 60 * 1000;
  server.headersTimeout = 60 * 1000;
  // Longer than clients keep idle connections (undici: 4 s), so that a busy server never closes a
  // connection the client is about to reuse.
  server.keepAliveTimeout = 30 * 1000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
    });
  } catch (e) {
    await pool.close();
    await store.close();
    throw listenError(host, options.port ?? DEFAULT_PORT, e);
  }
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(":") ? `[${host}]` : host;
  for (const h of [shown, "localhost", "127.0.0.1", "[::1]"]) allowedHosts.add(`${h}:${port}`);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${port}/`,
    location: store.location,
    mode: loopback ? "single-user" : "accounts",
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pool.close();
        await store.close();
      })();
      return closing;
    },
  };
}

/** Creates an account (for a desk bound to a non-loopback address). */
export async function addUser(db: string, username: string, password: string, role: Role): Promise<void> {
  const store = await openDb(db);
  try {
    await addUserRow(store.db, username, password, role);
  } finally {
    await store.close();
  }
}

/** Test helpers: a desk on a fresh database (SQLite in a temp folder, or the PostgreSQL test database). */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DeskOptions, type RunningDesk, startDesk } from "../src/index.js";

export const FIXTURES = new URL("../../../fixtures/", import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

/** The PostgreSQL URL of the test database, when the environment names one. */
export const PG_URL = process.env.GOV_REPORT_TEST_PG;

export interface TestDb {
  name: "sqlite" | "postgres";
  target: string;
  cleanup(): void;
}

/** Empties the PostgreSQL test database (its public schema), so each suite starts from nothing. */
export async function resetPostgres(url: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect(); // throws when the server is unreachable: the suite fails, it does not skip
  try {
    await client.query("drop schema public cascade; create schema public;");
  } finally {
    await client.end();
  }
}

export async function freshDb(kind: "sqlite" | "postgres"): Promise<TestDb> {
  if (kind === "postgres") {
    await resetPostgres(PG_URL!);
    return { name: kind, target: PG_URL!, cleanup: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), "gr-desk-"));
  return { name: kind, target: join(dir, "desk.sqlite"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const DIALECTS: ("sqlite" | "postgres")[] = PG_URL ? ["sqlite", "postgres"] : ["sqlite"];

export async function desk(target: string, options: DeskOptions = {}): Promise<RunningDesk> {
  return startDesk({ db: target, port: 0, workers: 2, log: () => undefined, ...options });
}

export async function upload(base: string, name: string, bytes: Uint8Array | string, init: RequestInit = {}) {
  const res = await fetch(`${base}api/reports?filename=${encodeURIComponent(name)}`, {
    method: "POST",
    body: bytes as BodyInit,
    ...init,
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function getJson(base: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, init);
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

export async function postJson(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

/** hongze-2023 with its 表四 totals printed correctly: what the agency would send back. */
export function correctedHongze2023(): string {
  const r = JSON.parse(fixture("hongze-2023.expected.json").toString("utf8"));
  r.reviewsAndLawsuits.administrativeReview.total = 11;
  r.reviewsAndLawsuits.lawsuitAfterReview.total = 5;
  return JSON.stringify(r, null, 2);
}

/** A report whose agency name and narrative are markup. */
export function hostileReport(): string {
  const r = JSON.parse(fixture("huaian-2024.expected.json").toString("utf8"));
  r.agency.name = '<img src=x onerror="window.__pwned=1">某局<script>window.__pwned=2</script>';
  r.overview = '<script>window.__pwned=3</script><b onmouseover="x()">总体情况</b>';
  return JSON.stringify(r);
}

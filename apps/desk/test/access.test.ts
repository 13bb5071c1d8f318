/** Bound to a non-loopback address the desk requires accounts, sessions, CSRF tokens and roles. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, type RunningDesk } from "../src/index.js";
import { fixture, freshDb, type TestDb } from "./helpers.js";

describe("accounts", () => {
  let db: TestDb;
  let d: RunningDesk;
  let base: string;
  beforeAll(async () => {
    db = await freshDb("sqlite");
    await addUser(db.target, "wang", "correct horse", "reviewer");
    await addUser(db.target, "li", "battery staple", "viewer");
    d = await (await import("./helpers.js")).desk(db.target, { host: "0.0.0.0" });
    base = d.url.replace("0.0.0.0", "127.0.0.1");
  });
  afterAll(async () => {
    await d?.close();
    db?.cleanup();
  });

  const login = async (username: string, password: string) => {
    const res = await fetch(`${base}api/login`, { method: "POST", body: JSON.stringify({ username, password }) });
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    return { status: res.status, cookie, body: (await res.json()) as any };
  };

  it("refuses everything but health and log-in without a session", async () => {
    expect(d.mode).toBe("accounts");
    expect((await fetch(`${base}api/health`)).status).toBe(200);
    expect((await fetch(`${base}api/reports`)).status).toBe(401);
    const up = await fetch(`${base}api/reports?filename=a.json`, { method: "POST", body: "{}" });
    expect(up.status).toBe(401);
  });

  it("checks passwords, and stores no password in clear", async () => {
    expect((await login("wang", "wrong password")).status).toBe(401);
    expect((await login("nobody", "correct horse")).status).toBe(401);
    const ok = await login("wang", "correct horse");
    expect(ok.status).toBe(200);
    expect(ok.cookie).toMatch(/^gr_session=/);
    const { default: Database } = await import("better-sqlite3");
    const sql = new Database(db.target, { readonly: true });
    const rows = sql.prepare("select password_hash from users").all() as { password_hash: string }[];
    sql.close();
    expect(rows.every((r) => r.password_hash.startsWith("scrypt$") && !r.password_hash.includes("horse"))).toBe(true);
  });

  it("requires the CSRF token for a change, and the reviewer role", async () => {
    const wang = await login("wang", "correct horse");
    const noToken = await fetch(`${base}api/reports?filename=a.json`, {
      method: "POST",
      body: fixture("hongze-2024.expected.json"),
      headers: { cookie: wang.cookie },
    });
    expect(noToken.status).toBe(403);
    const withToken = await fetch(`${base}api/reports?filename=a.json`, {
      method: "POST",
      body: fixture("hongze-2024.expected.json"),
      headers: { cookie: wang.cookie, "x-csrf-token": wang.body.csrf },
    });
    expect(withToken.status).toBe(201);
    const li = await login("li", "battery staple");
    expect((await fetch(`${base}api/reports`, { headers: { cookie: li.cookie } })).status).toBe(200);
    const viewerWrite = await fetch(`${base}api/expected`, {
      method: "POST",
      body: "淮安市人民政府\n",
      headers: { cookie: li.cookie, "x-csrf-token": li.body.csrf },
    });
    expect(viewerWrite.status).toBe(403);
    await fetch(`${base}api/logout`, {
      method: "POST",
      headers: { cookie: wang.cookie, "x-csrf-token": wang.body.csrf },
    });
    expect((await fetch(`${base}api/reports`, { headers: { cookie: wang.cookie } })).status).toBe(401);
  });
});

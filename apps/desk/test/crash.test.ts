/**
 * kill -9 in the middle of a batch import (3,000 files, killed once 15 are done): after a restart no report is half-imported, every
 * finished import and every decision is still there, and the batch is marked interrupted.
 */
import { type ChildProcess, spawn } from "node:child_process";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, freshDb, getJson, postJson, type TestDb } from "./helpers.js";

function startChild(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@gov-report/source", "test/serve-child.ts", db],
    {
      cwd: new URL("..", import.meta.url),
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve({ child, url: line });
    });
    child.on("exit", (code) => reject(new Error(`desk exited with ${code}`)));
  });
}

function manyReports(n: number): Record<string, Uint8Array> {
  const base = JSON.parse(fixture("huaian-2024.expected.json").toString("utf8"));
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < n; i++) {
    base.agency.name = `测试县第${i}局`;
    files[`r${String(i).padStart(4, "0")}.json`] = new TextEncoder().encode(JSON.stringify(base));
  }
  return files;
}

describe("a killed server", () => {
  let db: TestDb;
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill("SIGKILL");
    db?.cleanup();
  });

  it("loses nothing finished and leaves nothing half-done", async () => {
    db = await freshDb("sqlite");
    let running = await startChild(db.target);
    child = running.child;
    const first = await fetch(`${running.url}api/reports?filename=hz.json`, {
      method: "POST",
      body: fixture("hongze-2023.expected.json"),
    });
    const { id } = (await first.json()) as { id: number };
    const detail = (await getJson(running.url, `api/reports/${id}`)).body;
    const fid = detail.findings[0].id;
    expect((await postJson(running.url, `api/findings/${fid}/decision`, { decision: "confirmed" })).status).toBe(200);

    const zip = zipSync(manyReports(3000), { level: 0 });
    const batch = await fetch(`${running.url}api/imports?filename=batch.zip`, { method: "POST", body: zip });
    expect(batch.status).toBe(202);
    const importId = ((await batch.json()) as { id: number }).id;
    for (;;) {
      const s = await getJson(running.url, `api/imports/${importId}`).then(
        (r) => r.body,
        () => ({ done: 0 }),
      );
      if (s.done >= 15) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));

    running = await startChild(db.target);
    child = running.child;
    const s = (await getJson(running.url, `api/imports/${importId}`)).body;
    expect(s.status).toBe("interrupted");
    expect(s.done).toBeLessThan(3000);
    const list = (await getJson(running.url, "api/reports?limit=1000")).body;
    // Every recorded item is a report; the imports finished before the kill are all there.
    expect(list.total).toBeGreaterThanOrEqual(1 + s.items.filter((i: any) => i.status === "created").length);
    const after = (await getJson(running.url, `api/reports/${id}`)).body;
    expect(after.findings.find((f: any) => f.id === fid).decision.decision).toBe("confirmed");
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    child = undefined;

    // No half-imported report: every report has exactly its versions 1..latest, with their data.
    const sql = new Database(db.target, { readonly: true });
    const broken = sql
      .prepare(
        `select r.id from reports r where (select count(*) from versions v where v.report_id = r.id and length(v.original) > 0 and length(v.report_json) > 2) != r.latest_version`,
      )
      .all();
    sql.close();
    expect(broken).toEqual([]);
  }, 300_000);
});

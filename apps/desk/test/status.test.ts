/**
 * The review status of a report: 已审核 only when every finding open in its latest version has a
 * decision; decisions on findings a newer version resolved count for nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDesk } from "../src/index.js";
import {
  correctedHongze2023,
  DIALECTS,
  desk,
  fixture,
  freshDb,
  getJson,
  postJson,
  type TestDb,
  upload,
} from "./helpers.js";

describe.each(DIALECTS)("review status on %s", (dialect) => {
  let db: TestDb;
  let d: RunningDesk;
  beforeAll(async () => {
    db = await freshDb(dialect);
    d = await desk(db.target);
  });
  afterAll(async () => {
    await d?.close();
    db?.cleanup();
  });

  const listed = async (status: string) =>
    (await getJson(d.url, `api/reports?status=${status}`)).body.items.map((i: any) => i.id);

  it("counts only the decisions on the latest version's open findings", async () => {
    const v1 = await upload(d.url, "hongze-2023.json", fixture("hongze-2023.expected.json"));
    expect(v1.status).toBe(201);
    const id = v1.body.id;
    const findings = (await getJson(d.url, `api/reports/${id}`)).body.findings;
    const errors = findings.filter((f: any) => f.severity === "error");
    const warnings = findings.filter((f: any) => f.severity === "warning");
    expect(errors).toHaveLength(2);
    expect(warnings.length).toBeGreaterThan(0);
    for (const f of errors)
      expect((await postJson(d.url, `api/findings/${f.id}/decision`, { decision: "confirmed" })).status).toBe(200);
    expect(await listed("pending")).toEqual([id]);

    // Version 2 resolves both errors; its open findings are the undecided warnings.
    const v2 = await upload(d.url, "hongze-2023-fixed.json", correctedHongze2023());
    expect(v2.body).toMatchObject({ id, version: 2, errors: 0 });
    const item = (await getJson(d.url, "api/reports")).body.items[0];
    expect(item).toMatchObject({ id, status: "pending", decided: 0 });
    expect(await listed("pending")).toEqual([id]);
    expect(await listed("reviewed")).toEqual([]);

    for (const f of warnings)
      expect(
        (await postJson(d.url, `api/findings/${f.id}/decision`, { decision: "dismissed", reason: "原文如此" })).status,
      ).toBe(200);
    expect((await getJson(d.url, "api/reports")).body.items[0]).toMatchObject({ status: "reviewed" });
    expect(await listed("reviewed")).toEqual([id]);
    expect(await listed("pending")).toEqual([]);
  }, 60_000);
});

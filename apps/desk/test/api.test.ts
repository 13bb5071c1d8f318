/**
 * The HTTP API against each database: SQLite always, PostgreSQL when GOV_REPORT_TEST_PG names a
 * test database (then an unreachable server fails the suite).
 */
import { get } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningDesk } from "../src/index.js";
import {
  correctedHongze2023,
  DIALECTS,
  desk,
  fixture,
  freshDb,
  getJson,
  hostileReport,
  postJson,
  type TestDb,
  upload,
} from "./helpers.js";

describe.each(DIALECTS)("desk API on %s", (dialect) => {
  let db: TestDb;
  let d: RunningDesk;
  beforeAll(async () => {
    db = await freshDb(dialect);
    d = await desk(db.target, { limits: { fileBytes: 4 * 1024 * 1024 } });
  });
  afterAll(async () => {
    await d?.close();
    db?.cleanup();
  });

  it("answers health and serves an OpenAPI 3.1 document with core's report schema", async () => {
    expect((await getJson(d.url, "api/health")).body).toEqual({ ok: true });
    const doc = (await getJson(d.url, "openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.Report.oneOf ?? doc.components.schemas.Report.anyOf).toBeTruthy();
    expect(Object.keys(doc.paths)).toContain("/api/findings/{id}/decision");
  });

  it("imports a report, and the same bytes again are the same report", async () => {
    const first = await upload(d.url, "hongze-2023.json", fixture("hongze-2023.expected.json"));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ agency: "洪泽区人民政府", year: 2023, edition: "2021", version: 1, errors: 2 });
    const again = await upload(d.url, "other-name.json", fixture("hongze-2023.expected.json"));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await getJson(d.url, "api/reports")).body.total).toBe(1);
  });

  it("lists an unreadable file's reason and changes nothing", async () => {
    const bad = await upload(d.url, "notes.json", '{"hello": 1}');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "file.unreadable", field: "body" });
    expect(bad.body.error.message).toContain("notes.json");
    const empty = await upload(d.url, "empty.pdf", "");
    expect(empty.status).toBe(400);
    expect((await getJson(d.url, "api/reports")).body.total).toBe(1);
  });

  it("refuses bad requests with a JSON error naming the field", async () => {
    const noName = await fetch(`${d.url}api/reports`, { method: "POST", body: "{}" });
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as any).error.field).toBe("filename");
    const badSort = await getJson(d.url, "api/reports?sort=drop%20table");
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.field).toBe("sort");
    expect((await getJson(d.url, "api/rollup")).body.error.field).toBe("year");
    expect((await getJson(d.url, "api/reports/abc")).body.error.field).toBe("id");
    const big = await upload(d.url, "big.txt", "x".repeat(5 * 1024 * 1024));
    expect(big.status).toBe(413);
  });

  it("keeps file names as labels, never as paths", async () => {
    const r = await upload(d.url, "../../../../tmp/evil\u0000.json", fixture("hongze-2024.expected.json"));
    expect(r.status).toBe(201);
    const detail = (await getJson(d.url, `api/reports/${r.body.id}`)).body;
    expect(detail.filename).toBe("evil.json");
    const orig = await fetch(`${d.url}api/reports/${r.body.id}/original`);
    expect(orig.headers.get("content-type")).toBe("application/octet-stream");
    expect(orig.headers.get("content-disposition")).toMatch(/^attachment; filename="evil\.json"/);
  });

  it("records decisions by fingerprint: a dismissal needs a reason, decisions survive a new version", async () => {
    const list = (await getJson(d.url, "api/reports?q=%E6%B4%AA%E6%B3%BD%E5%8C%BA%E4%BA%BA")).body;
    const id = list.items[0].id;
    const detail = (await getJson(d.url, `api/reports/${id}`)).body;
    const total = detail.findings.filter((f: any) => f.code === "reviews.group-total");
    expect(total).toHaveLength(2);
    const warning = detail.findings.find((f: any) => f.severity === "warning");
    const auditBefore = (await getJson(d.url, `api/audit?report=${id}`)).body.length;
    const noReason = await postJson(d.url, `api/findings/${warning.id}/decision`, { decision: "dismissed" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe("reason");
    expect((await getJson(d.url, `api/audit?report=${id}`)).body.length).toBe(auditBefore);
    expect((await postJson(d.url, `api/findings/${total[0].id}/decision`, { decision: "confirmed" })).status).toBe(200);
    expect(
      (
        await postJson(d.url, `api/findings/${warning.id}/decision`, {
          decision: "dismissed",
          reason: "原文如此，无需整改",
        })
      ).status,
    ).toBe(200);
    expect(
      (await postJson(d.url, `api/findings/${id}.0000000000000000dead/decision`, { decision: "confirmed" })).status,
    ).toBe(404);

    const v2 = await upload(d.url, "hongze-2023-fixed.json", correctedHongze2023());
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ id, version: 2, errors: 0 });
    const after = (await getJson(d.url, `api/reports/${id}`)).body;
    const confirmed = after.findings.find((f: any) => f.id === total[0].id);
    expect(confirmed.resolvedIn).toBe(2);
    expect(confirmed.decision.decision).toBe("confirmed");
    const dismissed = after.findings.find((f: any) => f.id === warning.id);
    expect(dismissed.resolvedIn).toBeUndefined();
    expect(dismissed.decision).toMatchObject({ decision: "dismissed", reason: "原文如此，无需整改", by: "local" });
    const audit = (await getJson(d.url, `api/audit?report=${id}`)).body;
    expect(audit.map((a: any) => a.action)).toEqual(
      expect.arrayContaining(["decision.confirmed", "decision.dismissed", "import"]),
    );
  });

  it("builds the roll-up, the cross-year checks, the missing agencies and CSVs with a BOM", async () => {
    await upload(d.url, "huaian-2024.json", fixture("huaian-2024.expected.json"));
    const roll = (await getJson(d.url, "api/rollup?year=2024&agency=%E6%B7%AE%E5%AE%89%E5%B8%82")).body;
    expect(roll.summed.map((s: any) => s.agency).sort()).toEqual(["淮安市人民政府", "淮安市洪泽区人民政府"]);
    expect(roll.report.agency.name).toBe("淮安市");
    const cross = (await getJson(d.url, "api/crossyear?year=2024")).body;
    expect(cross).toHaveLength(1);
    expect(cross[0].previous.agency).toBe("洪泽区人民政府");
    const set = await fetch(`${d.url}api/expected`, {
      method: "POST",
      body: "机关名称\n淮安市人民政府\n淮安市公安局\n洪泽区人民政府\n",
    });
    expect(set.status).toBe(200);
    const missing = (await getJson(d.url, "api/expected?year=2024")).body;
    expect(missing.missing).toEqual(["淮安市公安局"]);
    for (const path of ["api/export/reports.csv", "api/export/findings.csv?year=2023", "api/overview.csv?year=2024"]) {
      const res = await fetch(`${d.url}${path}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
    }
    const findingsCsv = await (await fetch(`${d.url}api/export/findings.csv?year=2023`)).text();
    expect(findingsCsv).toContain("原文如此，无需整改");
    expect(findingsCsv).toContain("第 2 版已解决");
  });

  it("escapes a hostile agency name in the rendering and never serves an original as HTML", async () => {
    const r = await upload(d.url, "<b>x</b>.html", hostileReport());
    expect(r.status).toBe(201);
    const html = await (await fetch(`${d.url}api/reports/${r.body.id}/rendered`)).text();
    expect(html).not.toContain("<script>window.__pwned");
    expect(html).toContain("&lt;script&gt;");
    const text = await fetch(`${d.url}api/reports/${r.body.id}/text`);
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.headers.get("content-security-policy")).toContain("sandbox");
    const sheet = await (await fetch(`${d.url}api/reports/${r.body.id}/sheet`)).text();
    expect(sheet).not.toContain("<script>window");
  });

  it("refuses a cross-origin write and a foreign Host", async () => {
    const res = await fetch(`${d.url}api/findings/1.aaaaaaaaaaaaaaaaaaaa/decision`, {
      method: "POST",
      body: JSON.stringify({ decision: "confirmed" }),
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    // fetch cannot set Host: a raw request, as a DNS-rebinding page's browser would send it.
    const status = await new Promise<number>((resolve, reject) =>
      get(`${d.url}api/reports`, { headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject),
    );
    expect(status).toBe(403);
  });

  it("parses a PDF off the main thread and keeps everything across a restart", async () => {
    const pdf = await upload(d.url, "huaian-2024.pdf", fixture("huaian-2024.pdf"));
    expect(pdf.status).toBe(201);
    expect(pdf.body.version).toBe(2); // a second file for 淮安市人民政府 2024
    const before = (await getJson(d.url, "api/reports?limit=1000")).body;
    await d.close();
    d = await desk(db.target);
    const after = (await getJson(d.url, "api/reports?limit=1000")).body;
    expect(after).toEqual(before);
    const hz = after.items.find((i: any) => i.agency === "洪泽区人民政府");
    const detail = (await getJson(d.url, `api/reports/${hz.id}`)).body;
    expect(detail.findings.some((f: any) => f.decision?.decision === "dismissed")).toBe(true);
    const orig = await fetch(`${d.url}api/reports/${pdf.body.id}/original?inline=1`);
    expect(orig.headers.get("content-type")).toBe("application/pdf");
    expect(orig.headers.get("content-security-policy")).toContain("sandbox");
  });
});

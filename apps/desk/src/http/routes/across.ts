/** Across reports: cross-year checks, roll-up, expected agencies, late publication, overview. */

import { csvDocument } from "../../outputs/csv.js";
import { crossYear, missingAgencies, overview, parseAgencyCsv, rollup } from "../../review/across.js";
import { listReports } from "../../review/queries.js";
import type { CrossYearPair, ExpectedAgencies, ExpectedReplaced, OverviewTable, RollupResult } from "../api-types.js";
import { type Desk, handlersOf } from "../desk.js";
import { choiceParam, yearParam } from "../params.js";
import { attachment, badField, HttpError, pdfUnavailable, readBody, sendBytes, sendJson } from "../respond.js";
import type { Ctx, Router } from "../router.js";

export function requireYear(url: URL): number {
  const y = yearParam(url);
  if (y === undefined) throw badField("year", "缺少参数 year（报告年度）", "the year query parameter is required");
  return y;
}

function idList(url: URL): number[] | undefined {
  const raw = url.searchParams.get("ids");
  if (raw === null || raw === "") return undefined;
  const parts = raw.split(",");
  if (parts.length > 10_000 || !parts.every((p) => /^\d{1,12}$/.test(p)))
    throw badField("ids", "ids 应为以逗号分隔的报告编号", "ids must be comma-separated report ids");
  return parts.map(Number);
}

async function rollupOutput(desk: Desk, url: URL) {
  const year = requireYear(url);
  const name = (url.searchParams.get("agency") ?? "").slice(0, 200);
  return rollup(desk.store.db, year, idList(url), name);
}

export function acrossRoutes(r: Router, desk: Desk): void {
  const on = handlersOf(desk);
  r.get("/api/crossyear", on(getCrossYear));
  r.get("/api/rollup", on(getRollup));
  r.get("/api/expected", on(getExpected));
  r.post("/api/expected", on(replaceExpected));
  r.get("/api/late", on(getLate));
  r.get("/api/overview", on(getOverview));
  r.get("/api/overview.csv", on(getOverviewCsv));
}

async function getCrossYear(desk: Desk, { res, url }: Ctx): Promise<void> {
  sendJson(res, 200, (await crossYear(desk.store.db, requireYear(url))) satisfies CrossYearPair[]);
}

type RenderableReport = Parameters<typeof import("@gov-report/renderer").renderHtml>[0];

async function getRollup(desk: Desk, { res, url }: Ctx): Promise<void> {
  const format = choiceParam(url, "format", ["json", "html", "pdf", "docx"] as const) ?? "json";
  const out = await rollupOutput(desk, url);
  if (format === "json") return sendJson(res, 200, out satisfies RollupResult);
  if (!out.report) throw new HttpError(422, "rollup.empty", null, "没有可汇总的报告", "there is no report to sum");
  const report = out.report as RenderableReport;
  const base = `rollup-${out.year}`;
  if (format === "html") {
    const { renderHtml } = await import("@gov-report/renderer");
    return sendBytes(res, 200, renderHtml(report, { annotate: true }), {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": attachment(`${base}.html`),
    });
  }
  if (format === "docx") {
    const { renderDocx } = await import("@gov-report/renderer");
    return sendBytes(res, 200, await renderDocx(report), {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": attachment(`${base}.docx`),
    });
  }
  sendBytes(res, 200, await rollupPdf(report), {
    "Content-Type": "application/pdf",
    "Content-Disposition": attachment(`${base}.pdf`),
  });
}

async function rollupPdf(report: RenderableReport): Promise<Uint8Array> {
  const { renderPdf } = await import("@gov-report/renderer/pdf");
  return renderPdf(report, { annotate: true }).catch((e: Error) => {
    throw pdfUnavailable(e);
  });
}

async function getExpected(desk: Desk, { res, url }: Ctx): Promise<void> {
  sendJson(res, 200, (await missingAgencies(desk.store.db, requireYear(url))) satisfies ExpectedAgencies);
}

async function replaceExpected(desk: Desk, { req, res, actor }: Ctx): Promise<void> {
  const body = await readBody(req, 2 * 1024 * 1024);
  const names = parseAgencyCsv(body.toString("utf8"));
  if (names.length === 0)
    throw badField(
      "body",
      "CSV 中没有机关名称（每行第一列一个）",
      "the CSV names no agency (one per line, first column)",
    );
  const at = new Date().toISOString();
  await desk.store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("expected_agencies").execute();
    await trx
      .insertInto("expected_agencies")
      .values(names.map((name) => ({ name, added_at: at })))
      .execute();
    await trx
      .insertInto("audit")
      .values({
        at,
        actor: actor.name,
        action: "expected.replace",
        report_id: null,
        fingerprint: null,
        detail_json: JSON.stringify({ count: names.length }),
      })
      .execute();
  });
  sendJson(res, 200, { count: names.length } satisfies ExpectedReplaced);
}

async function getLate(desk: Desk, { res, url }: Ctx): Promise<void> {
  const year = requireYear(url);
  const { items } = await listReports(desk.store.db, { year, sort: "agency", order: "asc", limit: 100_000, offset: 0 });
  sendJson(
    res,
    200,
    items.map((i) => ({
      id: i.id,
      agency: i.agency,
      signatureDate: i.signatureDate,
      deadline: i.deadline,
      late: i.late,
    })),
  );
}

async function getOverview(desk: Desk, { res, url }: Ctx): Promise<void> {
  sendJson(res, 200, (await overview(desk.store.db, requireYear(url))) satisfies OverviewTable[]);
}

async function getOverviewCsv(desk: Desk, { res, url }: Ctx): Promise<void> {
  const year = requireYear(url);
  const tables = await overview(desk.store.db, year);
  const rows: unknown[][] = [];
  for (const t of tables)
    for (const row of t.rows)
      row.values.forEach((v, k) => {
        rows.push([t.zh, row.label, t.series[k]?.zh ?? "", v]);
      });
  sendBytes(res, 200, csvDocument(["图表", "机关或年度", "项目", "数值"], rows), {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachment(`overview-${year}.csv`),
  });
}

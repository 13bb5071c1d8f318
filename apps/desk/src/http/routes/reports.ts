/** Reports: import one file, the list, one report with its findings, its original and its rendering. */
import { type Provenance, publicationDeadline } from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import { renderHtml } from "@gov-report/renderer";
import { findingsOf } from "../../review/findings.js";
import { listReports, SORT_KEYS, STATUSES, versionRow, versionsOf } from "../../review/queries.js";
import type { ImportSummary, ListPage, ReportDetail, YearCount } from "../api-types.js";
import { type Desk, handlersOf } from "../desk.js";
import { choiceParam, idParam, intParam, yearParam } from "../params.js";
import { attachment, badField, HttpError, notFound, readBody, sendBytes, sendJson } from "../respond.js";
import type { Ctx, Router } from "../router.js";

/** The name of an upload, for display only; never a path. */
export function uploadName(url: URL): string {
  const raw = url.searchParams.get("filename");
  if (raw === null || raw.trim() === "")
    throw badField("filename", "缺少参数 filename（文件名）", "the filename query parameter is required");
  if (raw.length > 255) throw badField("filename", "文件名过长", "filename is too long");
  // Only the last segment is kept and control characters dropped: the name is a label.
  return (raw.split(/[\\/]/).pop() ?? raw).replace(/[\u0000-\u001f\u007f]/g, "").trim() || "upload";
}

export function reportRoutes(r: Router, desk: Desk): void {
  const on = handlersOf(desk);
  r.post("/api/reports", on(importOne));
  r.get("/api/reports", on(getList));
  r.get("/api/years", on(getYears));
  r.get("/api/reports/{id}", on(getReport));
  r.get("/api/reports/{id}/original", on(getOriginal));
  r.get("/api/reports/{id}/text", on(getText));
  r.get("/api/reports/{id}/rendered", on(getRendered));
}

async function importOne(desk: Desk, { req, res, url, actor }: Ctx): Promise<void> {
  const filename = uploadName(url);
  const bytes = await readBody(req, desk.limits.fileBytes);
  if (bytes.length === 0) throw badField("body", "上传的文件是空的", "the uploaded file is empty");
  const out = await desk.importer.importFile(new Uint8Array(bytes), filename, actor.name);
  if (out.status === "unreadable")
    throw new HttpError(
      422,
      "file.unreadable",
      "body",
      `${filename}：${out.reason.zh}`,
      `${filename}: ${out.reason.en}`,
    );
  sendJson(res, out.status === "created" ? 201 : 200, out.summary satisfies ImportSummary);
}

async function getList(desk: Desk, { res, url }: Ctx): Promise<void> {
  const result = await listReports(desk.store.db, {
    ...optional("year", yearParam(url)),
    ...optional("q", url.searchParams.get("q")?.slice(0, 200) || undefined),
    ...optional("status", choiceParam(url, "status", STATUSES)),
    hasErrors: url.searchParams.get("errors") === "1",
    hasUnread: url.searchParams.get("unread") === "1",
    sort: choiceParam(url, "sort", SORT_KEYS) ?? "agency",
    order: choiceParam(url, "order", ["asc", "desc"] as const) ?? "asc",
    limit: intParam(url, "limit", 1, 1000) ?? 100,
    offset: intParam(url, "offset", 0, 10_000_000) ?? 0,
  });
  sendJson(res, 200, result satisfies ListPage);
}

async function getYears(desk: Desk, { res }: Ctx): Promise<void> {
  const rows = await desk.store.db
    .selectFrom("reports")
    .select((eb) => ["year", eb.fn.countAll<number>().as("count")])
    .groupBy("year")
    .orderBy("year", "desc")
    .execute();
  sendJson(
    res,
    200,
    rows.map((r): YearCount => ({ year: r.year, count: Number(r.count) })),
  );
}

async function getReport(desk: Desk, { res, url, params }: Ctx): Promise<void> {
  const id = idParam(params.id);
  const head = await desk.store.db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
  if (!head) throw notFound("report");
  const version = intParam(url, "version", 1, 1_000_000);
  const row = await versionRow(desk.store.db, id, version);
  if (!row) throw notFound("version");
  const report = JSON.parse(row.reportJson) as Record<string, unknown>;
  const findings = await findingsOf(desk.store.db, id);
  const versions = await versionsOf(desk.store.db, id);
  const signatureDate = versions.find((v) => v.version === row.version)?.signatureDate ?? null;
  const deadline = publicationDeadline(head.year, head.agency);
  const body: ReportDetail = {
    id,
    agency: head.agency,
    year: head.year,
    edition: head.edition,
    version: row.version,
    latestVersion: head.latest_version,
    kind: row.kind,
    filename: row.filename,
    report,
    provenance: (report.provenance as Provenance | undefined) ?? null,
    diagnostics: JSON.parse(row.diagnosticsJson) as Diagnostic[],
    findings,
    versions,
    signatureDate,
    deadline,
    late: signatureDate ? signatureDate > deadline : null,
  };
  sendJson(res, 200, body);
}

/** The stored version the request names (the latest without `version`), or 404. */
async function requestedVersion(desk: Desk, { url, params }: Ctx) {
  const row = await versionRow(desk.store.db, idParam(params.id), intParam(url, "version", 1, 1_000_000));
  if (!row) throw notFound("report");
  return row;
}

async function getOriginal(desk: Desk, ctx: Ctx): Promise<void> {
  const row = await requestedVersion(desk, ctx);
  const bytes = row.original as Uint8Array;
  // A PDF may be shown inline (in the report page's frame) as application/pdf, sandboxed; every
  // other original is only ever a download of opaque bytes, never rendered by the browser.
  if (row.kind === "pdf" && ctx.url.searchParams.get("inline") === "1")
    return sendBytes(ctx.res, 200, bytes, {
      "Content-Type": "application/pdf",
      "Content-Disposition": "inline",
      "Content-Security-Policy": "sandbox; default-src 'none'",
    });
  sendBytes(ctx.res, 200, bytes, {
    "Content-Type": "application/octet-stream",
    "Content-Disposition": attachment(row.filename),
  });
}

async function getText(desk: Desk, ctx: Ctx): Promise<void> {
  const row = await requestedVersion(desk, ctx);
  if (row.kind === "pdf" || row.kind === "docx")
    throw new HttpError(409, "original.binary", null, "原件不是文本文件", "the original is not a text file");
  const text = new TextDecoder().decode(row.original as Uint8Array);
  sendBytes(ctx.res, 200, text, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Security-Policy": "sandbox; default-src 'none'",
  });
}

async function getRendered(desk: Desk, ctx: Ctx): Promise<void> {
  const row = await requestedVersion(desk, ctx);
  const html = renderHtml(JSON.parse(row.reportJson), { annotate: true });
  // The renderer escapes every string; the page is still shown sandboxed, without scripts.
  sendBytes(ctx.res, 200, html, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; font-src 'self' data:",
  });
}

export const optional = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
  (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };

/** Decisions on findings, and the audit log. */
import { decide, parseFindingId } from "../../review/findings.js";
import type { Desk } from "../desk.js";
import { idParam, intParam } from "../params.js";
import { badField, notFound, readJsonObject, sendJson } from "../respond.js";
import type { Router } from "../router.js";

const MAX_TEXT = 2000;

function text(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badField(field, `${field} 应为文字`, `${field} must be a string`);
  if (v.length > MAX_TEXT)
    throw badField(field, `${field} 过长（上限 ${MAX_TEXT} 字）`, `${field} is longer than ${MAX_TEXT}`);
  return v.trim();
}

export function findingRoutes(r: Router, desk: Desk): void {
  r.post("/api/findings/{id}/decision", async ({ req, res, params, actor }) => {
    const ref = parseFindingId(params.id ?? "");
    if (!ref) throw badField("id", "发现编号格式不正确", "malformed finding id");
    const body = await readJsonObject(req);
    const decision = body.decision;
    if (decision !== "confirmed" && decision !== "dismissed")
      throw badField(
        "decision",
        "decision 应为 confirmed（确认）或 dismissed（驳回）",
        'decision must be "confirmed" or "dismissed"',
      );
    const reason = text(body, "reason");
    if (decision === "dismissed" && !reason) throw badField("reason", "驳回必须填写理由", "a dismissal needs a reason");
    const note = text(body, "note");
    const ok = await decide(
      desk.store.db,
      ref.reportId,
      ref.fingerprint,
      { decision, ...(reason ? { reason } : {}), ...(note ? { note } : {}) },
      actor.name,
    );
    if (!ok) throw notFound("finding");
    sendJson(res, 200, { id: params.id, decision, reason: reason ?? null });
  });

  r.post("/api/findings/{id}/note", async ({ req, res, params, actor }) => {
    const ref = parseFindingId(params.id ?? "");
    if (!ref) throw badField("id", "发现编号格式不正确", "malformed finding id");
    const body = await readJsonObject(req);
    const note = text(body, "note");
    if (!note) throw badField("note", "备注不能为空", "the note is empty");
    const ok = await decide(desk.store.db, ref.reportId, ref.fingerprint, { note }, actor.name);
    if (!ok) throw notFound("finding");
    sendJson(res, 200, { id: params.id, note });
  });

  r.get("/api/audit", async ({ res, url }) => {
    const report = url.searchParams.has("report") ? idParam(url.searchParams.get("report") ?? "", "report") : undefined;
    let q = desk.store.db
      .selectFrom("audit")
      .selectAll()
      .orderBy("id", "desc")
      .limit(intParam(url, "limit", 1, 1000) ?? 200);
    if (report !== undefined) q = q.where("report_id", "=", report);
    const rows = await q.execute();
    sendJson(
      res,
      200,
      rows.map((a) => ({
        id: a.id,
        at: a.at,
        actor: a.actor,
        action: a.action,
        reportId: a.report_id,
        fingerprint: a.fingerprint,
        detail: JSON.parse(a.detail_json),
      })),
    );
  });
}

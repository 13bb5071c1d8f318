/** Downloads: every report and every finding as CSV, and one report's findings sheet (HTML, PDF). */
import { csvDocument } from "../../outputs/csv.js";
import { htmlToPdf } from "../../outputs/pdf.js";
import { findingsSheetHtml } from "../../outputs/sheet.js";
import { type Finding, findingsOf } from "../../review/findings.js";
import { listReports, versionRow } from "../../review/queries.js";
import { type Desk, handlersOf } from "../desk.js";
import { choiceParam, idParam, yearParam } from "../params.js";
import { attachment, notFound, pdfUnavailable, sendBytes } from "../respond.js";
import type { Ctx, Router } from "../router.js";
import { optional } from "./reports.js";

const STATUS_ZH = { clean: "无问题", pending: "待审核", reviewed: "已审核" } as const;
const DECISION_ZH = { confirmed: "已确认", dismissed: "已驳回" } as const;

export function exportRoutes(r: Router, desk: Desk): void {
  const on = handlersOf(desk);
  r.get("/api/export/reports.csv", on(reportsCsv));
  r.get("/api/export/findings.csv", on(findingsCsv));
  r.get("/api/reports/{id}/sheet", on(findingsSheet));
}

/** Every report of the year (or of all years), by agency. */
async function allReports(desk: Desk, year: number | undefined) {
  const { items } = await listReports(desk.store.db, {
    ...optional("year", year),
    sort: "agency",
    order: "asc",
    limit: 10_000_000,
    offset: 0,
  });
  return items;
}

const REPORT_COLUMNS = [
  "编号",
  "机关",
  "年度",
  "格式版本",
  "版本",
  "错误",
  "提示",
  "未读单元格",
  "已决定",
  "状态",
  "落款日期",
  "公开期限",
  "逾期",
];

async function reportsCsv(desk: Desk, { res, url }: Ctx): Promise<void> {
  const year = yearParam(url);
  const items = await allReports(desk, year);
  const csv = csvDocument(
    REPORT_COLUMNS,
    items.map((i) => [
      i.id,
      i.agency,
      i.year,
      i.edition,
      i.version,
      i.errors,
      i.warnings,
      i.unread,
      i.decided,
      STATUS_ZH[i.status],
      i.signatureDate ?? "",
      i.deadline,
      i.late === null ? "" : i.late ? "是" : "否",
    ]),
  );
  sendBytes(res, 200, csv, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachment(`reports${year ? `-${year}` : ""}.csv`),
  });
}

const FINDING_COLUMNS = [
  "报告编号",
  "机关",
  "年度",
  "发现编号",
  "类别",
  "规则",
  "单元格",
  "问题",
  "决定",
  "理由",
  "备注",
  "决定人",
  "决定时间",
  "解决情况",
];

type ReportItem = Awaited<ReturnType<typeof allReports>>[number];

function findingRow(i: ReportItem, f: Finding): unknown[] {
  const d = f.decision;
  return [
    i.id,
    i.agency,
    i.year,
    f.id,
    f.severity === "error" ? "错误" : "提示",
    f.code,
    f.path.join("."),
    f.message,
    d?.decision ? DECISION_ZH[d.decision] : "",
    d?.reason ?? "",
    d?.note ?? "",
    d?.by ?? "",
    d?.at ?? "",
    f.resolvedIn ? `第 ${f.resolvedIn} 版已解决` : "",
  ];
}

async function findingsCsv(desk: Desk, { res, url }: Ctx): Promise<void> {
  const year = yearParam(url);
  const rows: unknown[][] = [];
  for (const i of await allReports(desk, year))
    for (const f of await findingsOf(desk.store.db, i.id)) rows.push(findingRow(i, f));
  sendBytes(res, 200, csvDocument(FINDING_COLUMNS, rows), {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachment(`findings${year ? `-${year}` : ""}.csv`),
  });
}

async function findingsSheet(desk: Desk, { res, url, params }: Ctx): Promise<void> {
  const id = idParam(params.id);
  const format = choiceParam(url, "format", ["html", "pdf"] as const) ?? "html";
  const head = await desk.store.db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
  const row = head && (await versionRow(desk.store.db, id));
  if (!head || !row) throw notFound("report");
  const html = findingsSheetHtml({
    agency: head.agency,
    year: head.year,
    version: row.version,
    filename: row.filename,
    findings: await findingsOf(desk.store.db, id),
    generatedAt: new Date().toISOString(),
  });
  const name = `findings-${id}-${head.year}`;
  if (format === "html")
    return sendBytes(res, 200, html, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
    });
  const pdf = await htmlToPdf(html).catch((e: Error) => {
    throw pdfUnavailable(e);
  });
  sendBytes(res, 200, pdf, { "Content-Type": "application/pdf", "Content-Disposition": attachment(`${name}.pdf`) });
}

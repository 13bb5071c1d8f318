/**
 * From the line model to the canonical report: layout (sections and tables), title block,
 * edition, the three tables, the three texts, then the confidence.
 */
import {
  createEmptyReport,
  type Edition,
  editionForYear,
  type Report,
  type SectionKey,
  validateReport,
} from "@gov-report/core/lite";
import { Diagnostics } from "./diagnostics.js";
import type { SourceDoc } from "./doc.js";
import {
  agencyFromPreamble,
  agencyFromSignature,
  decideEdition,
  editionVotes,
  readMeta,
  yearFromText,
} from "./meta.js";
import { narrative } from "./narrative.js";
import { findLayout, nextBoundary } from "./sections.js";
import { countApplicationGroups, readApplications } from "./tables/applications.js";
import { readProactive } from "./tables/proactive.js";
import { readReviews } from "./tables/reviews.js";
import type { ParseOptions, ParseResult } from "./types.js";

const TEXT_SECTIONS: readonly { key: SectionKey; zh: string; en: string }[] = [
  { key: "overview", zh: "一、总体情况", en: "1. Overview" },
  { key: "problemsAndImprovements", zh: "五、存在的主要问题及改进情况", en: "5. Main problems and improvements" },
  { key: "otherMatters", zh: "六、其他需要报告的事项", en: "6. Other matters" },
];

export function readReport(doc: SourceDoc, options: ParseOptions, diags = new Diagnostics()): ParseResult {
  const layout = findLayout(doc);
  const h = layout.headings;
  const headingLines = Object.values(h).filter((v): v is number => v !== undefined);
  const firstHeading = headingLines.length ? Math.min(...headingLines) : -1;
  const hasTable = Boolean(layout.proactive || layout.applications || layout.reviewsHeader !== undefined);

  // Year and agency from the title block.
  const meta = readMeta(doc, firstHeading, diags);
  let year = options.year ?? meta.year;
  if (year === undefined) year = yearFromText(doc, diags);
  let agency = meta.agency;
  if (!agency) agency = agencyFromPreamble(doc, firstHeading, diags);
  if (!agency) agency = agencyFromSignature(doc, diags);
  if (!agency) {
    diags.add(
      "agency.missing",
      "info",
      "原文未写明报告机关名称，agency.name 留空",
      "The text never names the agency; agency.name is empty",
      {
        path: ["agency", "name"],
      },
    );
  }

  // Edition: table 二's labels, then table 三's row count, then the year.
  let edition: Edition;
  if (options.edition) edition = options.edition;
  else {
    const votes = editionVotes(doc, layout.proactive?.[0] ?? 0, layout.applications?.[1] ?? doc.lines.length);
    if (votes["2019"] === votes["2021"]) {
      const groups = countApplicationGroups(doc, layout.applications);
      if (groups >= 25) votes["2021"]++;
    }
    edition = decideEdition(votes, year, diags);
  }
  if (year === undefined) {
    year = new Date().getFullYear() - 1;
    diags.add(
      "year.missing",
      "error",
      `原文中找不到报告年度，暂记为 ${year}，请核对`,
      `No report year found in the document; ${year} is a placeholder, please check`,
      { path: ["year"] },
    );
  }
  if (editionForYear(year) !== edition) {
    diags.add(
      "edition.year-mismatch",
      "warning",
      `报告年度 ${year} 应使用 ${editionForYear(year)} 版格式，但原文表格为 ${edition} 版`,
      `Report year ${year} calls for the ${editionForYear(year)} edition, but the tables follow the ${edition} edition`,
      { path: ["edition"] },
    );
  }

  const report = emptyReport(edition, year, agency);
  readProactive(doc, layout.proactive, edition, report, diags);
  readApplications(doc, layout.applications, edition, report, diags);
  const reviews = readReviews(doc, layout.reviewsHeader, report, diags);

  // Texts: lines from a heading to the next heading or table, skipping a floated table 四.
  const n = doc.lines.length;
  const t4 = layout.reviewsHeader;
  const skip = (i: number) => t4 !== undefined && i >= t4 && i <= reviews.end;
  const stops = [
    ...headingLines,
    ...(layout.proactive ? [layout.proactive[0]] : []),
    ...(layout.applications ? [layout.applications[0]] : []),
    ...(t4 !== undefined ? [t4] : []),
  ];
  for (const s of TEXT_SECTIONS) {
    const at = h[s.key];
    if (at === undefined) {
      diags.add(
        "section.missing",
        hasTable ? "warning" : "error",
        `未找到“${s.zh}”标题，该部分正文留空`,
        `Heading "${s.en}" not found; its text is empty`,
        { path: [s.key] },
      );
      continue;
    }
    let end = nextBoundary(h, at, n);
    for (const st of stops) if (st > at && st < end) end = st;
    report[s.key] = narrative(doc, at + 1, end, skip);
  }
  if (!headingLines.length && !hasTable) {
    diags.add(
      "input.not-a-report",
      "error",
      "未找到政府信息公开工作年度报告的任何章节标题或表格，无法识别为年度报告",
      "No section heading and no table of the annual report format was found",
    );
  }
  return { report: report as unknown as Report, diagnostics: diags.list, confidence: confidenceOf(report, diags) };
}

const TEMPLATES = new Map<Edition, string>();

/** An empty report of the edition (core's shape and key order), built once and copied. */
function emptyReport(edition: Edition, year: number, agency: string): Record<string, unknown> {
  let t = TEMPLATES.get(edition);
  if (!t) {
    t = JSON.stringify(createEmptyReport({ edition, year: 2000 }));
    TEMPLATES.set(edition, t);
  }
  const r = JSON.parse(t) as Record<string, unknown>;
  r.year = year;
  r.agency = { name: agency };
  return r;
}

/** 1 minus penalties: errors weigh most; a report breaking the 勾稽 rules loses a little more. */
export function confidenceOf(report: unknown, diags: Diagnostics): number {
  let c = 1;
  for (const d of diags.list) {
    if (d.code === "input.unreadable" || d.code === "input.no-text-layer" || d.code === "input.not-a-report") return 0;
    if (d.severity === "error") c -= d.code === "table.missing" ? 0.3 : 0.15;
    else if (d.severity === "warning") c -= d.code === "split.ambiguous" ? 0.1 : 0.04;
  }
  if (!validateReport(report).ok) c -= 0.05;
  return Math.max(0, Math.min(1, Math.round(c * 100) / 100));
}

/** A parsed report for the tests of marks: huaian-2024 with some cells unread and some ambiguous. */
import { buildFormMetadata, type Report } from "@gov-report/core/lite";
import { loadFixture } from "./helpers.js";

export const UNREAD_ROW = "applications.outcomes.notProcessed.publications";
export const COLUMNS = [
  "naturalPerson",
  "business",
  "research",
  "nonprofit",
  "legalServices",
  "otherOrganization",
  "total",
];
export const UNREAD = COLUMNS.map((c) => `${UNREAD_ROW}.${c}`);
export const AMBIGUOUS = "proactiveDisclosure.normativeDocuments.issued";
export const AMBIGUOUS_AMOUNT = "proactiveDisclosure.fees.amountWanYuan";
export const AMBIGUOUS_BARE = "reviewsAndLawsuits.administrativeReview.upheld";
/** The legend this report ends with, in every format. */
export const LEGEND =
  "注：“未读”表示原文中该栏数字未能读取，数值未知，不是 0；“45/4?”表示原文该栏读法不唯一（斜线隔开几种可能的读法）。请对照原文核实。";
export const TOTAL = "applications.outcomes.total.total";

/** huaian-2024 as a parsed report: one row unread (placeholders 0), three cells ambiguous, the rest printed. */
export function parsed(): Report {
  const report = loadFixture("huaian-2024") as Report & { provenance?: Record<string, unknown> };
  const provenance: Record<string, unknown> = {};
  for (const id of UNREAD) provenance[id] = { status: "unread" };
  provenance[AMBIGUOUS] = { status: "ambiguous", candidates: [45, 4] };
  provenance[AMBIGUOUS_AMOUNT] = { status: "ambiguous", candidates: [96171.6, 9617.16, 96171.6] };
  provenance[AMBIGUOUS_BARE] = { status: "ambiguous" };
  provenance[TOTAL] = { status: "printed" };
  provenance["applications.received.research"] = { status: "blank" };
  provenance["applications.received.total"] = { status: "inferred", by: "applications.row-total" };
  const normative = report.proactiveDisclosure as unknown as { normativeDocuments: { issued: number } };
  normative.normativeDocuments.issued = 45; // the placeholder: one candidate
  return { ...report, provenance } as Report;
}

export function fieldsOf(report: Report) {
  return buildFormMetadata().editions[report.edition].fields;
}

/**
 * The signature (落款) at the end of a published report, and the publication deadline its date is
 * checked against (条例第四十九条): departments publish by 1月31日 of the next year, a people's
 * government publishes the consolidated report of its level by 3月31日.
 */

/** The optional top-level `signature` of a report: the body as signed and the report's date. */
export interface Signature {
  /** The body as signed; may differ from `agency.name` (e.g. the government's 办公室 signs for it). */
  agency: string;
  /** The report's date, ISO 8601 `YYYY-MM-DD`. */
  date: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD` (2024-02-29 yes, 2025-02-29 no). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== "string") return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/**
 * Whether a report is a people's government's consolidated report (published by 3月31日) rather
 * than a department's (1月31日): its agency name ends in 人民政府. A government's office
 * (人民政府办公室, 办公厅) is a department: its name does not end in 人民政府.
 */
export function isGovernmentReport(agencyName: string): boolean {
  return agencyName.trim().endsWith("人民政府");
}

/** The publication deadline of a report year, ISO `YYYY-MM-DD`: 1月31日 or 3月31日 of year + 1. */
export function publicationDeadline(year: number, agencyName: string): string {
  return `${year + 1}-${isGovernmentReport(agencyName) ? "03" : "01"}-31`;
}

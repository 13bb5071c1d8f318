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

/** How the name of a people's government ends. */
export const GOVERNMENT_ENDING = "人民政府";

/** The offices of a people's government that sign or compile its report (人民政府办公室 / 办公厅). */
export const GOVERNMENT_OFFICES: readonly string[] = ["办公室", "办公厅"];

/**
 * Endings of the names of the bodies that sign a report: offices, bureaus, commissions, centres,
 * and (for a development zone, a county, a town) the place's own name.
 */
export const BODY_NAME_ENDINGS: readonly string[] = [
  GOVERNMENT_ENDING,
  ...GOVERNMENT_OFFICES,
  "委员会",
  "局",
  "厅",
  "委",
  "署",
  "院",
  "中心",
  "办",
  "会",
  "处",
  "所",
  "站",
  "馆",
  "区",
  "县",
  "市",
  "镇",
  "乡",
  "街道",
];

/**
 * Whether a report is a people's government's consolidated report (published by 3月31日) rather
 * than a department's (1月31日): its agency name ends in 人民政府. A government's office
 * (人民政府办公室, 办公厅) is a department: its name does not end in 人民政府.
 */
export function isGovernmentReport(agencyName: string): boolean {
  return agencyName.trim().endsWith(GOVERNMENT_ENDING);
}

/**
 * The government an office signs or compiles for: "淮安市人民政府办公室" → "淮安市人民政府"; the
 * name unchanged when it is not a people's government's office. The office of a people's
 * government signs the government's own report.
 */
export function governmentOfOffice(name: string): string {
  if (typeof name !== "string") return "";
  for (const office of GOVERNMENT_OFFICES) {
    if (name.endsWith(GOVERNMENT_ENDING + office)) return name.slice(0, -office.length);
  }
  return name;
}

/** The digits of a year or date written in Chinese numerals ("二〇二五年一月二十日", "二〇二四年度"). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const TEN = "十";

/** Anchored, each part of bounded length: no backtracking beyond a few characters. */
const PRINTED_DATE =
  /^([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/;

/** "20", "二十", "十二", "三十一", "九" → the number; 0 when unreadable. */
function smallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf(TEN);
  if (ten < 0) return s.length === 1 ? (CHINESE_DIGITS[s] ?? 0) : 0;
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s.slice(0, ten)] ?? 0);
  const ones = ten === s.length - 1 ? 0 : (CHINESE_DIGITS[s.slice(ten + 1)] ?? 0);
  return tens * 10 + ones;
}

/**
 * A date as a report prints it under its signature, "2025年1月20日" or "二〇二五年一月二十日"
 * (no spaces), as ISO "2025-01-20"; undefined for anything else, for a year outside 2008–2101 and
 * for a day the calendar does not have.
 */
export function printedDate(text: string): string | undefined {
  const m = typeof text === "string" && text.length <= 20 ? PRINTED_DATE.exec(text) : null;
  if (!m) return undefined;
  const year = Number(
    [...(m[1] as string)].map((ch) => (ch >= "0" && ch <= "9" ? ch : String(CHINESE_DIGITS[ch]))).join(""),
  );
  const month = smallNumber(m[2] as string);
  const day = smallNumber(m[3] as string);
  if (!month || !day || year < 2008 || year > 2101) return undefined;
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** The publication deadline of a report year, ISO `YYYY-MM-DD`: 1月31日 or 3月31日 of year + 1. */
export function publicationDeadline(year: number, agencyName: string): string {
  return `${year + 1}-${isGovernmentReport(agencyName) ? "03" : "01"}-31`;
}

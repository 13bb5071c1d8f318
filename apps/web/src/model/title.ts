/** The report's own title, as published reports print it: 机关 + 年度 + the document's name (core's REPORT_NAME). */
import { getAt, REPORT_NAME } from "@gov-report/core/lite";
import type { Lang } from "./labels.js";

export function reportHeading(report: unknown, lang: Lang): string {
  const name = getAt(report, ["agency", "name"]);
  const agency = typeof name === "string" ? name.trim() : "";
  const y = getAt(report, ["year"]);
  const year = typeof y === "number" ? String(y) : "";
  if (lang === "en") return [agency, year, REPORT_NAME.en].filter(Boolean).join(" ");
  return `${agency}${year ? `${year}年` : ""}${REPORT_NAME.zh}`;
}

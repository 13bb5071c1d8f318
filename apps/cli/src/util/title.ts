/** How a report is named in messages: its agency, year and edition, cleaned for the terminal. */
import { t } from "./i18n.js";
import { cleanValue } from "./sanitize.js";

/** What messages say for a report that does not name its agency. */
export const unnamedAgency = () => t("（未署名机关）", "(agency not named)");

export function reportTitle(report: unknown): string {
  const r = (report && typeof report === "object" ? report : {}) as {
    agency?: { name?: unknown };
    year?: unknown;
    edition?: unknown;
  };
  const name = cleanValue(r.agency?.name).trim() || unnamedAgency();
  const year = cleanValue(r.year) || "?";
  const edition = cleanValue(r.edition) || "?";
  return t(`${name} ${year} 年度（${edition} 版格式）`, `${name} ${year} (${edition} edition)`);
}

/** CSV as RFC 4180 says (CRLF, quoted fields), with a BOM so that Excel reads UTF-8. */
import { clean } from "./sanitize.js";

export const UTF8_BOM = "\uFEFF";

/** One field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text field that a spreadsheet must not run as a formula: "=SUM(…)", "+1", "@x" are prefixed
 * with an apostrophe (OWASP CSV injection). Numbers are written with `csvField` and never changed.
 * For a terminal (`terminal`), the text is first cleaned of escape sequences and control
 * characters as every output to a terminal is (sanitize.ts); files and pipes get it as it is.
 */
export function csvText(value: string | undefined, terminal = false): string {
  if (value === undefined) return "";
  const text = terminal ? clean(value) : value;
  return csvField(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
}

export const csvRow = (fields: readonly string[]) => `${fields.join(",")}\r\n`;

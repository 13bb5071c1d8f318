/** CSV for Excel: UTF-8 with BOM, CRLF, every field quoted when needed; formula-looking cells defused. */
export const UTF8_BOM = "\uFEFF";

export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  // A cell starting with = + - @ would run as a formula in Excel; a leading apostrophe stops that
  // for text (numbers are written as they are).
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: readonly unknown[]) => `${cells.map(csvField).join(",")}\r\n`;

export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return UTF8_BOM + csvRow(header) + rows.map(csvRow).join("");
}

/** A plain-text table aligned by display width, so Chinese text lines up in a terminal. */
import { displayWidth, pad } from "./text-width.js";

export interface Column {
  header: string;
  align?: "left" | "right";
}

/** The table's lines: header, a rule, then the rows. The last column is not padded. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const text = cells[i] ?? "";
        return i === columns.length - 1 && c.align !== "right" ? text : pad(text, widths[i] ?? 0, c.align);
      })
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)];
}

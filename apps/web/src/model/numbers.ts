/**
 * Figures as people type and paste them, read against the cell's constraints from core's form
 * metadata (type, minimum, maxDecimals). A text is either exactly one number of the cell's kind or
 * it is refused with the reason; it is never read as another number ("1.5" is not 15, "-5" is not 5).
 * Accepted spellings: half- or full-width digits, a thousands comma in groups of three ("1,234"), a
 * sign where the cell may be negative ("+3", "-18", "−18"), surrounding spaces. Every pattern is
 * anchored and linear, and texts are length-checked first, so a long paste cannot make it backtrack.
 */
import { type FieldConstraints, toHalfWidth } from "@gov-report/core/lite";

/** Why a text is not a figure of its cell. */
export type RefusalReason = "not-a-number" | "negative" | "decimal" | "too-many-decimals" | "too-large";

export type CellReading = { ok: true; value: number | null } | { ok: false; reason: RefusalReason };

/** Longer than any figure a report prints, even with separators. */
const MAX_LENGTH = 32;
/** A double holds 15 significant decimal digits exactly. */
const MAX_DIGITS = 15;

/** Full-width digits and marks to half-width, the minus sign to "-", outer spaces removed. */
export function cleanNumberText(raw: string): string {
  // toHalfWidth keeps the full-width comma (CJK punctuation in prose); in a figure it groups thousands.
  return toHalfWidth(raw)
    .replace(/，/g, ",")
    .replace(/\u2212/g, "-")
    .trim();
}

const SHAPE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/** Whether the cell may hold a negative value: a signed integer (2019 本年增/减) has no minimum. */
export const isSigned = (c: FieldConstraints) => c.type === "integer" && c.minimum === undefined;

/** The figure a cell's text denotes under its constraints: null for a blank text. */
export function readCellText(raw: string, c: FieldConstraints): CellReading {
  const s = cleanNumberText(raw);
  if (s === "") return { ok: true, value: null };
  if (s.length > MAX_LENGTH) return { ok: false, reason: "too-large" };
  const m = SHAPE.exec(s);
  if (!m) return { ok: false, reason: "not-a-number" };
  const [, sign = "", whole = "", fraction] = m;
  const digits = whole.replace(/,/g, "");
  const decimals = (fraction ?? "").replace(/0+$/, "");
  if (c.type === "integer" && decimals !== "") return { ok: false, reason: "decimal" };
  if (c.maxDecimals !== undefined && decimals.length > c.maxDecimals) return { ok: false, reason: "too-many-decimals" };
  if (digits.replace(/^0+(?=\d)/, "").length + decimals.length > MAX_DIGITS) return { ok: false, reason: "too-large" };
  const magnitude = Number(decimals ? `${digits}.${decimals}` : digits);
  const value = sign === "-" && magnitude !== 0 ? -magnitude : magnitude;
  if (c.minimum !== undefined && value < c.minimum) return { ok: false, reason: "negative" };
  return { ok: true, value };
}

/** How a stored value shows in its cell: a signed change keeps its "+" as the format prints it. */
export function formatCellValue(value: unknown, c: FieldConstraints): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  return isSigned(c) && value > 0 ? `+${value}` : String(value);
}

/**
 * A clipboard text as a grid: rows on line breaks, cells on tabs (what spreadsheets copy). A
 * trailing line break, as spreadsheets add, does not make an extra row.
 */
export function splitPastedGrid(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, "\n").split("\n");
  if (rows.length > 1 && rows[rows.length - 1] === "") rows.pop();
  return rows.map((r) => r.split("\t"));
}

/** True when a paste holds more than one cell. */
export function isGridPaste(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ""));
}

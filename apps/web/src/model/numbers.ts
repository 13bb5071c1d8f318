/**
 * Numbers as people type and paste them: half-width or full-width digits, thousands separators,
 * a "+" on signed changes ("+3" is how 本年增/减 is printed). Every pattern here is anchored and
 * linear, so a long pasted string cannot make it backtrack.
 */
import { type CellKind, toHalfWidth } from "@gov-report/core/lite";

export type NumericKind = Exclude<CellKind, "text">;

/** Digits to half-width, separators and spaces removed: what remains should be a number. */
export function cleanNumberText(raw: string): string {
  let s = toHalfWidth(raw);
  // toHalfWidth keeps the full-width comma (a CJK punctuation mark in prose); here it separates thousands.
  s = s.replace(/[,，\s\u00a0\u3000]/g, "");
  return s;
}

const COMPLETE: Record<NumericKind, RegExp> = {
  count: /^\d+$/,
  signedCount: /^[+-]?\d+$/,
  amountWanYuan: /^(?:\d+(?:\.\d*)?|\.\d+)$/,
};

const PARTIAL: Record<NumericKind, RegExp> = {
  count: /^\d*$/,
  signedCount: /^[+-]?\d*$/,
  amountWanYuan: /^\d*\.?\d*$/,
};

/** True when the cleaned text is a number of the kind or the start of one ("", "-", "12."). */
export function isPartialNumber(cleaned: string, kind: NumericKind): boolean {
  return PARTIAL[kind].test(cleaned);
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/** The value of a cell's text: null for a blank cell, a number, or not ok. */
export function parseNumberText(raw: string, kind: NumericKind): ParsedNumber {
  const s = cleanNumberText(raw);
  if (s === "" || (kind === "signedCount" && (s === "-" || s === "+"))) return { ok: true, value: null };
  if (!COMPLETE[kind].test(s)) return { ok: false };
  const value = Number(s);
  if (!Number.isFinite(value) || (kind !== "amountWanYuan" && !Number.isSafeInteger(value))) return { ok: false };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** How a stored value shows in its input. */
export function formatNumber(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
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

/** How a value cell prints: the official format's conventions for counts, signed changes and money. */
import type { CellKind } from "@gov-report/core/lite";

/** Number of decimals a finite number is written with (1.50 → 1, 25.6835 → 4). */
function decimalsOf(n: number): number {
  const s = String(n);
  const e = s.indexOf("e");
  if (e >= 0) {
    // 1.2e-7: mantissa decimals plus the negative exponent.
    const dot = s.indexOf(".");
    const mantissa = dot >= 0 && dot < e ? e - dot - 1 : 0;
    return Math.max(0, mantissa - Number(s.slice(e + 1)));
  }
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A number without exponent notation (1e-7 → "0.0000001"), as a person writes it. */
function plain(n: number): string {
  const s = String(n);
  if (!s.includes("e")) return s;
  return n.toFixed(Math.min(100, decimalsOf(n)));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as reports print it: "2025-01-20" → "2025年1月20日". Text that is not an ISO date (a
 * draft's half-typed date, which the validator reports) prints as it is.
 */
export function formatDate(date: string): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * The printed text of a value cell. Zeros print "0"; 本年增/减 carries its sign ("+3", "-18", "0");
 * an amount whose label fixes the decimals (2019 采购总金额, 保留4位小数) prints with exactly that
 * many when the value has no more, otherwise (a fault the validator reports) as given so that no
 * figure is silently rounded. A cell that holds no number prints what it holds, or nothing.
 */
export function formatValue(value: unknown, kind: CellKind, maxDecimals?: number): string {
  if (typeof value === "number" && Number.isFinite(value)) {
    if (kind === "signedCount") return value > 0 ? `+${plain(value)}` : plain(value === 0 ? 0 : value);
    if (kind === "amountWanYuan" && maxDecimals !== undefined && decimalsOf(value) <= maxDecimals) {
      return value.toFixed(maxDecimals);
    }
    return plain(value === 0 ? 0 : value);
  }
  if (typeof value === "string") return value;
  return "";
}

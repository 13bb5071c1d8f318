/** Display width of text in a terminal: CJK characters take two columns, marks none. */

import { codePointWidth, displayWidth } from "@gov-report/core/lite";

export { codePointWidth, displayWidth };

/** Pads with spaces to `width` columns (on the right, or on the left for numbers). */
export function pad(s: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return align === "left" ? s + fill : fill + s;
}

/** Cuts the string to at most `width` columns, ending with "…" when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = codePointWidth(ch.codePointAt(0) as number);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/**
 * The signature (落款) at the end of a report: the body's name on one line and the date on the
 * next ("淮安市人民政府办公室" / "2025年1月20日"), or the other way round. The endings of body
 * names and the printed date (Arabic or Chinese numerals, "二〇二五年一月二十日") are core's.
 */

import { BODY_NAME_ENDINGS, printedDate } from "@gov-report/core/lite";
import { isChrome } from "./chrome.js";
import type { SourceDoc } from "./doc.js";
import { normalizeChars } from "./normalize.js";

export interface Signature {
  agency: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
  /** First and last line of the signature. */
  from: number;
  to: number;
}

const compact = (s: string) => normalizeChars(s).replace(/[\s\u3000]+/g, "");

/** Lines of words looked at before the signature's end (blank lines are skipped). */
const LOOK = 6;

/**
 * The signature among the last lines before `to` (exclusive), not before `from`. Website chrome
 * after it is skipped when `skipChrome` (the end of a web page).
 */
export function findSignature(doc: SourceDoc, from: number, to: number, skipChrome = false): Signature | undefined {
  let seen = 0;
  for (let i = to - 1; i >= from && seen < LOOK; i--) {
    const line = doc.lines[i] as { text: string; key: string };
    const c = compact(line.text);
    if (!c || (skipChrome && isChrome(line.key))) continue;
    seen++;
    const date = printedDate(c);
    if (!date) continue;
    for (const j of [i - 1, i + 1]) {
      if (j < from || j >= to) continue;
      const name = compact((doc.lines[j] as { text: string }).text);
      if (isBodyName(name)) return { agency: name, date, from: Math.min(i, j), to: Math.max(i, j) };
    }
  }
  return undefined;
}

export function isBodyName(name: string): boolean {
  if (name.length < 3 || name.length > 30) return false;
  for (const ch of name) if ((ch >= "0" && ch <= "9") || "。，；：:,;".includes(ch)) return false;
  return BODY_NAME_ENDINGS.some((e) => name.endsWith(e));
}

/** "2025年1月20日" or "二〇二五年一月二十日" as "2025-01-20" (core's printedDate). */
export const isoDate = printedDate;

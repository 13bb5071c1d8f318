/**
 * The signature (落款) at the end of a report: the body's name on one line and the date on the
 * next ("淮安市人民政府办公室" / "2025年1月20日"), or the other way round. The date is read in
 * Arabic or Chinese numerals ("二〇二五年一月二十日").
 */

import { isChrome } from "./chrome.js";
import type { SourceDoc } from "./doc.js";
import { normalizeChars } from "./normalize.js";

/** Endings of the names of administrative bodies. */
const BODY_ENDINGS = [
  "人民政府",
  "办公室",
  "办公厅",
  "委员会",
  "局",
  "厅",
  "委",
  "署",
  "院",
  "中心",
  "办",
  "会",
  "处",
  "所",
  "站",
  "馆",
  // A development zone's or a county's own name signs its report too ("某某综合实验区").
  "区",
  "县",
  "市",
  "镇",
  "乡",
  "街道",
];

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
    const date = isoDate(c);
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
  return BODY_ENDINGS.some((e) => name.endsWith(e));
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "2025年1月20日" or "二〇二五年一月二十日" as "2025-01-20"; undefined for anything else. */
export function isoDate(c: string): string | undefined {
  const m =
    /^([\d〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/.exec(c);
  if (!m) return undefined;
  const year = Number(
    [...(m[1] as string)].map((ch) => (ch >= "0" && ch <= "9" ? ch : String(CN_DIGITS[ch]))).join(""),
  );
  const month = smallNumber(m[2] as string);
  const day = smallNumber(m[3] as string);
  if (!month || !day || month > 12 || day > 31 || year < 2008 || year > 2101) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "20", "二十", "十二", "三十一", "九" → the number; 0 when unreadable. */
function smallNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf("十");
  if (ten < 0) return s.length === 1 ? (CN_DIGITS[s] ?? 0) : 0;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s.slice(0, ten)] ?? 0);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s.slice(ten + 1)] ?? 0);
  return tens * 10 + ones;
}

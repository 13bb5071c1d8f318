/**
 * Year, agency and edition. The title ("淮安市人民政府 / 2024年政府信息公开工作年度报告") gives
 * the agency and the year; 统计期限 or the text is the fallback for the year. The edition comes
 * from table 二's column and row labels, which differ between the two editions.
 */
import {
  CHINESE_DIGITS,
  type Edition,
  editionForYear,
  governmentOfOffice,
  PERIOD_MARKS,
  PREAMBLE_WORDS,
  PROACTIVE_BLOCKS,
  TITLE_WORDS,
} from "@gov-report/core/lite";
import type { Diagnostics } from "./diagnostics.js";
import { refOf, type SourceDoc } from "./doc.js";
import { labelKey, normalizeChars, PhraseSet } from "./normalize.js";
import { findSignature } from "./signature.js";

/** The title's last words, the suffixes of a year and the marks of a sentence: core's TITLE_WORDS. */
const TITLE_MARK = TITLE_WORDS.mark.zh;
const YEAR_SUFFIXES: readonly string[] = TITLE_WORDS.yearSuffixes;
/** The one-character year suffix (年): where a year ends in a sentence. */
const YEAR_CHAR = YEAR_SUFFIXES[YEAR_SUFFIXES.length - 1] as string;
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isDigitCode = (c: number) => c >= 48 && c <= 57; // false for NaN (past either end)

/** Longest line the title block and year scans look at (titles and 统计期限 are short). */
const SCAN_CHARS = 2000;

/** Whitespace removed, characters normalized (agency names keep their brackets). */
const compact = (raw: string) => {
  const n = normalizeChars(raw.length > SCAN_CHARS ? raw.slice(0, SCAN_CHARS) : raw);
  let out = "";
  let last = 0;
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (c !== 32 && c !== 9) continue;
    out += n.slice(last, i);
    last = i + 1;
  }
  return last === 0 ? n : out + n.slice(last);
};

/** A four-digit year between 2008 and 2100 ending right before `at` (optionally "2023年" or "2023年度"). */
function yearBefore(s: string, at: number): { year: number; start: number } | undefined {
  // Compared in place (the title scan asks at every position of the line: no slices).
  const suffix = YEAR_SUFFIXES.find((x) => at >= x.length && s.startsWith(x, at - x.length));
  if (suffix === undefined) return undefined;
  const j = at - suffix.length;
  if (j < 4 || isDigitCode(s.charCodeAt(j - 5))) return undefined;
  for (let k = j - 4; k < j; k++) if (!isDigitCode(s.charCodeAt(k))) return undefined;
  const year = Number(s.slice(j - 4, j));
  return year >= 2008 && year <= 2100 ? { year, start: j - 4 } : undefined;
}

export interface Meta {
  year?: number;
  agency: string;
  titleLine?: number;
}

/** A title found on a line of the title block: its year and agency (either may be missing). */
interface TitleAt {
  year?: number;
  agency: string;
  line: number;
}

const CN_DIGIT_CODES = new Map(Object.entries(CHINESE_DIGITS).map(([ch, d]) => [ch.charCodeAt(0), d]));
const YEAR_CHAR_CODE = YEAR_CHAR.charCodeAt(0);

/**
 * The line with a year in Chinese numerals written in digits ("二〇二四年度" as "2024年度"), one
 * character for one: four numeral characters right before 年, not after another numeral.
 */
function arabicYears(c: string): string {
  let out: string | undefined;
  for (let i = c.indexOf(YEAR_CHAR, 4); i >= 4; i = c.indexOf(YEAR_CHAR, i + 1)) {
    const digits: number[] = [];
    for (let k = i - 4; k < i; k++) {
      const d = CN_DIGIT_CODES.get(c.charCodeAt(k));
      if (d === undefined) break;
      digits.push(d);
    }
    if (digits.length !== 4 || CN_DIGIT_CODES.has(c.charCodeAt(i - 5)) || c.charCodeAt(i) !== YEAR_CHAR_CODE) continue;
    out = `${(out ?? c).slice(0, i - 4)}${digits.join("")}${(out ?? c).slice(i)}`;
  }
  return out ?? c;
}

/** The year in front of the title words ("…2024年政府信息公开工作年度报告") and the words before it. */
function yearAndHead(head: string): { year?: number; agency: string } {
  for (let k = 0; k + 4 <= head.length; k++) {
    const y = yearBefore(head, k + 5) ?? yearBefore(head, k + 6);
    if (y && y.start === k) return { year: y.year, agency: head.slice(0, k) };
  }
  return { agency: "" };
}

/** The title on line `i`, if the line is one; `above`: the short lines just above it (agency lines). */
/** A line that is a report's title: short, with the title words, not a sentence about the report. */
export function isTitleLine(text: string): boolean {
  const c = compact(text);
  return c.length <= MAX_TITLE && c.includes(TITLE_MARK) && !c.includes(TITLE_WORDS.selfReference);
}

/** Characters a title line has at most. */
const MAX_TITLE = 60;

function titleAt(doc: SourceDoc, i: number, above: readonly string[], limit: number): TitleAt | undefined {
  const text = (doc.lines[i] as { text: string }).text;
  if (!isTitleLine(text)) return undefined;
  const c = arabicYears(compact(text));
  const at = c.indexOf(TITLE_MARK);
  // The agency (and the year) may sit on the title line(s) just above: "…人民政府2024年" / "政府…年度报告".
  const own = yearAndHead(c.slice(0, at));
  const found = own.year === undefined && !own.agency ? yearAndHead(above.slice(-2).join("") + c.slice(0, at)) : own;
  let agency = found.agency || above.slice(-2).join("");
  // …or in brackets on the line below ("（苏州工业园区管理委员会）").
  if (!cleanAgency(agency)) agency = bracketedBelow(doc, i + 1, limit + 2);
  agency = cleanAgency(agency);
  if (found.year === undefined && !agency) return undefined;
  return { ...(found.year !== undefined ? { year: found.year } : {}), agency, line: i };
}

/** Every title in the title block (the lines from `from` to the first section heading). */
function titlesOf(doc: SourceDoc, from: number, limit: number): TitleAt[] {
  const out: TitleAt[] = [];
  const above: string[] = [];
  for (let i = from; i < limit; i++) {
    const l = doc.lines[i];
    if (!l) break;
    const c = compact(l.text);
    // The report's text has begun: a title quoted in it is not the report's own.
    if (out.length && c.includes("。")) break;
    const t = titleAt(doc, i, above, limit);
    if (t) out.push(t);
    if (c && c.length <= 30 && !c.includes("。") && !c.includes("，")) above.push(c);
    else above.length = 0;
  }
  return out;
}

/** Lines the title scan reads: up to the first section heading (a portal's list of other reports may come first), else 12. */
const TITLE_BLOCK_LINES = { beforeHeading: 60, noHeading: 12 };

/**
 * Reads the title block. When it holds titles that disagree (a portal page listing other years'
 * or other agencies' reports before the report, a browser's print header), the one the page's
 * own title (<title>, the document properties) agrees with is the report's, else the one right
 * above the report's text.
 */
export function readMeta(doc: SourceDoc, firstHeading: number, diags: Diagnostics): Meta {
  // The document's first line with text: a report read out of several starts further down.
  let from = 0;
  while (from < doc.lines.length && !doc.lines[from]?.text) from++;
  const cap =
    firstHeading >= 0
      ? Math.min(firstHeading, from + TITLE_BLOCK_LINES.beforeHeading)
      : from + TITLE_BLOCK_LINES.noHeading;
  const titles = titlesOf(doc, from, Math.min(doc.lines.length, cap));
  const own = doc.title ? ownTitle(doc.title) : undefined;
  if (!titles.length) return own ?? { agency: "" };
  const named = titles.filter((t) => t.agency && t.year !== undefined);
  const differ = new Set(named.map((t) => `${t.year}|${t.agency}`)).size > 1;
  if (!differ) {
    const t = named[0] ?? titles.find((x) => x.agency) ?? (titles[0] as TitleAt);
    return { ...(t.year !== undefined ? { year: t.year } : {}), agency: t.agency, titleLine: t.line };
  }
  const agreeing = named.filter((t) => t.year === own?.year && (!own?.agency || t.agency === own.agency));
  const last = named[named.length - 1] as TitleAt;
  const t = agreeing[agreeing.length - 1] ?? last;
  // The page's own title and the title right above the text agree: the others are links.
  const sure = t === last && agreeing.length > 0;
  diags.emit(
    sure ? "meta.other-titles" : "meta.titles-differ",
    {
      titles: named.map((x) => `${x.agency} ${x.year}`),
      chosen: `${t.agency} ${t.year}`,
      by: agreeing.length ? "page" : "last",
    },
    { path: ["year"], source: refOf(doc, t.line) },
  );
  return { year: t.year as number, agency: t.agency, titleLine: t.line };
}

/** The year and agency the page's own title (<title>, the document properties) gives. */
function ownTitle(title: string): Meta | undefined {
  const c = arabicYears(compact(title));
  const at = c.indexOf(TITLE_MARK);
  if (at < 0) return undefined;
  const found = yearAndHead(c.slice(0, at));
  return found.year !== undefined ? { year: found.year, agency: cleanAgency(found.agency) } : undefined;
}

/** Words around an agency name in a title that are not the name ("关于印发《…》的通知"). */
const TITLE_PREFIXES: readonly string[] = TITLE_WORDS.noticePrefixes;
/** Quotes, brackets, and the marks of a Markdown heading or emphasis ("# …", "**…**"). */
const OPENING = "《〈<“\"'「【[#*>";
const CLOSING = "》〉>”\"'」】]*";

/** The agency name without the wrapping of a notice title or quotes; "" when nothing is left. */
export function cleanAgency(raw: string): string {
  let s = raw;
  for (let changed = true; changed && s; ) {
    changed = false;
    for (const p of TITLE_PREFIXES) {
      if (s.startsWith(p)) {
        s = s.slice(p.length);
        changed = true;
      }
    }
    if (s && OPENING.includes(s[0] as string)) {
      s = s.slice(1);
      changed = true;
    }
    if (s && CLOSING.includes(s[s.length - 1] as string)) {
      s = s.slice(0, -1);
      changed = true;
    }
  }
  // A name is made of words: one left with digits or sentence punctuation is not a name.
  for (const ch of s) if (isDigit(ch) || "。，；：:,;".includes(ch)) return "";
  return s;
}

/** A short line in brackets right below the title: "（苏州工业园区管理委员会）", not a date. */
function bracketedBelow(doc: SourceDoc, from: number, to: number): string {
  for (let i = from; i < Math.min(to, doc.lines.length, from + 2); i++) {
    const c = compact((doc.lines[i] as { text: string }).text);
    if (!c) continue;
    const open = c[0] === "（" || c[0] === "(";
    const close = c.endsWith("）") || c.endsWith(")");
    if (open && close && c.length <= 32) return cleanAgency(c.slice(1, -1));
    return "";
  }
  return "";
}

/**
 * The signature at the end ("淮安市人民政府办公室 / 2025年1月20日") names the agency when the
 * title does not: the office of a people's government signs the government's own report.
 */
export function agencyFromSignature(doc: SourceDoc, diags: Diagnostics): string {
  const sig = findSignature(doc, Math.max(0, doc.lines.length - 40), doc.lines.length, true);
  if (!sig) return "";
  const name = governmentOfOffice(cleanAgency(sig.agency));
  if (!name) return "";
  diags.emit("agency.from-signature", { name }, { path: ["agency", "name"], source: refOf(doc, sig.from) });
  return name;
}

/** The year from 统计期限 ("自2023年1月1日") or the first "20XX年" of the text. */
export function yearFromText(doc: SourceDoc, diags: Diagnostics): number | undefined {
  const compacted: string[] = [];
  const max = Math.min(doc.lines.length, 400);
  for (let i = 0; i < max; i++) compacted.push(compact((doc.lines[i] as { text: string }).text));
  const scan = (needle: string | undefined): { year: number; line: number } | undefined => {
    for (let i = 0; i < max; i++) {
      const c = compacted[i] as string;
      let from = 0;
      if (needle) {
        const at = c.indexOf(needle);
        if (at < 0) continue;
        from = at;
      }
      for (let k = c.indexOf(YEAR_CHAR, from); k >= 0 && k - from < 40; k = c.indexOf(YEAR_CHAR, k + 1)) {
        const y = yearBefore(c, k + 1);
        if (y) return { year: y.year, line: i };
      }
    }
    return undefined;
  };
  let hit: { year: number; line: number } | undefined;
  for (const mark of PERIOD_MARKS) hit ??= scan(mark);
  hit ??= scan(undefined);
  if (hit) {
    diags.emit("year.inferred", { year: hit.year }, { path: ["year"], source: refOf(doc, hit.line) });
  }
  return hit?.year;
}

/** "本报告由淮安市洪泽区人民政府办公室根据…编制": the compiling office names the agency. */
export function agencyFromPreamble(doc: SourceDoc, firstHeading: number, diags: Diagnostics): string {
  const limit = Math.min(doc.lines.length, firstHeading >= 0 ? firstHeading : 15, 15);
  let text = "";
  for (let i = 0; i < limit && text.length < SCAN_CHARS; i++) text += compact((doc.lines[i] as { text: string }).text);
  const at = text.indexOf(PREAMBLE_WORDS.start);
  if (at < 0) return "";
  const from = at + PREAMBLE_WORDS.start.length;
  let end = -1;
  for (const stop of PREAMBLE_WORDS.ends) {
    const e = text.indexOf(stop, from);
    if (e > from && (end < 0 || e < end)) end = e;
  }
  if (end < 0 || end - from > 40) return "";
  // The people's government's office compiles the government's own report.
  const name = governmentOfOffice(text.slice(from, end));
  if (name) {
    diags.emit("agency.from-preamble", { name }, { path: ["agency", "name"] });
  }
  return name;
}

/**
 * Labels only one edition prints (table 二's row and column labels, from core's catalog): each
 * line holding one votes for that edition. A label contained in one of the other edition's
 * ("规范性文件" in "行政规范性文件") cannot tell them apart and is left out.
 */
function editionMarks(e: Edition, other: Edition): string[] {
  const keysOf = (ed: Edition) =>
    new Set(PROACTIVE_BLOCKS[ed].flatMap((b) => [...b.rows, ...b.columns].map((l) => labelKey(l.zh))));
  const mine = keysOf(e);
  const theirs = [...keysOf(other)];
  return [...mine].filter((k) => k.length >= 3 && !theirs.some((t) => t.includes(k)));
}

const MARKS_2019 = editionMarks("2019", "2021");
const MARKS_2021 = editionMarks("2021", "2019");
/** Both editions' marks, looked for in a line by one scan; the edition of each (0: 2019, 1: 2021). */
const MARKS = new PhraseSet([...MARKS_2019, ...MARKS_2021]);
const MARK_EDITION: readonly number[] = [...MARKS_2019.map(() => 0), ...MARKS_2021.map(() => 1)];

export function editionVotes(doc: SourceDoc, from: number, to: number): Record<Edition, number> {
  const totals = [0, 0];
  for (let i = Math.max(0, from); i < Math.min(to, doc.lines.length); i++)
    MARKS.countInto((doc.lines[i] as { key: string }).key, MARK_EDITION, totals);
  return { "2019": totals[0] as number, "2021": totals[1] as number };
}

export function decideEdition(votes: Record<Edition, number>, year: number | undefined, diags: Diagnostics): Edition {
  if (votes["2021"] > votes["2019"]) return "2021";
  if (votes["2019"] > votes["2021"]) return "2019";
  const e = year !== undefined ? editionForYear(year) : "2021";
  diags.emit("edition.inferred", { edition: e }, { path: ["edition"] });
  return e;
}

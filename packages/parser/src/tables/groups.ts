/**
 * Table 三's figures gathered into groups: the figures of one printed row (a line of a PDF or
 * HTML table; seven numbers in a row of text), each with the label words printed before it.
 */
import { APPLICANT_COLUMNS } from "@gov-report/core/lite";
import type { SourceDoc, Token } from "../doc.js";
import { labelKey } from "../normalize.js";
import { firstReading, type Strategy } from "../strategies/strategy.js";
import { isValue } from "./common.js";

export const WIDTH = APPLICANT_COLUMNS.length;
/** Characters of label words kept before a group: a row label is shorter. */
const CONTEXT = 80;

export interface Group {
  tokens: Token[];
  /** Label text (keys) printed since the previous group. */
  before: string;
  line: number;
  /**
   * A table row (HTML, Word, `|` grid) with a label and no figure: a row whose cells are all
   * blank, or a label printed one row apart from its figures (OCR converters). The alignment
   * decides which; skipped, it costs nothing.
   */
  blank?: boolean;
  /** The label of the label-only row right after this group's label-less row (a label printed late). */
  after?: string;
}

/**
 * Header words of the seven applicant columns, two characters each (a narrow header cell wraps
 * 自然人 as 自然 over 人), from core's catalog.
 */
export const COLUMN_PREFIXES = APPLICANT_COLUMNS.map((c) => labelKey(c.zh).slice(0, 2));

/** The line of the applicant column headers (its first column's word), or the start of the range. */
export function headerLineOf(doc: SourceDoc, range: [number, number]): number {
  const first = COLUMN_PREFIXES[0] as string;
  for (let i = range[0]; i < range[1]; i++) if (doc.lines[i]?.key.includes(first)) return i;
  return range[0];
}

/**
 * Column positions for the rows under each printing of the header (a table continued on the next
 * page repeats it, and text laid out by pdftotext places each page's columns apart): a function
 * of a row's line giving the positions of the last header above it that places all seven, else
 * `fallback`.
 */
export function centresUnderHeaders(
  doc: SourceDoc,
  range: [number, number],
  groups: readonly Group[],
  fallback: number[] | undefined,
): (line: number) => number[] | undefined {
  const first = COLUMN_PREFIXES[0] as string;
  const found: { line: number; centres: number[] }[] = [];
  let next = 0;
  for (let i = range[0]; i < range[1]; i++) {
    if (!doc.lines[i]?.key.includes(first)) continue;
    while (next < groups.length && (groups[next] as Group).line <= i) next++;
    const end = groups.find((g, k) => k >= next && !g.blank)?.line ?? range[1];
    const centres = headerCentres(doc, i, end);
    if (centres) found.push({ line: i, centres });
  }
  if (found.length < 2) return () => fallback;
  return (line) => {
    let at: number[] | undefined;
    for (const f of found) if (f.line < line) at = f.centres;
    return at ?? fallback;
  };
}

/** Header positions of the seven applicant columns, when all are found in order. */
export function headerCentres(doc: SourceDoc, from: number, to: number): number[] | undefined {
  const out: number[] = [];
  for (const p of COLUMN_PREFIXES) {
    let found: number | undefined;
    for (let i = from; i < to && found === undefined; i++) {
      for (const t of (doc.lines[i] as { tokens: Token[] }).tokens) {
        if (t.kind === "text" && t.pos !== undefined && labelKey(t.text).startsWith(p)) {
          found = t.pos;
          break;
        }
      }
    }
    if (found === undefined) return undefined;
    out.push(found);
  }
  for (let i = 1; i < out.length; i++) if ((out[i] as number) <= (out[i - 1] as number)) return undefined;
  return out;
}

type Grouping = Strategy<{ doc: SourceDoc; range: [number, number] }, Group[]>;

/** How table 三's figures make rows: a line of a positioned source is a row, else seven figures in text are. */
const GROUPINGS: readonly Grouping[] = [
  { name: "line-rows", needs: ["positions"], read: ({ doc, range }) => lineGroups(doc, range) },
  { name: "text-rows", needs: ["text-flow"], read: ({ doc, range }) => textGroups(doc, range) },
];

export function groupsOf(doc: SourceDoc, range: [number, number]): Group[] {
  return firstReading(doc, GROUPINGS, { doc, range }) ?? [];
}

/**
 * Positional sources: the figures of one line are one group. A table row with a label and no
 * figure is a blank group; its label is also offered to a label-less row of figures just before it.
 */
function lineGroups(doc: SourceDoc, range: [number, number]): Group[] {
  const groups: Group[] = [];
  let before = "";
  // The last group, while no words have been printed since it (its row has no label of its own).
  let bare: Group | undefined;
  for (let i = range[0]; i < range[1]; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    const values: Token[] = [];
    let own = "";
    // A blank-cell word (无) before words on its line is in the label column: a character of a
    // label printed one per line (（四）无法提供 standing vertically), never a cell.
    let lastWords = -1;
    l.tokens.forEach((t, j) => {
      if (t.kind === "text" && labelKey(t.text)) lastWords = j;
    });
    for (const [j, t] of l.tokens.entries()) {
      if (isValue(t) && !(isWordMark(t) && j < lastWords)) values.push(t);
      else {
        const k = labelKey(t.text);
        before = tail(before + k);
        own += k;
      }
    }
    if (values.length) {
      const g: Group = { tokens: values, before: before.slice(-CONTEXT), line: i };
      groups.push(g);
      bare = own ? undefined : g;
      before = "";
    } else if (own && l.tableRow && !isColumnHeader(own)) {
      if (bare) bare.after = own.slice(0, CONTEXT);
      // A grid row's label is in its own cells: the words before it (a heading, a header's corner
      // note) must not make a header row look like a row printed blank.
      groups.push({ tokens: [], before: own.slice(-CONTEXT), line: i, blank: true });
      bare = undefined;
    } else if (own) bare = undefined;
  }
  return groups;
}

/**
 * Text: seven figures make a row; a run of digits followed by a label may be a row run together.
 * Figures in `skip` (found stray: a bare page number) are left out.
 */
export function textGroups(doc: SourceDoc, range: [number, number], skip?: ReadonlySet<Token>): Group[] {
  const groups: Group[] = [];
  let before = "";
  let cur: Token[] = [];
  let line = -1;
  const push = () => {
    groups.push({ tokens: cur, before: before.slice(-CONTEXT), line });
    before = "";
    cur = [];
  };
  for (let i = range[0]; i < range[1]; i++) {
    const vertical = inVerticalLabel(doc, i);
    for (const t of doc.lines[i]?.tokens ?? []) {
      if (isValue(t) && !(vertical && isWordMark(t))) {
        if (skip?.has(t)) continue;
        if (!cur.length) line = i;
        cur.push(t);
        if (cur.length === WIDTH) push();
        continue;
      }
      const k = labelKey(t.text);
      // Rules and separators of text tables ("|", "+----+") are not labels.
      if (!k) continue;
      if (cur.length && looksRunTogether(cur)) push();
      before = tail(before + k);
    }
  }
  if (cur.length) push();
  return groups;
}

/** A blank-cell mark that is a word (无), which a label may also hold; dashes and slashes are not. */
const isWordMark = (t: Token) => t.kind === "dash" && !t.illegible && labelKey(t.text) !== "";

/** A line of one character (a bracket, a numeral, a word's character). */
const isOneChar = (doc: SourceDoc, i: number) => [...(doc.lines[i]?.text.trim() ?? "")].length === 1;

/**
 * Line `i` is one character of a label printed vertically, one character per line ("（", "四",
 * "）", "无", "法"…): it and a neighbour hold one character each. A blank-cell mark there (无 of
 * （四）无法提供) is the label's, never a cell.
 */
function inVerticalLabel(doc: SourceDoc, i: number): boolean {
  return isOneChar(doc, i) && (isOneChar(doc, i - 1) || isOneChar(doc, i + 1));
}

/** Column header words a row of the table's own header holds (three of the seven make one). */
const HEADER_WORDS_IN_ROW = 3;

/** A row of the applicant column headers (自然人 商业企业 …, repeated after a page break): no table row. */
function isColumnHeader(key: string): boolean {
  return COLUMN_PREFIXES.filter((p) => key.includes(p)).length >= HEADER_WORDS_IN_ROW;
}

/** Only the last words before a group can be its label: keep the context bounded. */
const tail = (s: string) => (s.length > 4 * CONTEXT ? s.slice(-CONTEXT) : s);

function looksRunTogether(tokens: readonly Token[]): boolean {
  let digits = 0;
  for (const t of tokens) digits += t.digits ? t.digits.length : 1;
  return digits >= WIDTH && tokens.some((t) => t.digits);
}

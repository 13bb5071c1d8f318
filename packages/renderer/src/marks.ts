/**
 * How a cell whose value is not known prints, in every format (text, Markdown, HTML, Word, PDF).
 * A report read from a document says in its `provenance` how each cell was obtained; a cell the
 * source gave nothing for (`unread`) or that reads several ways (`ambiguous`) holds 0 or one
 * candidate only as a placeholder, and printing the placeholder would pass a guess as a fact. Such
 * a cell prints a mark instead, and the report ends with one legend explaining the marks it uses.
 * Every other cell — totals included — prints the value the report holds, as the document printed it.
 */
import { cellsNeedingReading, type Report } from "@gov-report/core/lite";
import { formatValue } from "./format.js";
import type { FieldMeta } from "./layout.js";

/** What an `unread` cell prints. */
export const UNREAD_MARK = "未读";
/** Joins the candidates of an `ambiguous` cell ("45/4?"). */
export const CANDIDATE_SEPARATOR = "/";
/** Ends the text of an `ambiguous` cell, and is all it prints when it names no candidate. */
export const AMBIGUOUS_SUFFIX = "?";

/** The printed mark of a cell whose value is not known. */
export interface CellMark {
  status: "unread" | "ambiguous";
  /** What the cell prints: "未读", or the candidates as "45/4?" ("?" without candidates). */
  text: string;
  /** What the mark means for this cell, in Chinese (an HTML tooltip). */
  note: string;
}

/** Cell id → mark, for the cells of a report that are `unread` or `ambiguous`. */
export type CellMarks = ReadonlyMap<string, CellMark>;

const NONE: CellMarks = new Map();

/** The distinct finite candidates of a provenance entry, in its order (none for anything else). */
function candidatesOf(report: Report, id: string): number[] {
  const out: number[] = [];
  try {
    const provenance = (report as { provenance?: unknown }).provenance as Record<string, unknown>;
    const list = (provenance[id] as { candidates?: unknown } | undefined)?.candidates;
    if (!Array.isArray(list)) return out;
    for (const c of list) if (typeof c === "number" && Number.isFinite(c) && !out.includes(c)) out.push(c);
  } catch {
    // A host object that throws on access (never JSON): no candidates, the cell prints "?".
  }
  return out;
}

/** The mark of an ambiguous cell: its candidates printed as the cell prints a value, then "?". */
function ambiguousMark(candidates: readonly number[], field: FieldMeta | undefined): CellMark {
  const printed = field ? candidates.map((c) => formatValue(c, field.kind, field.constraints.maxDecimals)) : [];
  return {
    status: "ambiguous",
    text: printed.join(CANDIDATE_SEPARATOR) + AMBIGUOUS_SUFFIX,
    note: MARK_WORDS.ambiguousNote.zh(printed.join("、")),
  };
}

/**
 * The marks of a report's unread and ambiguous cells (read with core's `cellsNeedingReading`).
 * A report without provenance, or whose every cell was read, has none and prints as before.
 * `fields` gives each cell's kind, so that candidates print as the cell's values do.
 */
export function cellMarks(report: Report, fields: Readonly<Record<string, FieldMeta>>): CellMarks {
  if ((report as { provenance?: unknown }).provenance === undefined) return NONE;
  const needing = cellsNeedingReading(report);
  if (!needing.length) return NONE;
  const marks = new Map<string, CellMark>();
  for (const { id, status } of needing) {
    marks.set(
      id,
      status === "unread"
        ? { status, text: UNREAD_MARK, note: MARK_WORDS.unreadNote.zh }
        : ambiguousMark(candidatesOf(report, id), fields[id]),
    );
  }
  return marks;
}

/** Words of the legend, in the two languages of the project (the report itself prints in Chinese). */
export const MARK_WORDS = {
  heading: { zh: "注", en: "Note" },
  unread: {
    zh: `“${UNREAD_MARK}”表示原文中该栏数字未能读取，数值未知，不是 0`,
    en: `"${UNREAD_MARK}" (unread): the figure could not be read from the source; it is unknown, not 0`,
  },
  ambiguous: {
    zh: (example: string) => `“${example}”表示原文该栏读法不唯一（斜线隔开几种可能的读法）`,
    en: (example: string) => `"${example}": the source reads several ways (the possible readings between slashes)`,
  },
  check: { zh: "请对照原文核实。", en: "Check them against the source." },
  unreadNote: { zh: "原文未能读取：数值未知，不是 0", en: "could not be read from the source: unknown, not 0" },
  ambiguousNote: {
    zh: (list: string) => (list ? `原文有几种读法，可能为 ${list}` : "原文读法不唯一"),
    en: (list: string) =>
      list ? `the source can be read several ways: ${list}` : "the source can be read several ways",
  },
} as const;

/**
 * The legend of the marks a report uses, once, as one line ("注：“未读”表示…；“45/4?”表示…。请对照
 * 原文核实。"), or undefined when it uses none. The ambiguous example is the report's first.
 */
export function markLegend(marks: CellMarks, lang: "zh" | "en" = "zh"): string | undefined {
  if (!marks.size) return undefined;
  const values = [...marks.values()];
  const parts: string[] = [];
  if (values.some((m) => m.status === "unread")) parts.push(MARK_WORDS.unread[lang]);
  const ambiguous = values.find((m) => m.status === "ambiguous");
  if (ambiguous) parts.push(MARK_WORDS.ambiguous[lang](ambiguous.text));
  return lang === "zh"
    ? `${MARK_WORDS.heading.zh}：${parts.join("；")}。${MARK_WORDS.check.zh}`
    : `${MARK_WORDS.heading.en}: ${parts.join("; ")}. ${MARK_WORDS.check.en}`;
}

/** The printed text of a value cell: its mark when its value is not known, else its value. */
export function cellText(field: FieldMeta, value: unknown, marks: CellMarks): string {
  const mark = marks.size ? marks.get(field.id) : undefined;
  return mark ? mark.text : formatValue(value, field.kind, field.constraints.maxDecimals);
}

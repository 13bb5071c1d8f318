/**
 * A table of contents (目录) before the report's body: the section headings printed one under
 * another, each with its page number or a dotted leader, and nothing between them. It is not the
 * report: read as headings, it restarts the report at its 一、 (a second report, see reports.ts)
 * and takes the body's headings' place. Its lines are emptied (line numbers kept). A body never
 * prints three headings in a row with nothing between: its tables and text stand between them.
 */
import { SECTIONS } from "@gov-report/core/lite";
import type { Line, SourceDoc } from "./doc.js";
import { headingOf } from "./sections.js";

const ORDER = new Map(SECTIONS.map((s, i) => [s.key, i]));
/** Headings in a row that make a table of contents. */
const MIN_ENTRIES = 3;
/** Longest entry of a table of contents that is not a section heading (（一）主动公开……2). */
const ENTRY_MAX = 40;
const LEADER = new Set([".", "…", "·", "．", "-", " ", "\t", "\u3000"]);
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** A short line ending in a page number after a leader or a space: an entry under a heading. */
function isEntry(l: Line): boolean {
  const t = l.text.trim();
  if (l.tableRow || t.length > ENTRY_MAX) return false;
  let k = t.length;
  while (k > 0 && isDigitCode(t.charCodeAt(k - 1))) k--;
  if (k === t.length || t.length - k > 3 || k === 0) return false;
  return LEADER.has(t[k - 1] as string);
}

/** Order of the section a line is the heading of; -1 when it is none (table rows never are). */
function headingOrder(l: Line): number {
  if (l.tableRow) return -1;
  const h = headingOf(l.key);
  return h ? (ORDER.get(h) ?? -1) : -1;
}

/**
 * [start, end) of every run of lines from a heading on, of headings in rising order and entries
 * between them, holding at least MIN_ENTRIES headings.
 */
export function contentsRuns(doc: SourceDoc): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  let last = -1;
  let headings = 0;
  const close = (end: number) => {
    if (headings >= MIN_ENTRIES) runs.push([start, end]);
  };
  doc.lines.forEach((l, i) => {
    const order = headingOrder(l);
    if (last >= 0 && (order > last || (order < 0 && isEntry(l)))) {
      if (order >= 0) {
        last = order;
        headings++;
      }
      return;
    }
    close(i);
    start = i;
    last = order;
    headings = order >= 0 ? 1 : 0;
  });
  close(doc.lines.length);
  return runs;
}

/** The document with its table of contents emptied; the same document when it has none. */
export function withoutContents(doc: SourceDoc): SourceDoc {
  const runs = contentsRuns(doc);
  if (!runs.length) return doc;
  const lines = doc.lines.slice();
  for (const [a, b] of runs)
    for (let i = a; i < b; i++) lines[i] = { ...(lines[i] as Line), text: "", key: "", tokens: [] };
  return { ...doc, lines };
}

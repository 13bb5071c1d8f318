/**
 * Strategy "markdown marks": Markdown syntax that AI and OCR converters put around a report's
 * text is not its content. A list marker at the start of a line ("- 行政复议：结果维持72件…")
 * is not a dash cell, and emphasis around a figure or a label (`**3001**`, `__3001__`, `*3001*`,
 * `**行政复议**：`) is not part of it. A lone "*" after a figure ("264*") is a note mark, which
 * no emphasis pair takes: it cannot open one.
 */
import { tokenize } from "../tokens.js";

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
/** The list markers of Markdown and of word processors' bullet lists. */
const LIST_MARKERS = new Set([0x2d, STAR, 0x2b, 0x2022]);
/** Emphasis runs longer than this (`****`) are a rule or decoration, not emphasis. */
const MAX_RUN = 3;
/** How much of a list item is looked at to tell a label from a figure (a bounded look). */
const ITEM_LOOK = 16;

const isWs = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** ASCII and CJK punctuation (the full-width forms and the CJK symbols block). */
function isPunct(c: number): boolean {
  if (c >= 0x21 && c <= 0x7e) return !isAsciiAlnum(c);
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    c === 0x201c ||
    c === 0x201d
  );
}

/**
 * Where a line's content starts after a list marker ("- ", "* ", "+ ", "• ", also indented), or
 * 0 when it has none. A marker followed by a figure or a dash is not a marker: "- 3 0 -" is a row
 * whose first cell is blank, and only an item that starts with words is a list item.
 */
export function listItemStart(s: string): number {
  let i = 0;
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  if (!LIST_MARKERS.has(s.charCodeAt(i)) || !isWs(s.charCodeAt(i + 1))) return 0;
  let body = i + 1;
  while (body < s.length && isWs(s.charCodeAt(body))) body++;
  if (body >= s.length) return 0;
  const first = tokenize(s.slice(body, body + ITEM_LOOK), 0)[0];
  return first?.kind === "text" ? body : 0;
}

/** A run of one emphasis character from `at`, and whether it can open or close emphasis. */
function runAt(s: string, at: number): { end: number; open: boolean; close: boolean } {
  const c = s.charCodeAt(at);
  let end = at;
  while (s.charCodeAt(end) === c) end++;
  const prev = s.charCodeAt(at - 1);
  const next = s.charCodeAt(end);
  const before = Number.isNaN(prev) || isWs(prev) || isPunct(prev);
  const after = Number.isNaN(next) || isWs(next) || isPunct(next);
  // CommonMark's flanking rules: an opener touches the text after it, a closer the text before.
  let open = !Number.isNaN(next) && !isWs(next) && (!isPunct(next) || before);
  let close = !Number.isNaN(prev) && !isWs(prev) && (!isPunct(prev) || after);
  // "_" inside a word (snake_case) neither opens nor closes.
  if (c === UNDERSCORE) {
    open &&= !isAsciiAlnum(prev);
    close &&= !isAsciiAlnum(next);
  }
  return { end, open, close };
}

/**
 * The text without its emphasis marks: each closing run of `*` or `_` (one to three) with the
 * nearest opening run of the same length before it. One forward scan (at most six runs wait for
 * their closer); a run that pairs with nothing (a note mark "264*", a rule "****") is kept.
 */
export function withoutEmphasis(s: string): string {
  if (!s.includes("*") && !s.includes("_")) return s;
  const pending = new Map<string, number>();
  const cut: [number, number][] = [];
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c !== STAR && c !== UNDERSCORE) {
      i++;
      continue;
    }
    const run = runAt(s, i);
    const key = `${c}:${run.end - i}`;
    const opener = pending.get(key);
    if (run.end - i <= MAX_RUN && run.close && opener !== undefined) {
      cut.push([opener, opener + run.end - i], [i, run.end]);
      // Openers inside the pair are left unclosed; one outside it still may close (at most six keys).
      for (const [k, at] of pending) if (at >= opener) pending.delete(k);
    } else if (run.end - i <= MAX_RUN && run.open) pending.set(key, i);
    i = run.end;
  }
  if (!cut.length) return s;
  cut.sort((a, b) => a[0] - b[0]);
  let out = "";
  let from = 0;
  for (const [a, b] of cut) {
    out += s.slice(from, a);
    from = b;
  }
  return out + s.slice(from);
}

/** The text of a line as its figures and words read: no list marker, no emphasis marks. */
export function markdownContent(s: string): string {
  const start = listItemStart(s);
  return withoutEmphasis(start ? s.slice(start) : s);
}

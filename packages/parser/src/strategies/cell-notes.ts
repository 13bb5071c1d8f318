/**
 * Strategy "cell notes": a figure with a note printed in its cell — `18（其中修订5件）`,
 * `41（含自然失效12件）` — is the cell's figure; the note is not another figure. Works on the
 * tokens of any source: a figure, a bracket opening right after it, a figure inside, and the
 * bracket closing within a few characters; or a note of words only (`17（新制定）`). The note is kept
 * for the cell's provenance.
 */
import { CHINESE_NUMERALS, NOTE_BRACKETS, NOTE_MARKS } from "@gov-report/core/lite";
import type { Line, SourceDoc, Token } from "../doc.js";
import { normalizeChars } from "../normalize.js";

const NOTES = new WeakMap<Token, string>();

/** The note printed in the cell of this figure, if any. */
export function noteOf(t: Token): string | undefined {
  return NOTES.get(t);
}

const OPEN = new Set(["（", "("]);
const CLOSE = new Set(["）", ")"]);
/** Characters a note's closing words may have before the bracket ("件）", "项)"). */
const MAX_TAIL = 4;
/** Characters a note's opening words may have ("（其中修订", "(含自然失效"). */
const MAX_HEAD = 12;

function firstClose(text: string, from: number): number {
  for (let i = from; i < text.length && i <= from + MAX_HEAD + MAX_TAIL + 12; i++)
    if (CLOSE.has(text[i] as string)) return i;
  return -1;
}

function closeAt(text: string): number {
  for (let i = 0; i < Math.min(text.length, MAX_TAIL + 1); i++) if (CLOSE.has(text[i] as string)) return i;
  return -1;
}

/** A numbering in brackets — （一）, (2), （十一） — starts a label, never a note. */
const NUMBERING_CHARS = new Set([..."0123456789", ...CHINESE_NUMERALS]);
const isNumbering = (s: string) => s.length > 0 && [...s].every((c) => NUMBERING_CHARS.has(c));

/**
 * A note of words only right after a figure in its cell — `17（新制定）`, `3(修订)`: a bracket
 * that closes at the token's end, a few characters with no figure and no numbering inside, in the
 * figure's cell (same position) or, where the source has no cells, printed with no space between.
 */
function isWordNote(fig: Token, note: Token, text: string): boolean {
  if (fig.kind !== "num" || note.kind !== "text") return false;
  const t = note.text;
  if (
    t.length < 3 ||
    t.length > MAX_HEAD + MAX_TAIL ||
    !OPEN.has(t[0] as string) ||
    !CLOSE.has(t[t.length - 1] as string)
  )
    return false;
  const inner = t.slice(1, -1);
  if (isNumbering(inner) || [...inner].some((c) => OPEN.has(c) || CLOSE.has(c) || (c >= "0" && c <= "9"))) return false;
  return fig.pos !== undefined ? fig.pos === note.pos : text.includes(fig.text + t);
}

const MARKS = new Set(NOTE_MARKS);
const BRACKET_CLOSE = new Map(NOTE_BRACKETS);
/** A note's own number after its mark: one or two digits, no sign or decimals (`注2`, `[12]`). */
const isNoteNumber = (t: Token | undefined) => t?.kind === "num" && /^\d{1,2}$/.test(t.text);

/**
 * Where a note mark after the figure `tokens[i]` ends — `264注`, `264注2`, `264*`, `264[1]`,
 * `18 注：含修订`: the index of its last token. Only in a source with cells, where the mark and
 * what follows it are in the figure's own cell up to the cell's end (the next token is in
 * another cell): in text, "264 注2 215" could be anything.
 */
export function noteMarkEnd(tokens: readonly Token[], i: number): number | undefined {
  const fig = tokens[i];
  const mark = tokens[i + 1];
  if (fig?.kind !== "num" || fig.pos === undefined || mark?.kind !== "text" || mark.pos !== fig.pos) return undefined;
  const inCell = (k: number) => tokens[k]?.pos === fig.pos;
  let end = i + 1;
  const close = BRACKET_CLOSE.get(mark.text[0] as string);
  if (close !== undefined) {
    const closes = (t: Token | undefined) => t?.kind === "text" && t.text.startsWith(close);
    if (mark.text.length > MAX_TAIL + 2) return undefined;
    if (!(mark.text.length > 1 && mark.text.endsWith(close))) {
      if (isNoteNumber(tokens[end + 1]) && inCell(end + 1)) end++;
      if (!closes(tokens[end + 1]) || !inCell(end + 1)) return undefined;
      end++;
    }
  } else {
    const word = mark.text.replace(/[：:]$/, "");
    if (!MARKS.has(word) && !MARKS.has(word[0] as string)) return undefined;
    if (isNoteNumber(tokens[end + 1]) && inCell(end + 1)) end++;
    if (tokens[end + 1]?.kind === "text" && inCell(end + 1)) end++;
  }
  return inCell(end + 1) ? undefined : end;
}

/** The figure `tokens[i]` with the note mark up to `tokens[end]` kept as its note (without its brackets). */
function withMark(tokens: readonly Token[], i: number, end: number): Token {
  const kept: Token = { ...(tokens[i] as Token) };
  const mark = tokens
    .slice(i + 1, end + 1)
    .map((t) => t.text)
    .join("");
  const close = BRACKET_CLOSE.get(mark[0] as string);
  NOTES.set(kept, close !== undefined && mark.endsWith(close) ? mark.slice(1, -1) : mark);
  return kept;
}

/**
 * The tokens of a line with each cell note folded into the figure before it. `text` (the line as
 * printed, characters normalized) gives the note's exact words: the tokens leave out units ("件").
 * `cells`: the tokens' positions name table cells (a grid row), so the note's figure must share
 * its figure's; elsewhere (a PDF line) positions are x centres within the printed text.
 */
export function foldNotes(tokens: readonly Token[], text = "", cells = true): Token[] | undefined {
  let out: Token[] | undefined;
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const [fig, head, inner, tail] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]] as (Token | undefined)[];
    const isNote =
      fig?.kind === "num" &&
      head?.kind === "text" &&
      OPEN.has(head.text[0] as string) &&
      head.text.length <= MAX_HEAD &&
      !head.text.split("").some((c) => CLOSE.has(c)) &&
      inner?.kind === "num" &&
      tail?.kind === "text" &&
      closeAt(tail.text) >= 0 &&
      (fig.pos === undefined || fig.pos === inner.pos || !cells);
    if (!isNote) {
      const markEnd = noteMarkEnd(tokens, i);
      if (markEnd !== undefined) {
        out ??= tokens.slice(0, i) as Token[];
        out.push(withMark(tokens, i, markEnd));
        i = markEnd;
        continue;
      }
      if (fig && head && isWordNote(fig, head, text)) {
        out ??= tokens.slice(0, i) as Token[];
        const kept: Token = { ...fig };
        NOTES.set(kept, head.text.slice(1, -1));
        out.push(kept);
        i += 1;
        continue;
      }
      out?.push(tokens[i] as Token);
      continue;
    }
    out ??= tokens.slice(0, i) as Token[];
    const end = closeAt(tail.text);
    const from = text.indexOf(head.text, cursor);
    const to = from < 0 ? -1 : firstClose(text, from);
    const note = to > from ? text.slice(from + 1, to) : `${head.text.slice(1)}${inner.text}${tail.text.slice(0, end)}`;
    if (to > from) cursor = to;
    const kept: Token = { ...fig };
    NOTES.set(kept, note);
    out.push(kept);
    const rest = tail.text.slice(end + 1).trim();
    if (rest) out.push({ ...tail, text: rest });
    i += 3;
  }
  return out;
}

/** The document with cell notes folded; the same object when there is none. */
export function cellNotes(doc: SourceDoc): SourceDoc {
  let changed = false;
  const lines = doc.lines.map((l): Line => {
    const folded = foldNotes(l.tokens, normalizeChars(l.text), l.tableRow === true);
    if (!folded) return l;
    changed = true;
    return { ...l, tokens: folded };
  });
  return changed ? { ...doc, lines } : doc;
}

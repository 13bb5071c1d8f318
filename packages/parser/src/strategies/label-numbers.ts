/**
 * Strategy "label numbers": a number that is part of a cell's words is not a figure. Row labels
 * numbered `（1）` / `(1)` ("（1）属于国家秘密") and generic header cells written by converters
 * ("数据1", "数据2", …) carry digits, and read as figures they shift a whole row or become one.
 * Two cases, both decided by the characters around the number:
 * - anywhere: the number is wrapped in brackets and words follow the closing bracket
 *   ("（1）属于…"; a cell note "18（5）" has no words after it, and "18（其中修订5件）" is folded by
 *   the cell-notes strategy before this one runs);
 * - in a table row (HTML, Word, `|` grid): the number is printed right after words of the same
 *   cell, with no space ("数据1"); a figure in its own cell never is.
 */
import type { Line, SourceDoc, Token } from "../doc.js";
import { normalizeChars } from "../normalize.js";

const OPEN = new Set(["（", "("]);
const CLOSE = new Set(["）", ")"]);

/** Words after the closing bracket: at least one character that is not a bracket, digit or space. */
function wordsAfterClose(text: string): boolean {
  if (!CLOSE.has(text[0] as string)) return false;
  for (const ch of text.slice(1)) if (!/[\s\d.,，、。．）)]/.test(ch)) return true;
  return false;
}

function samePlace(a: Token, b: Token): boolean {
  return a.pos === undefined || b.pos === undefined || a.pos === b.pos;
}

/** Whether the number at `i` is part of the words around it. */
function isLabelNumber(tokens: readonly Token[], i: number, line: Line, text: string): boolean {
  const [prev, t, next] = [tokens[i - 1], tokens[i], tokens[i + 1]];
  if (t?.kind !== "num" || prev?.kind !== "text" || !samePlace(prev, t)) return false;
  const bracketed =
    OPEN.has(prev.text[prev.text.length - 1] as string) &&
    next?.kind === "text" &&
    samePlace(t, next) &&
    wordsAfterClose(next.text);
  if (bracketed) return true;
  // "18（其中修订5件）": the words before are a cell note's, opened right after a figure.
  const before = tokens[i - 2];
  if (OPEN.has(prev.text[0] as string) && before?.kind === "num" && samePlace(before, prev)) return false;
  return Boolean(line.tableRow) && t.pos !== undefined && text.includes(`${prev.text}${t.text}`);
}

/** The tokens of a line with label numbers merged into their words; undefined when it has none. */
export function mergeLabelNumbers(line: Line): Token[] | undefined {
  const tokens = line.tokens;
  let out: Token[] | undefined;
  const text = normalizeChars(line.text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isLabelNumber(tokens, i, line, text)) {
      out?.push(t);
      continue;
    }
    out ??= tokens.slice(0, i) as Token[];
    // The token before, as already merged ("数据1" before "数据2" is its own cell, but "（1）" may join).
    const prev = out.pop() as Token;
    const next = tokens[i + 1];
    const joinNext = next?.kind === "text" && samePlace(t, next) && CLOSE.has(next.text[0] as string);
    out.push({ ...prev, text: `${prev.text}${t.text}${joinNext ? next.text : ""}` });
    if (joinNext) i++;
  }
  return out;
}

/** The document with label numbers read as words; the same object when it has none. */
export function labelNumbers(doc: SourceDoc): SourceDoc {
  let changed = false;
  const lines = doc.lines.map((l): Line => {
    const merged = mergeLabelNumbers(l);
    if (!merged) return l;
    changed = true;
    return { ...l, tokens: merged };
  });
  return changed ? { ...doc, lines } : doc;
}

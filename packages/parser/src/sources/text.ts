/** Plain text (extracted from a PDF, saved from a page, or scraped): one Line per line. */
import { isPageFurniture, type Line, makeLine, type SourceDoc, type Token } from "../doc.js";
import { Budget, LIMITS, LimitExceeded, refusal, refusedDoc } from "../limits.js";
import { tokenize } from "../tokens.js";

/** The line model of a text; a text over the reader limits gives a refused document. */
export function textSource(input: string): SourceDoc {
  if (input.length > LIMITS.maxChars) return refusedDoc("text", refusal("maxChars"));
  try {
    return readLines(input);
  } catch (e) {
    if (e instanceof LimitExceeded) return refusedDoc("text", e.refusal);
    throw e;
  }
}

function readLines(input: string): SourceDoc {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines: Line[] = [];
  const budget = new Budget();
  let tokenCount = 0;
  let offset = 0;
  let lineNo = 0;
  while (offset <= text.length) {
    let end = text.indexOf("\n", offset);
    if (end < 0) end = text.length;
    lineNo++;
    let raw = text.slice(offset, end);
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    const start = offset;
    offset = end + 1;
    if (!raw.trim() || isPageFurniture(raw)) continue;
    const index = lines.length;
    const tokens: Token[] = tokenize(raw, index);
    tokenCount += tokens.length;
    budget.line(tokenCount);
    lines.push(
      makeLine({
        text: raw,
        tokens,
        lineNo,
        offset: start,
        indent: leadingWs(raw) >= 2,
        trailingSpace: isWs(raw.charCodeAt(raw.length - 1)),
      }),
    );
  }
  return { kind: "text", lines, positional: false };
}

const isWs = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

function leadingWs(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 0xa0) n++;
    else if (c === 0x3000 || c === 9) n += 2;
    else break;
  }
  return n;
}

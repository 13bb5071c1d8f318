/** Plain text (extracted from a PDF, saved from a page, or scraped): one Line per line. */
import { furnitureNumber, type Line, makeLine, type PageMark, type SourceDoc, type Token } from "../doc.js";
import { Budget, LIMITS, LimitExceeded, refusal, refusedDoc } from "../limits.js";
import { markdownContent } from "../strategies/markdown-marks.js";
import { tokenize } from "../tokens.js";
import { htmlSource } from "./html.js";
import { isLaidOut, layoutTokens } from "./layout-text.js";
import { embeddedTables } from "./text-html.js";

/** The line model of a text; a text over the reader limits gives a refused document. */
export function textSource(input: string): SourceDoc {
  if (input.length > LIMITS.maxChars) return refusedDoc("text", refusal("maxChars"));
  // Markdown with its tables as HTML (converters): read as a page, the tables as grids.
  const page = embeddedTables(input);
  if (page !== undefined) return htmlSource(page);
  try {
    return readLines(input);
  } catch (e) {
    if (e instanceof LimitExceeded) return refusedDoc("text", e.refusal);
    throw e;
  }
}

function readLines(input: string): SourceDoc {
  const bare = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Old Mac files end their lines with CR alone: one character for one, offsets unchanged.
  const text = !bare.includes("\n") && bare.includes("\r") ? bare.replaceAll("\r", "\n") : bare;
  // pdftotext -layout keeps table cells in columns: then figures carry their column.
  const laidOut = isLaidOut(firstLines(text));
  const lines: Line[] = [];
  const budget = new Budget();
  let tokenCount = 0;
  let offset = 0;
  let lineNo = 0;
  const pages: PageMark[] = [{ start: 0 }];
  while (offset <= text.length) {
    let end = text.indexOf("\n", offset);
    if (end < 0) end = text.length;
    lineNo++;
    let raw = text.slice(offset, end);
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    const start = offset;
    offset = end + 1;
    // pdftotext ends every page with a form feed: the text after it is on the next page.
    for (let k = raw.indexOf("\f"); k >= 0; k = raw.indexOf("\f", k + 1)) pages.push({ start: lines.length });
    for (const piece of blockLines(raw)) {
      if (isBlank(piece)) continue;
      const furniture = furnitureNumber(piece);
      if (furniture !== undefined) {
        (pages[pages.length - 1] as PageMark).printed ??= furniture;
        continue;
      }
      const index = lines.length;
      // A list marker and emphasis marks are Markdown syntax, not cells (text laid out in columns has none).
      const tokens: Token[] = laidOut ? layoutTokens(piece, index) : tokenize(markdownContent(piece), index);
      tokenCount += tokens.length;
      budget.line(tokenCount);
      lines.push(
        makeLine({
          text: piece,
          tokens,
          lineNo,
          offset: start,
          indent: leadingWs(piece) >= 2,
          trailingSpace: isWs(piece.charCodeAt(piece.length - 1)),
        }),
      );
    }
  }
  return {
    kind: "text",
    lines,
    positional: laidOut,
    ...(laidOut ? { laidOut } : {}),
    ...(pages.length > 1 ? { pages } : {}),
  };
}

/** Tags that end a line in Markdown written with HTML (`<p align="right">机关<br>日期</p>`). */
const BLOCK_TAG = /<\/?(?:p|div|br)\b[^>]*>/gi;

/**
 * The lines of one line of text: Markdown may break a block with HTML tags (our renderer writes
 * the signature as `<p align="right">机关<br>日期</p>`). A `|` table row keeps its `<br>`, which
 * the pipe grid reads inside its cell.
 */
function blockLines(raw: string): string[] {
  if (!raw.includes("<") || raw.trimStart().startsWith("|")) return [raw];
  return raw.split(BLOCK_TAG);
}

/** Lines looked at to tell a text laid out in columns: the tables come within the first pages. */
const LAYOUT_SCAN_LINES = 400;

/** The first lines of a text (a bounded look: the whole text is read once more after). */
function firstLines(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < LAYOUT_SCAN_LINES && at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    if (end - at <= 4000) out.push(text.slice(at, end));
    at = end + 1;
  }
  return out;
}

/** What String.prototype.trim removes: JavaScript's white space and line terminators. */
const TRIMMED = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

/** `!s.trim()` without building the trimmed copy (most lines end with a space in PDF-extracted text). */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!TRIMMED.has(s.charCodeAt(i))) return false;
  return true;
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

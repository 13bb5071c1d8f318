/**
 * HTML → lines, with htmlparser2 (a real parser: entities, unclosed tags, comments). Tables
 * that contain no other table are data grids: rowspan/colspan are expanded and every number
 * keeps its grid column. Tables that wrap other tables are page layout: their cells are blocks.
 * Text outside tables becomes one line per block (<p>, <div>, <br>, headings, list items).
 */
import { DomHandler, Parser, type parseDocument } from "htmlparser2";

// Node types through htmlparser2's own exports (domhandler is its dependency, not ours).
// Element names are compared as they are: in HTML mode htmlparser2 lower-cases every tag name
// (only SVG names such as "clipPath" get their camel case back, and none of those is looked for).
type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
const isTag = (n: ChildNode): n is Element => n.type === "tag" || n.type === "script" || n.type === "style";
type TextNode = Extract<ChildNode, { data: string }>;
const isText = (n: ChildNode): n is TextNode => n.type === "text";

import { type Line, makeLine, type SourceDoc, type Token } from "../doc.js";
import { Budget, LIMITS, LimitExceeded, refusal, refusedDoc } from "../limits.js";
import { tokenize } from "../tokens.js";

const BLOCK = new Set([
  "p",
  "div",
  "br",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "section",
  "article",
  "header",
  "footer",
  "tr",
  "td",
  "th",
  "table",
  "blockquote",
  "pre",
  "hr",
  "dd",
  "dt",
  "caption",
  "center",
  "body",
  "main",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "object", "svg", "iframe"]);
const MAX_COLSPAN = 64;
const MAX_ROWSPAN = 200;

interface GridCell {
  text: string;
  offset: number;
  rowspan: number;
  colspan: number;
}

/** Elements that never nest (htmlparser2's void elements). */
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Elements whose content is raw text up to their end tag (no markup inside). */
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"]);
const P = ["p"];
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p"];
const FORM = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
/**
 * Start tags that close open elements first — the optional end tags of HTML (a <td> ends the
 * previous <td>, a <p> the previous <p>…), as htmlparser2 applies them: an element they close is
 * not nesting. Only the element on top of the stack is closed, repeatedly, as htmlparser2 does.
 */
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (
    [
      ["tr", ["tr", "th", "td"]],
      ["th", ["th"]],
      ["td", ["thead", "th", "td"]],
      ["body", ["head", "link", "script"]],
      ["a", ["a"]],
      ["li", ["li"]],
      ["p", P],
      ...["h1", "h2", "h3", "h4", "h5", "h6"].map((h) => [h, HEADINGS] as const),
      ...["select", "input", "output", "button", "datalist", "textarea"].map((f) => [f, FORM] as const),
      ["option", ["option"]],
      ["optgroup", ["optgroup", "option"]],
      ["dd", ["dd", "dt"]],
      ["dt", ["dd", "dt"]],
      ...[
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "pre",
        "section",
        "table",
        "ul",
      ].map((b) => [b, P] as const),
      ["rt", ["rt", "rp"]],
      ["rp", ["rt", "rp"]],
      ["tbody", ["thead", "tbody"]],
      ["tfoot", ["thead", "tbody"]],
    ] as readonly (readonly [string, readonly string[]])[]
  ).map(([k, v]) => [k, new Set(v)]),
);

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Whitespace, "/" or ">": the end of a tag name (as htmlparser2's tokenizer reads it). */
const endsName = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47 || c === 62;

/** Index of the ">" that ends a tag whose name ends at `from` (quoted attribute values skipped), or -1. */
function tagEnd(html: string, from: number): number {
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (c === 62) return k;
    if (c === 34 || c === 39) {
      const q = html.indexOf(c === 34 ? '"' : "'", k + 1);
      if (q < 0) return -1;
      k = q;
    }
  }
  return -1;
}

/** Index of the end tag `</name` at or after `from` (ASCII case-insensitive), or -1. */
function rawTextEnd(html: string, name: string, from: number): number {
  for (let k = html.indexOf("</", from); k >= 0; k = html.indexOf("</", k + 2)) {
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() === name && endsName(html.charCodeAt(k + 2 + name.length)))
      return k;
  }
  return -1;
}

/** Counts the start tags; past LIMITS.maxElements the page is refused. */
function countStartTags(html: string): number {
  let opens = 0;
  for (let i = html.indexOf("<"); i >= 0; i = html.indexOf("<", i + 1)) {
    if (isAlpha(html.charCodeAt(i + 1)) && ++opens > LIMITS.maxElements)
      throw new LimitExceeded(refusal("maxElements"));
  }
  return opens;
}

/**
 * The open-element stack as htmlparser2 builds it, told one tag at a time; says which tags to drop
 * so that nothing nests deeper than LIMITS.maxHtmlDepth. Optional end tags are applied as the
 * parser applies them, so a page that omits </p>, </td>, </tr> or </li> is not deep.
 */
class NestingGuard {
  private readonly stack: string[] = [];
  private readonly dropped = new Map<string, number>();
  private foreign = 0;

  /** A start tag; false when it must be dropped. */
  open(name: string, selfClosing: boolean): boolean {
    const closes = IMPLIES_CLOSE.get(name);
    if (closes) while (this.stack.length && closes.has(this.stack[this.stack.length - 1] as string)) this.pop();
    if (VOID.has(name) || (selfClosing && this.foreign > 0)) return true;
    if (this.stack.length >= LIMITS.maxHtmlDepth) {
      this.dropped.set(name, (this.dropped.get(name) ?? 0) + 1);
      return false;
    }
    this.stack.push(name);
    if (name === "svg" || name === "math") this.foreign++;
    return true;
  }

  /** An end tag; false when it ends a dropped start tag (and is dropped too). */
  close(name: string): boolean {
    if (VOID.has(name)) return true;
    const d = this.dropped.get(name) ?? 0;
    if (d > 0) {
      this.dropped.set(name, d - 1);
      return false;
    }
    const at = this.stack.lastIndexOf(name);
    if (at >= 0) while (this.stack.length > at) this.pop();
    return true;
  }

  private pop(): void {
    const name = this.stack.pop();
    if (name === "svg" || name === "math") this.foreign--;
  }
}

/**
 * Drops the tags (never the text) that htmlparser2 would nest deeper than LIMITS.maxHtmlDepth, so
 * pathological markup stays linear (the parser's cost per tag grows with the depth). Pages within
 * the limit are returned unchanged. Throws LimitExceeded past LIMITS.maxElements start tags.
 */
export function limitNesting(html: string): string {
  // Nesting can be no deeper than the number of start tags: most pages end here.
  if (countStartTags(html) <= LIMITS.maxHtmlDepth) return html;
  const guard = new NestingGuard();
  const parts: string[] = [];
  let last = 0;
  for (let i = html.indexOf("<"); i >= 0; i = html.indexOf("<", i + 1)) {
    if (html.startsWith("<!--", i)) {
      const e = html.indexOf("-->", i + 4);
      if (e < 0) break;
      i = e + 2;
      continue;
    }
    const close = html.charCodeAt(i + 1) === 47;
    const n0 = i + (close ? 2 : 1);
    if (!isAlpha(html.charCodeAt(n0))) continue;
    let j = n0;
    while (j < html.length && !endsName(html.charCodeAt(j))) j++;
    const name = html.slice(n0, j).toLowerCase();
    const end = tagEnd(html, j);
    if (end < 0) break;
    const keep = close ? guard.close(name) : guard.open(name, html.charCodeAt(end - 1) === 47);
    if (!keep) {
      parts.push(html.slice(last, i));
      last = end + 1;
    }
    i = end;
    if (!close && keep && RAW_TEXT.has(name)) {
      const e = rawTextEnd(html, name, end + 1);
      if (e < 0) break;
      i = e - 1;
    }
  }
  if (!parts.length) return html;
  parts.push(html.slice(last));
  return parts.join("");
}

/** Stands for a "<" that starts no markup, while htmlparser2 reads the page (a noncharacter). */
const STRAY = "\uFDD0";

/**
 * The page with every "<" that cannot start a tag, comment or declaration replaced by STRAY, one
 * character for one (offsets unchanged). htmlparser2 emits each such "<" as a text piece of its
 * own, and a page of millions of them costs seconds per megabyte and tens of bytes per character.
 */
function hideStrayLessThan(html: string): string {
  let i = nextStray(html, 0);
  // Most pages have none: the page is returned as it is, after one indexOf pass over its "<".
  if (i < 0) return html;
  const codes = new Uint16Array(html.length);
  for (let k = 0; k < html.length; k++) codes[k] = html.charCodeAt(k);
  for (; i >= 0; i = nextStray(html, i + 1)) codes[i] = 0xfdd0;
  return fromCodes(codes);
}

/** Index of the first "<" at or after `from` that starts no tag, comment or declaration, or -1. */
function nextStray(html: string, from: number): number {
  for (let i = html.indexOf("<", from); i >= 0; i = html.indexOf("<", i + 1)) {
    const next = html.charCodeAt(i + 1);
    if (!(isAlpha(next) || next === 47 || next === 33 || next === 63)) return i;
  }
  return -1;
}

/** The string of UTF-16 units, built from slices of 8K units (TextDecoder is slower on this). */
function fromCodes(codes: Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192)
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]));
  return parts.join("");
}

/**
 * A text node's characters, with the "<" hidden by hideStrayLessThan put back (through a typed
 * array: `replaceAll` builds its result of one piece per match).
 */
function dataOf(n: TextNode): string {
  const s = n.data;
  if (!s.includes(STRAY)) return s;
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = c === 0xfdd0 ? 60 : c;
  }
  return fromCodes(codes);
}

/**
 * Line numbers of offsets, for offsets met mostly in increasing order (a moving cursor: linear).
 * The newlines either side of the cursor are kept, so a move that crosses no newline scans
 * nothing: on a page printed on one line, `indexOf` would otherwise run to the end at every call.
 */
function lineCounter(html: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  // The last newline before `at` and the first at or after it (-1: none).
  let prev = -1;
  let next = html.indexOf("\n");
  return (offset) => {
    const to = Math.max(0, Math.min(offset, html.length));
    if (to >= at) {
      while (next >= 0 && next < to) {
        line++;
        prev = next;
        next = html.indexOf("\n", next + 1);
      }
    } else {
      while (prev >= to) {
        line--;
        next = prev;
        prev = prev > 0 ? html.lastIndexOf("\n", prev - 1) : -1;
      }
    }
    at = to;
    return line;
  };
}

/** The line model of an HTML page; a page over the reader limits gives a refused document. */
export function htmlSource(input: string, kind: "html" | "docx" = "html"): SourceDoc {
  try {
    if (input.length > LIMITS.maxChars) throw new LimitExceeded(refusal("maxChars"));
    return readPage(input, kind);
  } catch (e) {
    if (e instanceof LimitExceeded) return refusedDoc(kind, e.refusal);
    throw e;
  }
}

/** Lines of the page being read, with their tokens counted against the budget. */
class PageLines {
  readonly lines: Line[] = [];
  private readonly budget = new Budget();
  private tokens = 0;

  constructor(readonly lineOf: (offset: number) => number) {}

  add(line: Omit<Line, "key">): void {
    this.tokens += line.tokens.length;
    this.budget.line(this.tokens);
    this.lines.push(makeLine(line));
  }

  /** Text of the block being read, and where it starts. */
  private block = "";
  private blockOffset = -1;

  text(offset: number, data: string): void {
    if (this.blockOffset < 0) this.blockOffset = offset;
    this.block += data;
  }

  /** Ends the block being read: its text, whitespace collapsed, is one line. */
  flush(): void {
    const t = collapse(this.block);
    if (t) {
      this.add({
        text: t,
        tokens: tokenize(t, this.lines.length),
        lineNo: this.lineOf(this.blockOffset),
        offset: this.blockOffset,
        indent: true,
        trailingSpace: false,
        block: true,
      });
    }
    this.block = "";
    this.blockOffset = -1;
  }
}

/**
 * htmlparser2's DOM handler that also notes, as the page is parsed, each table holding another
 * table (page layout, whose cells are blocks): one step per element, where asking each table
 * after the parse would walk its whole subtree once per enclosing table.
 */
class PageHandler extends DomHandler {
  readonly layoutTables = new Set<unknown>();
  private readonly openTables: unknown[] = [];

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    if (name === "table") this.openTables.push(this.tagStack[this.tagStack.length - 1]);
  }

  override onclosetag(): void {
    const closing = this.tagStack[this.tagStack.length - 1];
    super.onclosetag();
    if (closing !== this.openTables[this.openTables.length - 1]) return;
    this.openTables.pop();
    if (this.openTables.length) this.layoutTables.add(this.openTables[this.openTables.length - 1]);
  }
}

/** The end of a block element in readPage's walk. */
const CLOSE = 0;

const PARSE_OPTIONS = { withStartIndices: true, decodeEntities: true } as const;

function readPage(input: string, kind: "html" | "docx"): SourceDoc {
  const html = limitNesting(hideStrayLessThan(input));
  const handler = new PageHandler(undefined, PARSE_OPTIONS);
  new Parser(handler, PARSE_OPTIONS).end(html);
  const dom = handler.root;
  const out = new PageLines(lineCounter(html));
  let title: string | undefined;
  const flush = () => out.flush();

  // Iterative walk (deeply nested markup must not overflow the stack). Entries are nodes to
  // visit, or CLOSE, the end of a block element (nodes pushed as they are: no object per node).
  const stack: (ChildNode | typeof CLOSE)[] = [];
  const pushChildren = (nodes: readonly ChildNode[]) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i] as ChildNode);
  };
  pushChildren(dom.children);
  while (stack.length) {
    const node = stack.pop() as ChildNode | typeof CLOSE;
    if (node === CLOSE) {
      flush();
      continue;
    }
    if (isText(node)) {
      out.text(node.startIndex ?? 0, dataOf(node));
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name;
    if (name === "title" || name === "head") {
      // The page's <title> sits in <head>, which is no body text.
      const t = name === "title" ? node : node.children.find((c): c is Element => isTag(c) && c.name === "title");
      if (t && title === undefined) title = collapse(textOf(t)) || undefined;
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === "table" && !handler.layoutTables.has(node)) {
      flush();
      emitGrid(node, out);
      continue;
    }
    if (BLOCK.has(name)) {
      flush();
      stack.push(CLOSE);
    }
    pushChildren(node.children);
  }
  flush();
  return { kind, lines: out.lines, positional: true, ...(title ? { title } : {}) };
}

/** Runs of whitespace to one space, trimmed; words copied as slices (linear on huge text nodes). */
function collapse(s: string): string {
  if (isCollapsed(s)) return s;
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      if (start >= 0) parts.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  return parts.join(" ");
}

/** True when `s` has no whitespace to collapse: no leading, trailing or double space, no tab or newline. */
function isCollapsed(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 12) return false;
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else prevSpace = false;
  }
  return !prevSpace || s.length === 0;
}

function textOf(node: Element): string {
  // Most cells hold one text node: its text as it is.
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only && isText(only)) return dataOf(only);
  let out = "";
  const stack: ChildNode[] = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop() as ChildNode;
    if (isText(n)) out += dataOf(n);
    else if (isTag(n)) {
      const name = n.name;
      if (SKIP.has(name)) continue;
      if (name === "br" || name === "p" || name === "div") out += " ";
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
    }
  }
  return out;
}

/** The rows of this table (through thead/tbody/tfoot), not those of nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const stack: ChildNode[] = [...table.children].reverse();
  while (stack.length) {
    const n = stack.pop() as ChildNode;
    if (!isTag(n)) continue;
    const name = n.name;
    if (name === "tr") rows.push(n);
    else if (name === "thead" || name === "tbody" || name === "tfoot" || name === "form")
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
  }
  return rows;
}

function span(v: string | undefined, max: number): number {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/**
 * Expands spans into a grid and emits one line per row, numbers positioned by grid column. A grid
 * of more than LIMITS.maxGridSlots slots refuses the page (a report's tables have a few hundred).
 */
function emitGrid(table: Element, out: PageLines): void {
  const taken: boolean[][] = [];
  const rows = rowsOf(table);
  let slots = 0;
  rows.forEach((tr, r) => {
    const own: { cell: GridCell; col: number }[] = [];
    if (!taken[r]) taken[r] = [];
    const occupied = taken[r] as boolean[];
    let col = 0;
    for (const td of tr.children) {
      if (!isTag(td)) continue;
      const name = td.name;
      if (name !== "td" && name !== "th") continue;
      while (occupied[col]) col++;
      const cell: GridCell = {
        text: collapse(textOf(td)),
        offset: td.startIndex ?? 0,
        rowspan: span(td.attribs.rowspan, MAX_ROWSPAN),
        colspan: span(td.attribs.colspan, MAX_COLSPAN),
      };
      slots += Math.min(cell.rowspan, rows.length - r) * cell.colspan;
      if (slots > LIMITS.maxGridSlots) throw new LimitExceeded(refusal("maxGridSlots"));
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        if (!taken[r + dr]) taken[r + dr] = [];
        const row = taken[r + dr] as boolean[];
        for (let dc = 0; dc < cell.colspan; dc++) row[col + dc] = true;
      }
      own.push({ cell, col });
      col += cell.colspan;
    }
    const index = out.lines.length;
    const tokens: Token[] = [];
    const texts: string[] = [];
    for (const { cell, col: c } of own) {
      if (!cell.text) continue;
      texts.push(cell.text);
      const centre = c + (cell.colspan - 1) / 2;
      tokenize(cell.text, index, { x0: centre, x1: centre }, tokens);
    }
    const text = texts.join(" ");
    if (!text) return;
    const offset = own[0]?.cell.offset ?? 0;
    out.add({ text, tokens, lineNo: out.lineOf(offset), offset, indent: false, trailingSpace: false, tableRow: true });
  });
}

/**
 * HTML → lines, with htmlparser2 (a real parser: entities, unclosed tags, comments). Tables
 * that contain no other table are data grids: rowspan/colspan are expanded and every number
 * keeps its grid column. Tables that wrap other tables are page layout: their cells are blocks.
 * Text outside tables becomes one line per block (<p>, <div>, <br>, headings, list items).
 */
import { parseDocument } from "htmlparser2";

// Node types through htmlparser2's own exports (domhandler is its dependency, not ours).
type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
const isTag = (n: ChildNode): n is Element => n.type === "tag" || n.type === "script" || n.type === "style";
type TextNode = Extract<ChildNode, { data: string }>;
const isText = (n: ChildNode): n is TextNode => n.type === "text";

import { type Line, makeLine, type SourceDoc, type Token } from "../doc.js";
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

const VOID = new Set([
  "br",
  "hr",
  "img",
  "input",
  "meta",
  "link",
  "area",
  "base",
  "col",
  "embed",
  "source",
  "track",
  "wbr",
  "param",
]);
/** Real pages nest a few dozen elements; the tree builder's cost grows with depth squared. */
const MAX_DEPTH = 400;

/** [A-Za-z0-9], the characters of a tag name. */
const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Drops the tags (never the text) that nest deeper than MAX_DEPTH, so pathological markup stays
 * linear. Pages within the limit are returned unchanged; one indexOf scan over the tags.
 */
export function limitNesting(html: string): string {
  // Nesting can be no deeper than the number of opening tags: most pages end here.
  let opens = 0;
  for (let i = html.indexOf("<"); i >= 0 && opens <= MAX_DEPTH; i = html.indexOf("<", i + 1)) {
    const c = html.charCodeAt(i + 1) | 32;
    if (c >= 97 && c <= 122) opens++;
  }
  if (opens <= MAX_DEPTH) return html;
  const parts: string[] = [];
  let depth = 0;
  let dropped = 0;
  let last = 0;
  let changed = false;
  for (let i = html.indexOf("<"); i >= 0 && i < html.length; i = html.indexOf("<", i + 1)) {
    if (html.startsWith("<!--", i)) {
      const e = html.indexOf("-->", i + 4);
      if (e < 0) break;
      i = e + 2;
      continue;
    }
    const close = html[i + 1] === "/";
    let j = i + (close ? 2 : 1);
    const n0 = j;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    if (j === n0) continue;
    const name = html.slice(n0, j).toLowerCase();
    const end = html.indexOf(">", j);
    if (end < 0) break;
    if (VOID.has(name) || html[end - 1] === "/") continue;
    if (name === "script" || name === "style") {
      if (close) continue;
      const e = html.indexOf(`</${name}`, end);
      if (e < 0) break;
      i = e;
      continue;
    }
    let drop = false;
    if (!close) {
      depth++;
      if (depth > MAX_DEPTH) {
        drop = true;
        dropped++;
      }
    } else if (depth > 0) {
      if (depth > MAX_DEPTH && dropped > 0) {
        drop = true;
        dropped--;
      }
      depth--;
    }
    if (drop) {
      parts.push(html.slice(last, i));
      last = end + 1;
      changed = true;
    }
    i = end;
  }
  if (!changed) return html;
  parts.push(html.slice(last));
  return parts.join("");
}

export function htmlSource(input: string): SourceDoc {
  const html = limitNesting(input);
  const dom = parseDocument(html, { withStartIndices: true, decodeEntities: true });
  const newlines: number[] = [];
  for (let i = html.indexOf("\n"); i >= 0; i = html.indexOf("\n", i + 1)) newlines.push(i);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };

  const lines: Line[] = [];
  let title: string | undefined;
  let block = "";
  let blockOffset = -1;
  const flush = () => {
    const t = collapse(block);
    if (t) {
      const index = lines.length;
      lines.push(
        makeLine({
          text: t,
          tokens: tokenize(t, index),
          lineNo: lineOf(blockOffset),
          offset: blockOffset,
          indent: true,
          trailingSpace: false,
          block: true,
        }),
      );
    }
    block = "";
    blockOffset = -1;
  };

  // Iterative walk (deeply nested markup must not overflow the stack). Entries are nodes to
  // visit, or "close" markers for block elements.
  type Entry = { node: ChildNode } | { close: string };
  const stack: Entry[] = [];
  const pushChildren = (nodes: readonly ChildNode[]) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as ChildNode });
  };
  pushChildren(dom.children);
  while (stack.length) {
    const e = stack.pop() as Entry;
    if ("close" in e) {
      flush();
      continue;
    }
    const node = e.node;
    if (isText(node)) {
      if (blockOffset < 0) blockOffset = node.startIndex ?? 0;
      block += node.data;
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name.toLowerCase();
    if (name === "title") {
      title = collapse(textOf(node));
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === "table" && !containsTable(node)) {
      flush();
      emitGrid(node, lines, lineOf);
      continue;
    }
    if (BLOCK.has(name)) {
      flush();
      stack.push({ close: name });
    }
    pushChildren(node.children);
  }
  flush();
  return { kind: "html", lines, positional: true, ...(title ? { title } : {}) };
}

function collapse(s: string): string {
  let out = "";
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) space = true;
    else {
      if (space && out) out += " ";
      space = false;
      out += s[i];
    }
  }
  return out;
}

function textOf(node: Element): string {
  let out = "";
  const stack: ChildNode[] = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop() as ChildNode;
    if (isText(n)) out += n.data;
    else if (isTag(n)) {
      const name = n.name.toLowerCase();
      if (SKIP.has(name)) continue;
      if (name === "br" || name === "p" || name === "div") out += " ";
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
    }
  }
  return out;
}

function containsTable(table: Element): boolean {
  const stack: ChildNode[] = [...table.children];
  while (stack.length) {
    const n = stack.pop() as ChildNode;
    if (!isTag(n)) continue;
    if (n.name.toLowerCase() === "table") return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

/** The rows of this table (through thead/tbody/tfoot), not those of nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const stack: ChildNode[] = [...table.children].reverse();
  while (stack.length) {
    const n = stack.pop() as ChildNode;
    if (!isTag(n)) continue;
    const name = n.name.toLowerCase();
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

/** Expands spans into a grid and emits one line per row, numbers positioned by grid column. */
function emitGrid(table: Element, lines: Line[], lineOf: (offset: number) => number): void {
  const taken: boolean[][] = [];
  const rows = rowsOf(table);
  rows.forEach((tr, r) => {
    const own: { cell: GridCell; col: number }[] = [];
    if (!taken[r]) taken[r] = [];
    const occupied = taken[r] as boolean[];
    let col = 0;
    for (const td of tr.children) {
      if (!isTag(td)) continue;
      const name = td.name.toLowerCase();
      if (name !== "td" && name !== "th") continue;
      while (occupied[col]) col++;
      const cell: GridCell = {
        text: collapse(textOf(td)),
        offset: td.startIndex ?? 0,
        rowspan: span(td.attribs.rowspan, MAX_ROWSPAN),
        colspan: span(td.attribs.colspan, MAX_COLSPAN),
      };
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        if (!taken[r + dr]) taken[r + dr] = [];
        const row = taken[r + dr] as boolean[];
        for (let dc = 0; dc < cell.colspan; dc++) row[col + dc] = true;
      }
      own.push({ cell, col });
      col += cell.colspan;
    }
    const index = lines.length;
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
    lines.push(
      makeLine({
        text,
        tokens,
        lineNo: lineOf(offset),
        offset,
        indent: false,
        trailingSpace: false,
        tableRow: true,
      }),
    );
  });
}

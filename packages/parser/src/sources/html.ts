/**
 * HTML → lines, with htmlparser2 (a real parser: entities, unclosed tags, comments). Tables
 * that contain no other table are data grids: rowspan/colspan are expanded and every number
 * keeps its grid column. Tables that wrap other tables are page layout: their cells are blocks.
 * Text outside tables becomes one line per block (<p>, <div>, <br>, headings, list items). What
 * is read is what a browser shows: hidden and struck-through text is not, a form field's value
 * is, a table's rows come in the order shown (<thead> first, <tfoot> last). The page is read as
 * the parser tells its tags and text, into the line-model builder (page.ts): no tree of the page
 * is built.
 */
import { Parser } from "htmlparser2";
import type { SourceDoc } from "../doc.js";
import { LIMITS, LimitExceeded, refusal, refusedDoc } from "../limits.js";
import { inputText, SelectText } from "./html-forms.js";
import { CELL_LINE, cellText, collapse, type GridCell, MAX_COLSPAN, MAX_ROWSPAN, PageLines } from "./page.js";

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
 * Text as the parser tells it, with the "<" hidden by hideStrayLessThan put back (through a typed
 * array: `replaceAll` builds its result of one piece per match).
 */
function dataOf(s: string): string {
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
export function htmlSource(input: string): SourceDoc {
  try {
    if (input.length > LIMITS.maxChars) throw new LimitExceeded(refusal("maxChars"));
    return readPage(input);
  } catch (e) {
    if (e instanceof LimitExceeded) return refusedDoc("html", e.refusal);
    throw e;
  }
}

/**
 * A superscript right after a digit (`264<sup>3</sup>`, `264<sup>注</sup>`) is a note mark, not
 * more digits of the figure: its text is told in brackets (`264[3]`), which the cell-notes
 * strategy keeps as the figure's note. Other superscripts are told as they are.
 */
class SuperscriptMarks {
  private lastIsDigit = false;
  /** For each open <sup>: whether it was opened with a bracket. */
  private readonly open: boolean[] = [];

  opened(name: string, tell: (text: string) => void): void {
    if (name !== "sup") return;
    this.open.push(this.lastIsDigit);
    if (this.lastIsDigit) tell("[");
  }

  text(data: string): void {
    const last = data.trimEnd().charCodeAt(data.trimEnd().length - 1);
    if (data.trim()) this.lastIsDigit = last >= 48 && last <= 57;
  }

  closed(name: string, tell: (text: string) => void): void {
    if (name === "sup" && this.open.pop()) tell("]");
  }
}

/** The page read as a stream of tags and text (htmlparser2's parser, no tree built) into lines. */
function readPage(input: string): SourceDoc {
  const html = limitNesting(hideStrayLessThan(input));
  const out = new PageLines(lineCounter(html));
  const title = streamPage(html, out);
  return { kind: "html", lines: out.lines, positional: true, ...(title ? { title } : {}) };
}

/**
 * An HTML page read into lines another reader is making (the HTML chunk a Word file holds as its
 * body); its title, if any. Throws LimitExceeded past the reader limits.
 */
export function htmlInto(input: string, out: PageLines): string | undefined {
  if (input.length > LIMITS.maxChars) throw new LimitExceeded(refusal("maxChars"));
  return streamPage(limitNesting(hideStrayLessThan(input)), out);
}

/** The page's tags and text told to a page reader writing to `out`; the page's title. */
function streamPage(html: string, out: PageLines): string | undefined {
  const reader = new PageReader(out);
  // What the page hides is not told to the reader: a hidden element is no text, cell or row.
  const shown = new ShownContent();
  const marks = new SuperscriptMarks();
  // A form control shows its value as text; the options of a <select> are not told on.
  const select = new SelectText();
  let parser: Parser | undefined;
  // Where the event being told starts (the parser's own index, read during the callback).
  const at = () => (parser as Parser).startIndex;
  const tell = (text: string) => reader.text(text, at());
  const shownText = (text: string) => {
    marks.text(text);
    reader.text(text, at());
  };
  parser = new Parser(
    {
      onopentag: (name, attribs) => {
        if (!shown.open(name, attribs) || select.open(name, attribs)) return;
        reader.open(name, attribs, at());
        marks.opened(name, tell);
        const value = inputText(name, attribs);
        if (value && shown.text) shownText(value);
      },
      ontext: (data) => {
        if (!shown.text) return;
        const text = dataOf(data);
        if (!select.text(text)) shownText(text);
      },
      onclosetag: (name) => {
        if (!shown.close()) return;
        const s = select.close();
        if (s.inside) return;
        if (s.shows && shown.text) shownText(s.shows);
        marks.closed(name, tell);
        reader.close();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return reader.done();
}

/** An inline style's value: lower case, trimmed, and whether it is !important. */
function cssValue(raw: string): { value: string; important: boolean } {
  const bang = raw.indexOf("!");
  const value = (bang < 0 ? raw : raw.slice(0, bang)).trim().toLowerCase();
  return {
    value,
    important:
      bang >= 0 &&
      raw
        .slice(bang + 1)
        .trim()
        .toLowerCase() === "important",
  };
}

/** Elements whose content is deleted text: a tracked deletion, a struck-out old figure. */
const STRUCK_ELEMENTS = new Set(["del", "s", "strike"]);

/** Cells: struck through, a cell keeps its column (its box is shown); only its content is not read. */
const CELLS = new Set(["td", "th"]);

/** How an element hides itself (see ShownContent). */
interface Hiding {
  gone: boolean;
  visible: boolean | undefined;
  struck: boolean;
}

/**
 * How an element hides itself: the `hidden` attribute or an inline `display: none` removes it
 * and all it holds (a cell so hidden takes no column, as in a browser); `visibility: hidden` (or
 * `collapse`) hides its text but keeps its box, so a cell keeps its column. Struck-through text
 * (<del>, <s>, <strike>, an inline `text-decoration: line-through`) is deleted text — an old
 * figure next to the new one, an unaccepted tracked deletion of a Word export — not the
 * document's text: a struck element is removed, a struck cell keeps its column. Declarations are
 * read in order, a later one overriding an earlier one unless only the earlier is !important.
 */
function hiding(name: string, attribs: Attribs): Hiding {
  const struckTag = STRUCK_ELEMENTS.has(name);
  if (attribs.hidden !== undefined) return { gone: true, visible: undefined, struck: false };
  const style = attribs.style;
  if (!style) return { gone: struckTag, visible: undefined, struck: false };
  const last = new Map<string, { value: string; important: boolean }>();
  for (const decl of style.split(";")) {
    const colon = decl.indexOf(":");
    if (colon < 0) continue;
    const prop = styleKey(decl.slice(0, colon).trim().toLowerCase());
    if (!prop) continue;
    const v = cssValue(decl.slice(colon + 1));
    if (v.important || !last.get(prop)?.important) last.set(prop, v);
  }
  const visibility = last.get("visibility")?.value;
  const visible = visibility === "hidden" || visibility === "collapse" ? false : visibility ? true : undefined;
  const struck = struckTag || (last.get("decoration")?.value.includes("line-through") ?? false);
  const cell = CELLS.has(name);
  return { gone: last.get("display")?.value === "none" || (struck && !cell), visible, struck: struck && cell };
}

/**
 * The inline style properties that hide text, by what they set: `text-decoration` (shorthand)
 * and `text-decoration-line` both set the line, a later one overriding an earlier one.
 */
function styleKey(prop: string): string | undefined {
  if (prop === "display" || prop === "visibility") return prop;
  return prop === "text-decoration" || prop === "text-decoration-line" ? "decoration" : undefined;
}

/**
 * Which of the page's elements and text are shown, told each tag as the parser reads it. An
 * element removed is not told on, nor anything inside it; under `visibility: hidden` the
 * elements are told but their text is not, until an element inside sets `visibility: visible`;
 * inside a struck cell the elements are told but no text is, whatever they set (a line through
 * text is drawn through all it holds).
 */
class ShownContent {
  /** Depth inside a removed element: 0 outside one. */
  private gone = 0;
  /** For each open element told on: whether its text is visible (inherited, or its own). */
  private readonly visible: boolean[] = [];
  /** The depth of `visible` at which the struck cell being read was opened; -1 outside one. */
  private struckAt = -1;

  /** An element opens; false when it is not told on (it and all it holds are hidden). */
  open(name: string, attribs: Attribs): boolean {
    if (this.gone > 0) {
      this.gone++;
      return false;
    }
    const h = hiding(name, attribs);
    if (h.gone) {
      this.gone = 1;
      return false;
    }
    if (h.struck && this.struckAt < 0) this.struckAt = this.visible.length;
    this.visible.push(h.visible ?? this.shown);
    return true;
  }

  /** An element ends; false when its start was not told on. */
  close(): boolean {
    if (this.gone > 0) {
      this.gone--;
      return false;
    }
    this.visible.pop();
    if (this.visible.length === this.struckAt) this.struckAt = -1;
    return true;
  }

  /** Whether text read now is shown. */
  get text(): boolean {
    return this.struckAt < 0 && this.shown;
  }

  /** Whether text read now is shown by its visibility (what an element opened now inherits). */
  private get shown(): boolean {
    return this.gone === 0 && (this.visible[this.visible.length - 1] ?? true);
  }
}

/** What the end of an element does in the walk of blocks. */
const NOTHING = 0;
const FLUSH = 1;

/**
 * The walk of the page's elements as the parser tells them: blocks are lines, text outside
 * them joins the block around it, skipped elements (and <head>) are no text, <title> is the
 * title. A table is kept as it is told until it ends — then it is a grid — or until a table
 * opens inside it — then it is page layout, and what was kept is walked as blocks.
 */
class PageReader {
  private title: string | undefined;
  /** For each open element outside skipped content: whether its end ends a block. */
  private readonly ends: number[] = [];
  /** Depth inside skipped content (a SKIP element, <head>, <title>): 0 outside. */
  private skip = 0;
  /** Inside a <head>, and whether its first <title> child was met. */
  private inHead = false;
  private headTitle = false;
  /** The text of the <title> being read, and the skip depth of its element. */
  private titleText: TextCollector | undefined;
  private titleDepth = 0;
  /** The table being kept (no table inside it yet). */
  private table: TableEvents | undefined;

  constructor(private readonly out: PageLines) {}

  open(name: string, attribs: Attribs, at: number): void {
    const t = this.table;
    if (t && name !== "table") {
      t.open(name, attribs, at);
      return;
    }
    if (t) {
      // A table inside the kept one: the kept one is page layout, its cells are blocks.
      this.table = undefined;
      t.replay(this);
    }
    this.openBlock(name, at, false);
  }

  text(data: string, at: number): void {
    if (this.table) this.table.text(data, at);
    else this.textBlock(data, at);
  }

  close(): void {
    const t = this.table;
    if (!t) {
      this.closeBlock();
      return;
    }
    if (t.close()) return;
    this.table = undefined;
    this.out.grid(gridOf(t));
  }

  /** The page has been read: the last block ends; the page's title. */
  done(): string | undefined {
    this.out.flush();
    return this.title;
  }

  /** An element in the walk of blocks; `layout`: a table known to hold a table. */
  openBlock(name: string, at: number, layout: boolean): void {
    if (this.skip > 0) {
      this.openSkipped(name);
      return;
    }
    if (name === "title" || name === "head" || SKIP.has(name)) {
      // The page's <title> sits in <head>, which is no body text.
      this.skip = 1;
      this.inHead = name === "head";
      this.headTitle = false;
      if (name === "title") this.startTitle();
      return;
    }
    if (name === "table" && !layout) {
      this.out.flush();
      this.table = new TableEvents(name, at);
      return;
    }
    const block = BLOCK.has(name);
    if (block) this.out.flush();
    this.ends.push(block ? FLUSH : NOTHING);
  }

  textBlock(data: string, at: number): void {
    if (this.skip === 0) this.out.text(at, data);
    else this.titleText?.text(data);
  }

  closeBlock(): void {
    if (this.skip > 0) {
      if (this.titleText && this.skip === this.titleDepth) this.endTitle();
      else this.titleText?.close();
      this.skip--;
      return;
    }
    if (this.ends.pop() === FLUSH) this.out.flush();
  }

  private openSkipped(name: string): void {
    this.skip++;
    if (this.titleText) this.titleText.open(name);
    else if (this.inHead && this.skip === 2 && name === "title" && !this.headTitle) {
      // The first <title> among the head's own children.
      this.headTitle = true;
      this.startTitle();
    }
  }

  private startTitle(): void {
    this.titleText = new TextCollector();
    this.titleDepth = this.skip;
  }

  private endTitle(): void {
    const t = collapse((this.titleText as TextCollector).value);
    this.titleText = undefined;
    if (t && this.title === undefined) this.title = t;
  }
}

type Attribs = Record<string, string>;

/**
 * The text of an element's content as a cell or a title reads it: skipped elements are no text,
 * <br>, <p> and <div> start a line of the cell (CELL_LINE: a title reads it as a space).
 */
class TextCollector {
  value = "";
  private skipped = 0;

  open(name: string): void {
    if (this.skipped > 0 || SKIP.has(name)) this.skipped++;
    else if (name === "br" || name === "p" || name === "div") this.value += CELL_LINE;
  }

  close(): void {
    if (this.skipped > 0) this.skipped--;
  }

  text(data: string): void {
    if (this.skipped === 0) this.value += data;
  }
}

const OPEN = 0;
const TEXT = 1;
const CLOSE = 2;

/** The events of a table, kept until it ends or a table opens inside it (no table among them). */
class TableEvents {
  readonly kinds: number[] = [];
  /** Tag name (OPEN) or text (TEXT). */
  readonly strs: string[] = [];
  readonly ats: number[] = [];
  /** The attributes of the cells (td, th), by event index: only their spans are read. */
  readonly cellAttribs = new Map<number, Attribs>();
  private depth = 0;

  constructor(name: string, at: number) {
    this.open(name, {}, at);
  }

  open(name: string, attribs: Attribs, at: number): void {
    if (name === "td" || name === "th") this.cellAttribs.set(this.kinds.length, attribs);
    this.push(OPEN, name, at);
    this.depth++;
  }

  text(data: string, at: number): void {
    this.push(TEXT, data, at);
  }

  /** The end of an element; false when it ends the table. */
  close(): boolean {
    this.push(CLOSE, "", 0);
    return --this.depth > 0;
  }

  /** The events told again to the walk of blocks, the table itself as page layout. */
  replay(reader: PageReader): void {
    for (let i = 0; i < this.kinds.length; i++) {
      const kind = this.kinds[i];
      const s = this.strs[i] as string;
      const at = this.ats[i] as number;
      if (kind === OPEN) reader.openBlock(s, at, i === 0);
      else if (kind === TEXT) reader.textBlock(s, at);
      else reader.closeBlock();
    }
  }

  private push(kind: number, s: string, at: number): void {
    this.kinds.push(kind);
    this.strs.push(s);
    this.ats.push(at);
  }
}

/** Where an element of a table sits: the table, a row group (thead/tbody/tfoot, form), a row, elsewhere. */
const IN_TABLE = 0;
const IN_GROUP = 1;
const IN_ROW = 2;
const ELSEWHERE = 3;

function placeOf(parent: number | undefined, name: string): number {
  if (parent === undefined) return IN_TABLE;
  if (parent !== IN_TABLE && parent !== IN_GROUP) return ELSEWHERE;
  if (name === "tr") return IN_ROW;
  return name === "thead" || name === "tbody" || name === "tfoot" || name === "form" ? IN_GROUP : ELSEWHERE;
}

interface OpenCell {
  text: TextCollector;
  at: number;
  attribs: Attribs;
  depth: number;
}

/** Where a table's rows are shown: its header first, then its body, then its footer. */
const HEAD = 0;
const BODY = 1;
const FOOT = 2;

/**
 * The rows of a table in the order they are shown. A table's first <thead> is shown first and
 * its first <tfoot> last wherever they are written (HTML 4 wrote <tfoot> before <tbody>); other
 * row groups, and any further <thead> or <tfoot>, are shown where they are written.
 */
class ShownRows {
  private readonly parts: GridCell[][][] = [[], [], []];
  private readonly groups: number[] = [];
  private headSeen = false;
  private footSeen = false;

  /** A row group opens (thead, tbody, tfoot, or a form among the rows). */
  openGroup(name: string): void {
    const outer = this.groups[this.groups.length - 1];
    let part = outer ?? BODY;
    if (outer === undefined && name === "thead" && !this.headSeen) part = HEAD;
    else if (outer === undefined && name === "tfoot" && !this.footSeen) part = FOOT;
    if (name === "thead") this.headSeen = true;
    if (name === "tfoot") this.footSeen = true;
    this.groups.push(part);
  }

  closeGroup(): void {
    this.groups.pop();
  }

  /** A row opens: its cells go to the row returned. */
  row(): GridCell[] {
    const row: GridCell[] = [];
    (this.parts[this.groups[this.groups.length - 1] ?? BODY] as GridCell[][]).push(row);
    return row;
  }

  get rows(): GridCell[][] {
    return this.parts.flat();
  }
}

/**
 * The rows of a table holding no table: its own rows (through thead/tbody/tfoot), in the order
 * they are shown, the td/th children of each, their text and spans. Text anywhere else in the
 * table is not in a cell.
 */
function gridOf(t: TableEvents): GridCell[][] {
  const shown = new ShownRows();
  const places: number[] = [];
  let row: GridCell[] = [];
  let cell: OpenCell | undefined;
  for (let i = 0; i < t.kinds.length; i++) {
    const kind = t.kinds[i];
    const s = t.strs[i] as string;
    if (cell) {
      if (cellEvent(cell, kind, s)) continue;
      row.push({
        text: cellText(cell.text.value),
        at: cell.at,
        rowspan: span(cell.attribs.rowspan, MAX_ROWSPAN),
        colspan: span(cell.attribs.colspan, MAX_COLSPAN),
      });
      cell = undefined;
    } else if (kind === CLOSE) {
      if (places.pop() === IN_GROUP) shown.closeGroup();
    } else if (kind === OPEN) {
      const parent = places[places.length - 1];
      const attribs = t.cellAttribs.get(i);
      if (parent === IN_ROW && attribs) {
        cell = { text: new TextCollector(), at: t.ats[i] as number, attribs, depth: 0 };
        continue;
      }
      const place = placeOf(parent, s);
      places.push(place);
      if (place === IN_GROUP) shown.openGroup(s);
      if (place === IN_ROW) row = shown.row();
    }
  }
  return shown.rows;
}

/** An event inside an open cell; false when it is the cell's end. */
function cellEvent(cell: OpenCell, kind: number | undefined, s: string): boolean {
  if (kind === TEXT) cell.text.text(s);
  else if (kind === OPEN) {
    cell.depth++;
    cell.text.open(s);
  } else if (cell.depth === 0) return false;
  else {
    cell.depth--;
    cell.text.close();
  }
  return true;
}

function span(v: string | undefined, max: number): number {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

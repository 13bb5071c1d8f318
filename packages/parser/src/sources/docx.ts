/**
 * Word (.docx) → lines. A .docx is a zip whose word/document.xml holds paragraphs (w:p) and
 * tables (w:tbl, merged cells as w:gridSpan and w:vMerge). The body is turned into the equivalent
 * HTML — one <p> per paragraph, <table> with colspan/rowspan — and read by the HTML source, so
 * Word files and web pages share one table reader. Every string is escaped on the way.
 *
 * The XML is read as a stream of tags (htmlparser2's parser in XML mode, fed the bytes as they are
 * inflated, decoded one slice at a time): neither the inflated XML, nor a string of it, nor a tree
 * of it is ever held whole — only the HTML, which is smaller than the XML. Each element gets a
 * frame saying what its children, its text and its end tag mean in Word's model; the frames on the
 * stack are the open elements.
 */
import { Parser } from "htmlparser2";
import type { SourceDoc } from "../doc.js";
import { LIMITS, LimitExceeded, refusal, refusedDoc } from "../limits.js";
import { htmlSource } from "./html.js";
import { ZipArchive, ZipError } from "./zip.js";

export type DocxErrorReason = "legacy-doc" | "not-zip" | "no-document" | "too-large";

export class DocxReadError extends Error {
  constructor(
    readonly reason: DocxErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "DocxReadError";
  }
}

/** The OLE2 signature of a legacy Word 97–2003 .doc (and .wps, .xls) file. */
export function isLegacyOffice(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads the .docx's document.xml (and its title) and returns the body as an HTML document.
 * Throws DocxReadError for a file that is not a readable .docx, LimitExceeded past the limits.
 */
export function docxToHtml(bytes: Uint8Array): string {
  if (isLegacyOffice(bytes)) throw new DocxReadError("legacy-doc", "a legacy Word 97–2003 (.doc) file, not a .docx");
  if (!isZip(bytes)) throw new DocxReadError("not-zip", "not a .docx file (not a zip archive)");
  try {
    return bodyHtml(new ZipArchive(bytes));
  } catch (e) {
    if (e instanceof ZipError) throw new DocxReadError("not-zip", `damaged .docx (${e.message})`);
    throw e;
  }
}

/** The HTML of the archive's document.xml, streamed from the archive into the XML parser. */
function bodyHtml(zip: ZipArchive): string {
  const DOC = "word/document.xml";
  if (!zip.has(DOC)) throw new DocxReadError("no-document", "the archive has no word/document.xml");
  const title = titleOf(zip);
  const out: string[] = ["<!doctype html><html><head>"];
  if (title) out.push(`<title>${escapeHtml(title)}</title>`);
  out.push("</head><body>\n");
  walkXml((write) => zip.stream(DOC, write), new DocumentFrame(out));
  out.push("</body></html>\n");
  return out.join("");
}

/**
 * The line model of a .docx. Throws only DocxReadError (a file that is not a readable .docx); a
 * document over the reader limits gives a refused document.
 */
export function docxSource(bytes: Uint8Array): SourceDoc {
  try {
    return htmlSource(docxToHtml(bytes), "docx");
  } catch (e) {
    if (e instanceof LimitExceeded) return refusedDoc("docx", e.refusal);
    if (e instanceof DocxReadError) throw e;
    throw new DocxReadError("not-zip", "damaged .docx");
  }
}

type Attribs = Record<string, string>;

/** What an open element does with its child elements, its text and its end tag. */
interface Frame {
  child(name: string, attribs: Attribs): Frame;
  text?(data: string): void;
  close?(): void;
}

/** An element whose content does not count (and everything inside it). */
const SKIP: Frame = { child: () => SKIP };

/** Bytes of XML decoded and handed to the parser at a time. */
const SLICE = 64 * 1024;

/**
 * Streams the XML through the frames, keeping the element stack as the XML parser does: more
 * than LIMITS.maxElements elements or nesting deeper than LIMITS.maxXmlDepth refuses the document.
 * Text inside CDATA sections is not read: Word writes none, and a crafted one is not page text.
 */
function walkXml(feed: (write: (bytes: Uint8Array) => void) => void, root: Frame): void {
  const frames: Frame[] = [root];
  let elements = 0;
  let inCdata = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++elements > LIMITS.maxElements) throw new LimitExceeded(refusal("maxElements"));
        if (frames.length > LIMITS.maxXmlDepth) throw new LimitExceeded(refusal("maxXmlDepth"));
        frames.push((frames[frames.length - 1] as Frame).child(name, attribs));
      },
      onclosetag() {
        if (frames.length > 1) (frames.pop() as Frame).close?.();
      },
      ontext(data) {
        if (!inCdata) (frames[frames.length - 1] as Frame).text?.(data);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  const decoder = new TextDecoder();
  feed((bytes) => {
    for (let p = 0; p < bytes.length; p += SLICE)
      parser.write(decoder.decode(bytes.subarray(p, p + SLICE), { stream: true }));
  });
  parser.end(decoder.decode());
}

/** The document's title: the text of the first dc:title of docProps/core.xml, trimmed. */
function titleOf(zip: ZipArchive): string {
  let title = "";
  let found = false;
  const outside: Frame = {
    child(name) {
      if (name !== "dc:title" || found) return outside;
      found = true;
      return new TextFrame([], (t) => {
        title = t.trim();
      });
    },
  };
  walkXml((write) => zip.stream("docProps/core.xml", write), outside);
  return title;
}

/** Outside the body: looks for the first w:body, whose blocks are written to `out`. */
class DocumentFrame implements Frame {
  private found = false;

  constructor(private readonly out: string[]) {}

  child(name: string): Frame {
    if (name !== "w:body" || this.found) return this;
    this.found = true;
    return new BlocksFrame(this.out);
  }
}

/** The text of an element and of everything inside it, handed to `done` at its end. */
class TextFrame implements Frame {
  constructor(
    private readonly parts: string[],
    private readonly done?: (text: string) => void,
  ) {}

  child(): Frame {
    return new TextFrame(this.parts);
  }

  text(data: string): void {
    this.parts.push(data);
  }

  close(): void {
    this.done?.(this.parts.join(""));
  }
}

/** Block-level content in order: paragraphs and tables, through content controls and the like. */
class BlocksFrame implements Frame {
  constructor(protected readonly sink: string[]) {}

  child(name: string, _attribs: Attribs): Frame {
    switch (name) {
      case "w:p":
        return new RunsFrame([], this.sink);
      case "w:tbl":
        return new TableFrame(this.sink);
      case "w:sdt":
      case "w:sdtContent":
      case "w:customXml":
      case "w:ins":
      case "w:smartTag":
        return new BlocksFrame(this.sink);
      default:
        return SKIP;
    }
  }
}

/**
 * A paragraph (w:p, written to `sink` at its end) or an element inside one: the text of w:t in
 * runs, tabs and breaks as spaces and line breaks.
 */
class RunsFrame implements Frame {
  constructor(
    private readonly p: string[],
    private readonly sink?: string[],
  ) {}

  child(name: string): Frame {
    const p = this.p;
    switch (name) {
      case "w:t":
        return new TextFrame([], (t) => p.push(escapeHtml(t)));
      case "w:tab":
      case "w:ptab":
        p.push(" ");
        return SKIP;
      case "w:br":
      case "w:cr":
        p.push("<br>");
        return SKIP;
      case "w:noBreakHyphen":
        p.push("-");
        return SKIP;
      // Deleted text, field codes, the fallback copy of a text box: not what the page shows.
      case "w:delText":
      case "w:instrText":
      case "w:del":
      case "mc:Fallback":
      case "w:pPr":
      case "w:rPr":
        return SKIP;
      case "w:txbxContent":
        return new TextBoxFrame(p);
      default:
        return new RunsFrame(p);
    }
  }

  close(): void {
    this.sink?.push(`<p>${this.p.join("")}</p>\n`);
  }
}

/** A text box inside a paragraph: its own paragraphs, each on its own line of the paragraph. */
class TextBoxFrame extends BlocksFrame {
  constructor(private readonly p: string[]) {
    super([]);
  }

  close(): void {
    this.p.push(`<br>${this.sink.map((x) => x.replace(/^<p>|<\/p>\n$/g, "")).join("<br>")}<br>`);
  }
}

/** A cell as read: its properties (first w:tcPr) and its blocks as HTML. */
interface RawCell {
  span: number | undefined;
  merge: "restart" | "continue" | undefined;
  html: string;
}

/** A row as read: w:gridBefore of its first w:trPr, and its cells in order. */
interface RawRow {
  gridBefore: number | undefined;
  cells: RawCell[];
}

/** A table: its rows (w:tr children), written to `sink` with their merges at its end. */
class TableFrame implements Frame {
  private readonly rows: RawRow[] = [];

  constructor(private readonly sink: string[]) {}

  child(name: string): Frame {
    if (name !== "w:tr") return SKIP;
    const row: RawRow = { gridBefore: undefined, cells: [] };
    this.rows.push(row);
    return new RowFrame(row, true);
  }

  close(): void {
    writeTable(this.rows, this.sink);
  }
}

/** A row (direct: its w:trPr counts), or a content control or custom XML around its cells. */
class RowFrame implements Frame {
  private propsSeen = false;

  constructor(
    private readonly row: RawRow,
    private readonly direct: boolean,
  ) {}

  child(name: string): Frame {
    if (name === "w:tc") return new CellFrame(this.row.cells);
    if (name === "w:sdt" || name === "w:sdtContent" || name === "w:customXml") return new RowFrame(this.row, false);
    if (!this.direct || name !== "w:trPr" || this.propsSeen) return SKIP;
    this.propsSeen = true;
    let seen = false;
    return {
      child: (n, attribs) => {
        if (n === "w:gridBefore" && !seen) {
          seen = true;
          this.row.gridBefore = intVal(attribs);
        }
        return SKIP;
      },
    };
  }
}

/** A table cell: block content, and its first w:tcPr (w:gridSpan, w:vMerge). */
class CellFrame extends BlocksFrame {
  private readonly cell: RawCell = { span: undefined, merge: undefined, html: "" };
  private propsSeen = false;

  constructor(private readonly cells: RawCell[]) {
    super([]);
  }

  override child(name: string, attribs: Attribs): Frame {
    if (name !== "w:tcPr" || this.propsSeen) return super.child(name, attribs);
    this.propsSeen = true;
    let spanSeen = false;
    let mergeSeen = false;
    return {
      child: (n, a) => {
        if (n === "w:gridSpan" && !spanSeen) {
          spanSeen = true;
          this.cell.span = intVal(a);
        } else if (n === "w:vMerge" && !mergeSeen) {
          mergeSeen = true;
          this.cell.merge = a["w:val"] === "restart" ? "restart" : "continue";
        }
        return SKIP;
      },
    };
  }

  close(): void {
    this.cell.html = this.sink.join("");
    this.cells.push(this.cell);
  }
}

interface Cell {
  col: number;
  span: number;
  merge: "restart" | "continue" | undefined;
  rowspan: number;
  html: string;
}

/**
 * A table with its merges: w:gridSpan is colspan; a w:vMerge run (restart, then continue cells in
 * the same grid column of the rows below) becomes one cell with rowspan.
 */
function writeTable(raw: readonly RawRow[], out: string[]): void {
  const rows: Cell[][] = [];
  const openAt = new Map<number, Cell>();
  for (const r of raw) {
    const row: Cell[] = [];
    let col = r.gridBefore ?? 0;
    for (const tc of r.cells) {
      const span = Math.max(1, Math.min(64, tc.span ?? 1));
      const merge = tc.merge;
      const cell: Cell = { col, span, merge, rowspan: 1, html: tc.html };
      const origin = openAt.get(col);
      if (merge === "continue" && origin && origin.span === span) {
        origin.rowspan++;
      } else {
        row.push(cell);
        if (merge === "restart") for (let c = col; c < col + span; c++) openAt.set(c, cell);
        else for (let c = col; c < col + span; c++) openAt.delete(c);
      }
      col += span;
    }
    rows.push(row);
  }
  out.push("<table>\n");
  for (const row of rows) {
    out.push("<tr>");
    for (const c of row) {
      const attrs = `${c.span > 1 ? ` colspan="${c.span}"` : ""}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ""}`;
      out.push(`<td${attrs}>${c.html}</td>`);
    }
    out.push("</tr>\n");
  }
  out.push("</table>\n");
}

function intVal(attribs: Attribs): number | undefined {
  const v = attribs["w:val"];
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The text with & < > " escaped, copied in slices between them (the text itself when none). */
function escapeHtml(s: string): string {
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const entity = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : c === 34 ? "&quot;" : undefined;
    if (entity === undefined) continue;
    parts.push(s.slice(last, i), entity);
    last = i + 1;
  }
  if (!parts.length) return s;
  parts.push(s.slice(last));
  return parts.join("");
}

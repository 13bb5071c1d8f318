/**
 * Word (.docx) → lines. A .docx is a zip whose main document part (found through the package's
 * relationships, docx-parts.ts; word/document.xml as a rule) holds paragraphs (w:p) and tables
 * (w:tbl, merged cells as w:gridSpan and w:vMerge). Paragraphs are blocks and tables grids, fed to
 * the same line-model builder as the HTML reader's, so Word files and web pages share one table
 * model: a table holding a table is page layout, read as blocks. A body held as an HTML or MHT
 * part (w:altChunk) is read by the HTML reader into the same lines.
 *
 * The XML is read as a stream of tags (xml-stream.ts: elements matched by namespace, whatever
 * prefix the writer chose), fed the bytes as they are inflated: neither the inflated XML, nor a
 * string of it, nor a tree of it is ever held whole. A paragraph of the body becomes its lines when it ends; a table is held
 * (its cells' text) until it ends. Each element gets a frame saying what its children, its text and
 * its end tag mean in Word's model; the frames on the stack are the open elements.
 */
import type { SourceDoc } from "../doc.js";
import { LimitExceeded, refusedDoc } from "../limits.js";
import { AltChunks, DEFAULT_DOCUMENT, mainPart } from "./docx-parts.js";
import { CELL_LINE, cellText, collapse, type GridCell, MAX_ROWSPAN, PageLines } from "./page.js";
import { type Attribs, type Frame, SKIP, walkXml } from "./xml-stream.js";
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
 * The line model of a .docx. Throws only DocxReadError (a file that is not a readable .docx); a
 * document over the reader limits gives a refused document.
 */
export function docxSource(bytes: Uint8Array): SourceDoc {
  try {
    if (isLegacyOffice(bytes)) throw new DocxReadError("legacy-doc", "a legacy Word 97–2003 (.doc) file, not a .docx");
    if (!isZip(bytes)) throw new DocxReadError("not-zip", "not a .docx file (not a zip archive)");
    return readDocument(new ZipArchive(bytes));
  } catch (e) {
    if (e instanceof LimitExceeded) return refusedDoc("docx", e.refusal);
    if (e instanceof DocxReadError) throw e;
    if (e instanceof ZipError) throw new DocxReadError("not-zip", `damaged .docx (${e.message})`);
    throw new DocxReadError("not-zip", "damaged .docx");
  }
}

/**
 * The lines of the archive's main document part (the package's officeDocument relationship,
 * else word/document.xml), streamed from the archive through the XML parser.
 */
function readDocument(zip: ZipArchive): SourceDoc {
  const part = mainPart(zip);
  if (!part) throw new DocxReadError("no-document", `the archive has no ${DEFAULT_DOCUMENT}`);
  const title = collapse(titleOf(zip));
  const chunks = new AltChunks(zip, part);
  const out = new WordLines(chunks);
  walkXml((write) => zip.stream(part, write), new DocumentFrame((item) => out.item(item)));
  const lines = out.done();
  const shown = title || collapse(chunks.title ?? "");
  return { kind: "docx", lines, positional: true, ...(shown ? { title: shown } : {}) };
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

/** A line break in a paragraph (w:br, w:cr). */
const BREAK = 0;

/** A paragraph's content in order: text, line breaks, and text boxes (blocks of their own). */
type Piece = string | typeof BREAK | Item[];

/**
 * A block of Word's model: a paragraph, a table (its rows of cells, merges resolved), or a
 * w:altChunk (the relationship id of a part holding content in another format).
 */
type Item = { pieces: Piece[] } | { rows: WordCell[][] } | { chunk: string };

/** A table cell as printed: its spans and its blocks. */
interface WordCell {
  colspan: number;
  rowspan: number;
  items: Item[];
}

/** Where a block goes when it ends: to the lines (the body), or into a cell or a text box. */
type Sink = (item: Item) => void;

/** Outside the body: looks for the first w:body, whose blocks go to `sink`. */
class DocumentFrame implements Frame {
  private found = false;

  constructor(private readonly sink: Sink) {}

  child(name: string): Frame {
    if (name !== "w:body" || this.found) return this;
    this.found = true;
    return new BlocksFrame(this.sink);
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
  constructor(protected readonly sink: Sink) {}

  child(name: string, attribs: Attribs): Frame {
    switch (name) {
      case "w:altChunk": {
        const id = attribs["r:id"];
        if (id) this.sink({ chunk: id });
        return SKIP;
      }
      case "w:p": {
        const pieces: Piece[] = [];
        return new RunsFrame(pieces, () => this.sink({ pieces }));
      }
      case "w:tbl":
        return new TableFrame(this.sink);
      case "w:sdt":
      case "w:sdtContent":
      case "w:customXml":
      case "w:ins":
      case "w:moveTo":
      case "w:smartTag":
        return new BlocksFrame(this.sink);
      default:
        return SKIP;
    }
  }
}

/**
 * A paragraph (`done` at its end) or an element inside one: the text of w:t in runs, tabs as
 * spaces, breaks, text boxes.
 */
class RunsFrame implements Frame {
  constructor(
    private readonly p: Piece[],
    private readonly done?: () => void,
  ) {}

  child(name: string): Frame {
    const p = this.p;
    switch (name) {
      case "w:t":
        return new TextFrame([], (t) => p.push(t));
      case "w:tab":
      case "w:ptab":
        p.push(" ");
        return SKIP;
      case "w:br":
      case "w:cr":
        p.push(BREAK);
        return SKIP;
      case "w:noBreakHyphen":
        p.push("-");
        return SKIP;
      // Deleted text, text moved away (w:moveFrom), field codes, the fallback copy of a text box:
      // not what the page shows.
      case "w:delText":
      case "w:instrText":
      case "w:del":
      case "w:moveFrom":
      case "mc:Fallback":
      case "w:pPr":
      case "w:rPr":
        return SKIP;
      case "w:txbxContent": {
        const box: Item[] = [];
        p.push(box);
        return new BlocksFrame((item) => box.push(item));
      }
      case "w:r":
        return new RunFrame(p);
      default:
        return new RunsFrame(p);
    }
  }

  close(): void {
    this.done?.();
  }
}

/** Run properties that hide a run's content: hidden text, and text hidden in a web view. */
const HIDING = new Set(["w:vanish", "w:specVanish", "w:webHidden"]);

/** An on/off property of Word (ST_OnOff): on unless its w:val says off. */
function isOn(attribs: Attribs): boolean {
  const v = attribs["w:val"];
  return v === undefined || !(v === "false" || v === "0" || v === "off");
}

/**
 * A run (w:r). Its properties (w:rPr) come before its content: a run marked hidden (w:vanish,
 * w:specVanish, w:webHidden) is not what the page shows, and nothing after them is read — portal
 * copies of reports hide digits among the figures against copying ("133" printed as 13<7>3).
 */
class RunFrame extends RunsFrame {
  private hidden = false;
  private superscript = false;
  private propsSeen = false;

  constructor(private readonly pieces: Piece[]) {
    super(pieces);
  }

  override child(name: string): Frame {
    if (this.hidden) return SKIP;
    if (name === "w:t" && this.superscript && endsWithDigit(this.pieces))
      return new TextFrame([], (t) => this.pieces.push(`[${t}]`));
    if (name !== "w:rPr" || this.propsSeen) return super.child(name);
    this.propsSeen = true;
    return {
      child: (n, a) => {
        if (HIDING.has(n)) this.hidden ||= isOn(a);
        if (n === "w:vertAlign") this.superscript = a["w:val"] === "superscript";
        return SKIP;
      },
    };
  }
}

/**
 * Whether the paragraph's text so far ends with a digit. A superscript run right after one
 * (`264` then a raised `3` or `注`) is a note mark, not more digits of the figure: its text goes
 * in brackets (`264[3]`), which the cell-notes strategy keeps as the figure's note.
 */
function endsWithDigit(pieces: readonly Piece[]): boolean {
  const last = pieces[pieces.length - 1];
  if (typeof last !== "string") return false;
  const c = last.trimEnd().charCodeAt(last.trimEnd().length - 1);
  return c >= 48 && c <= 57;
}

/** A cell as read: its properties (first w:tcPr) and its blocks. */
interface RawCell {
  span: number | undefined;
  merge: "restart" | "continue" | undefined;
  items: Item[];
}

/** A row as read: w:gridBefore of its first w:trPr, and its cells in order. */
interface RawRow {
  gridBefore: number | undefined;
  cells: RawCell[];
}

/** Elements that wrap rows or cells without being printed themselves. */
const ROW_WRAPPERS = new Set(["w:sdt", "w:sdtContent", "w:customXml"]);

/** A table: its rows (w:tr children), sent with their merges resolved at its end. */
class TableFrame implements Frame {
  private readonly rows: RawRow[] = [];

  constructor(private readonly sink: Sink) {}

  child(name: string): Frame {
    // Rows inside a content control (a repeating section) or custom XML are the table's rows.
    if (ROW_WRAPPERS.has(name)) return { child: (n) => this.child(n) };
    if (name !== "w:tr") return SKIP;
    const row: RawRow = { gridBefore: undefined, cells: [] };
    this.rows.push(row);
    return new RowFrame(row, true);
  }

  close(): void {
    this.sink({ rows: merged(this.rows) });
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
    if (ROW_WRAPPERS.has(name)) return new RowFrame(this.row, false);
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
  private readonly cell: RawCell;
  private propsSeen = false;

  constructor(private readonly cells: RawCell[]) {
    const items: Item[] = [];
    super((item) => items.push(item));
    this.cell = { span: undefined, merge: undefined, items };
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
    this.cells.push(this.cell);
  }
}

/**
 * The rows of a table with its merges: w:gridSpan is the colspan; a w:vMerge run (restart, then
 * continue cells in the same grid column of the rows below) becomes one cell with a rowspan (the
 * continue cells, and what they hold, are not printed apart).
 */
function merged(raw: readonly RawRow[]): WordCell[][] {
  const rows: WordCell[][] = [];
  const openAt = new Map<number, WordCell>();
  for (const r of raw) {
    const row: WordCell[] = [];
    let col = r.gridBefore ?? 0;
    for (const tc of r.cells) {
      const span = Math.max(1, Math.min(64, tc.span ?? 1));
      const cell: WordCell = { colspan: span, rowspan: 1, items: tc.items };
      const origin = openAt.get(col);
      if (tc.merge === "continue" && origin && origin.colspan === span) {
        origin.rowspan++;
      } else {
        row.push(cell);
        if (tc.merge === "restart") for (let c = col; c < col + span; c++) openAt.set(c, cell);
        else for (let c = col; c < col + span; c++) openAt.delete(c);
      }
      col += span;
    }
    rows.push(row);
  }
  return rows;
}

function intVal(attribs: Attribs): number | undefined {
  const v = attribs["w:val"];
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * The body's blocks turned into lines as each ends. A line limit crossed is kept and thrown once
 * the XML is read: a limit of the XML itself (elements, depth), or a damaged archive, found later
 * in the stream is what the document is refused for, as when lines were made after the XML.
 */
class WordLines {
  private readonly page = new PageLines();
  private over: LimitExceeded | undefined;

  constructor(private readonly chunks: AltChunks) {}

  item(item: Item): void {
    if (this.over) return;
    try {
      emitItem(this.page, item, this.chunks);
    } catch (e) {
      if (!(e instanceof LimitExceeded)) throw e;
      this.over = e;
    }
  }

  done(): PageLines["lines"] {
    if (this.over) throw this.over;
    this.page.flush();
    return this.page.lines;
  }
}

/**
 * A block into lines: a paragraph is a block whose line breaks and text boxes start new ones; a
 * table holding no table is a grid, one holding a table is page layout (its cells are blocks); an
 * altChunk is the lines of the page its part holds.
 */
function emitItem(page: PageLines, item: Item, chunks: AltChunks): void {
  page.flush();
  if ("chunk" in item) chunks.into(page, item.chunk);
  else if ("pieces" in item) {
    for (const piece of item.pieces) {
      if (typeof piece === "string") page.text(0, piece);
      else {
        page.flush();
        if (piece !== BREAK) for (const inner of piece) emitItem(page, inner, chunks);
        page.flush();
      }
    }
  } else if (item.rows.some((row) => row.some((cell) => cell.items.some(holdsTable)))) {
    for (const row of item.rows)
      for (const cell of row) {
        page.flush();
        for (const inner of cell.items) emitItem(page, inner, chunks);
      }
  } else page.grid(item.rows.map((row) => row.map(gridCell)));
  page.flush();
}

/** Whether a block is or holds a table (in a text box of a paragraph, or an altChunk's page). */
function holdsTable(item: Item): boolean {
  if ("chunk" in item || "rows" in item) return true;
  return item.pieces.some((p) => typeof p === "object" && p.some(holdsTable));
}

/** A cell of a grid: its paragraphs, line breaks and text boxes on lines of their own (cellText). */
function gridCell(cell: WordCell): GridCell {
  const parts: string[] = [];
  const add = (items: readonly Item[]) => {
    for (const item of items) {
      if (!("pieces" in item)) continue;
      parts.push(CELL_LINE);
      for (const piece of item.pieces) {
        if (typeof piece === "string") parts.push(piece);
        else {
          parts.push(CELL_LINE);
          if (piece !== BREAK) add(piece);
          parts.push(CELL_LINE);
        }
      }
    }
  };
  add(cell.items);
  return { text: cellText(parts.join("")), at: 0, rowspan: Math.min(cell.rowspan, MAX_ROWSPAN), colspan: cell.colspan };
}

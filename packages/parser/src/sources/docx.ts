/**
 * Word (.docx) → lines. A .docx is a zip whose word/document.xml holds paragraphs (w:p) and
 * tables (w:tbl, merged cells as w:gridSpan and w:vMerge). The body is turned into the equivalent
 * HTML — one <p> per paragraph, <table> with colspan/rowspan — and read by the HTML source, so
 * Word files and web pages share one table reader. Every string is escaped on the way.
 */
import { strFromU8 } from "fflate";
import { parseDocument } from "htmlparser2";
import type { SourceDoc } from "../doc.js";
import { LIMITS, LimitExceeded, refusal, refusedDoc } from "../limits.js";
import { htmlSource } from "./html.js";
import { readZipEntries, ZipError } from "./zip.js";

type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
const isTag = (n: ChildNode): n is Element => n.type === "tag";
type TextNode = Extract<ChildNode, { data: string }>;
const isText = (n: ChildNode): n is TextNode => n.type === "text";

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
  let files: Map<string, Uint8Array>;
  try {
    files = readZipEntries(bytes, ["word/document.xml", "docProps/core.xml"]);
  } catch (e) {
    if (e instanceof ZipError) throw new DocxReadError("not-zip", `damaged .docx (${e.message})`);
    throw e;
  }
  const doc = files.get("word/document.xml");
  if (!doc) throw new DocxReadError("no-document", "the archive has no word/document.xml");
  const core = files.get("docProps/core.xml");
  const title = core ? titleOf(strFromU8(core)) : "";

  const xml = strFromU8(doc);
  checkXml(xml);
  const dom = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const body = findFirst(dom.children, "w:body");
  const out: string[] = ["<!doctype html><html><head>"];
  if (title) out.push(`<title>${escapeHtml(title)}</title>`);
  out.push("</head><body>\n");
  if (body) blocks(body.children, out);
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

/**
 * One pass over the XML's tags, keeping the element stack as an XML parser does: more than
 * LIMITS.maxElements elements or nesting deeper than LIMITS.maxXmlDepth refuses the document. The
 * walks that follow recurse once per level of nesting, so the depth bound is also their stack
 * bound (a document nested 20,000 deep must not overflow the stack).
 */
function checkXml(xml: string): void {
  const stack: string[] = [];
  let elements = 0;
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if (c === 33 || c === 63) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>, <?xml ?>: skipped whole.
      const close = xml.startsWith("<!--", i) ? "-->" : xml.startsWith("<![CDATA[", i) ? "]]>" : ">";
      const e = xml.indexOf(close, i + 2);
      if (e < 0) return;
      i = e;
      continue;
    }
    const end = tagEnd(xml, i + 1);
    if (end < 0) return;
    const closing = c === 47;
    let j = i + (closing ? 2 : 1);
    const n0 = j;
    while (j < end && !isNameEnd(xml.charCodeAt(j))) j++;
    const name = xml.slice(n0, j);
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (name) {
      if (++elements > LIMITS.maxElements) throw new LimitExceeded(refusal("maxElements"));
      if (xml.charCodeAt(end - 1) !== 47) {
        stack.push(name);
        if (stack.length > LIMITS.maxXmlDepth) throw new LimitExceeded(refusal("maxXmlDepth"));
      }
    }
    i = end;
  }
}

/** The ">" ending the tag from `from` on, quoted attribute values skipped (they may hold ">"), or -1. */
function tagEnd(xml: string, from: number): number {
  for (let k = from; k < xml.length; k++) {
    const c = xml.charCodeAt(k);
    if (c === 62) return k;
    if (c === 34 || c === 39) {
      k = xml.indexOf(c === 34 ? '"' : "'", k + 1);
      if (k < 0) return -1;
    }
  }
  return -1;
}

const isNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

function titleOf(coreXml: string): string {
  const dom = parseDocument(coreXml, { xmlMode: true, decodeEntities: true });
  const t = findFirst(dom.children, "dc:title");
  return t ? textContent(t).trim() : "";
}

/** Block-level content in order: paragraphs and tables, through content controls and the like. */
function blocks(nodes: readonly ChildNode[], out: string[]): void {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    switch (n.name) {
      case "w:p":
        out.push(`<p>${runs(n)}</p>\n`);
        break;
      case "w:tbl":
        table(n, out);
        break;
      case "w:sdt":
      case "w:sdtContent":
      case "w:customXml":
      case "w:ins":
      case "w:smartTag":
        blocks(n.children, out);
        break;
      default:
        break;
    }
  }
}

/** The text of a paragraph: w:t in runs, tabs and breaks as spaces and line breaks. */
function runs(p: Element): string {
  let s = "";
  const stack: ChildNode[] = [...p.children].reverse();
  while (stack.length) {
    const n = stack.pop() as ChildNode;
    if (!isTag(n)) continue;
    switch (n.name) {
      case "w:t":
        s += escapeHtml(textContent(n));
        continue;
      case "w:tab":
      case "w:ptab":
        s += " ";
        continue;
      case "w:br":
      case "w:cr":
        s += "<br>";
        continue;
      case "w:noBreakHyphen":
        s += "-";
        continue;
      // Deleted text, field codes, the fallback copy of a text box: not what the page shows.
      case "w:delText":
      case "w:instrText":
      case "w:del":
      case "mc:Fallback":
      case "w:pPr":
      case "w:rPr":
        continue;
      case "w:txbxContent": {
        // A text box inside a paragraph: its own paragraphs, each on its own line.
        const inner: string[] = [];
        blocks(n.children, inner);
        s += `<br>${inner.map((x) => x.replace(/^<p>|<\/p>\n$/g, "")).join("<br>")}<br>`;
        continue;
      }
      default:
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
    }
  }
  return s;
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
function table(tbl: Element, out: string[]): void {
  const rows: Cell[][] = [];
  const openAt = new Map<number, Cell>();
  for (const tr of childTags(tbl)) {
    if (tr.name !== "w:tr") continue;
    const row: Cell[] = [];
    const trPr = childTags(tr).find((c) => c.name === "w:trPr");
    let col = intVal(trPr && childTags(trPr).find((c) => c.name === "w:gridBefore")) ?? 0;
    for (const tc of cellsOf(tr)) {
      const pr = childTags(tc).find((c) => c.name === "w:tcPr");
      const span = Math.max(1, Math.min(64, intVal(pr && childTags(pr).find((c) => c.name === "w:gridSpan")) ?? 1));
      const vm = pr && childTags(pr).find((c) => c.name === "w:vMerge");
      const merge = vm ? (vm.attribs["w:val"] === "restart" ? "restart" : "continue") : undefined;
      const inner: string[] = [];
      blocks(tc.children, inner);
      const cell: Cell = { col, span, merge, rowspan: 1, html: inner.join("") };
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

/** The w:tc of a row, also those wrapped in content controls or custom XML. */
function cellsOf(tr: Element): Element[] {
  const cells: Element[] = [];
  const stack: ChildNode[] = [...tr.children].reverse();
  while (stack.length) {
    const n = stack.pop() as ChildNode;
    if (!isTag(n)) continue;
    if (n.name === "w:tc") cells.push(n);
    else if (n.name === "w:sdt" || n.name === "w:sdtContent" || n.name === "w:customXml")
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
  }
  return cells;
}

function childTags(n: Element): Element[] {
  return n.children.filter(isTag);
}

/** The first element with this name (breadth-first), or the first match of a path of names. */
function findFirst(nodes: readonly ChildNode[], ...names: string[]): Element | undefined {
  let level: readonly ChildNode[] = nodes;
  let found: Element | undefined;
  for (const name of names) {
    found = undefined;
    const queue: ChildNode[] = [...level];
    for (let i = 0; i < queue.length; i++) {
      const n = queue[i] as ChildNode;
      if (!isTag(n)) continue;
      if (n.name === name) {
        found = n;
        break;
      }
      for (const c of n.children) queue.push(c);
    }
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

function intVal(el: Element | undefined): number | undefined {
  const v = el?.attribs["w:val"];
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function textContent(n: Element): string {
  let s = "";
  const stack: ChildNode[] = [...n.children].reverse();
  while (stack.length) {
    const c = stack.pop() as ChildNode;
    if (isText(c)) s += c.data;
    else if (isTag(c)) for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i] as ChildNode);
  }
  return s;
}

function escapeHtml(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else out += ch;
  }
  return out;
}

/** Test helpers: fixtures, a parse5 table reader, and a small zip + XML reader for .docx files. */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import type { Report } from "@gov-report/core/lite";
import { type DefaultTreeAdapterTypes, parse } from "parse5";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, "../../../fixtures");
export const FIXTURE_NAMES = ["seed-2020", "huaian-2024", "hongze-2023", "hongze-2024"] as const;

export function loadFixture(name: string): Report {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), "utf8")) as Report;
}

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const isElement = (n: Node): n is Element => "tagName" in n;

export function* elements(root: Node, tag?: string): Generator<Element> {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (isElement(n) && (!tag || n.tagName === tag)) yield n;
    const kids = "childNodes" in n ? n.childNodes : [];
    const content = isElement(n) && n.tagName === "template" ? [] : kids;
    for (let i = content.length - 1; i >= 0; i--) stack.push(content[i] as Node);
  }
}

export function textOf(n: Node): string {
  if (n.nodeName === "#text") return (n as DefaultTreeAdapterTypes.TextNode).value;
  return "childNodes" in n ? n.childNodes.map(textOf).join("") : "";
}

export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

export interface GridCell {
  tag: "th" | "td";
  text: string;
  rowspan: number;
  colspan: number;
  attrs: Record<string, string>;
}

export interface ParsedTable {
  /** Text of the nearest h2 before the table. */
  heading: string;
  /** Rows of cells as written (before span expansion). */
  rows: GridCell[][];
  /** rows × columns, each position pointing at the cell covering it. */
  grid: (GridCell | undefined)[][];
}

/** Reads every table of an HTML document with parse5 and expands rowspan/colspan into a grid. */
export function readTables(html: string): ParsedTable[] {
  const doc = parse(html);
  const tables: ParsedTable[] = [];
  let heading = "";
  for (const el of elements(doc)) {
    if (el.tagName === "h2") heading = textOf(el);
    if (el.tagName !== "table") continue;
    const rows: GridCell[][] = [];
    for (const tr of elements(el, "tr")) {
      const cells: GridCell[] = [];
      for (const c of tr.childNodes) {
        if (!isElement(c) || (c.tagName !== "td" && c.tagName !== "th")) continue;
        cells.push({
          tag: c.tagName,
          text: textOf(c),
          rowspan: Number(attr(c, "rowspan") ?? 1),
          colspan: Number(attr(c, "colspan") ?? 1),
          attrs: Object.fromEntries(c.attrs.map((a) => [a.name, a.value])),
        });
      }
      rows.push(cells);
    }
    const grid: (GridCell | undefined)[][] = [];
    rows.forEach((row, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of row) {
        while (grid[r]?.[c]) c++;
        for (let dr = 0; dr < cell.rowspan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < cell.colspan; dc++) (grid[r + dr] as (GridCell | undefined)[])[c + dc] = cell;
        }
        c += cell.colspan;
      }
    });
    tables.push({ heading, rows, grid });
  }
  return tables;
}

/** Reads one file out of a zip archive (stored or deflated), from its central directory. */
export function unzipEntry(zip: Uint8Array, name: string): Buffer {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory");
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entryName = buf.toString("utf8", p + 46, p + 46 + nameLen);
    if (entryName === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in archive`);
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A minimal XML reader for generated WordprocessingML (no DTDs, no CDATA): a tag scanner with a stack. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const top = stack[stack.length - 1] as XmlElement;
    if (lt > i) top.text += xml.slice(i, lt);
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw new Error("unterminated tag");
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("?") || tag.startsWith("!")) continue;
    if (tag.startsWith("/")) {
      stack.pop();
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    const attrs: Record<string, string> = {};
    for (const m of body.slice(name.length).matchAll(/([\w:]+)="([^"]*)"/g)) attrs[m[1] as string] = m[2] as string;
    const el: XmlElement = { name, attrs, children: [], text: "" };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  return root;
}

export function* xmlElements(root: XmlElement, name: string): Generator<XmlElement> {
  for (const c of root.children) {
    if (c.name === name) yield c;
    yield* xmlElements(c, name);
  }
}

export const xmlText = (el: XmlElement): string => el.text + el.children.map(xmlText).join("");

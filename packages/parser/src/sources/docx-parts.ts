/**
 * The parts of a .docx found as the package says (Open Packaging Conventions): the main document
 * is the target of the package's officeDocument relationship (`_rels/.rels`), not always
 * word/document.xml, and a w:altChunk names, by relationship id, a part holding the body in
 * another format (an HTML page or an MHT file), read through the HTML reader.
 */

import { htmlInto } from "./html.js";
import { chunkHtml } from "./mime.js";
import type { PageLines } from "./page.js";
import { type Frame, walkXml } from "./xml-stream.js";
import { type ZipArchive, ZipError } from "./zip.js";

/** Where Word and every other writer put the main document, when the package does not say. */
export const DEFAULT_DOCUMENT = "word/document.xml";

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a part (by id, the first one of each id), from its .rels part if any. */
function relationships(zip: ZipArchive, rels: string): Map<string, Relationship> {
  const byId = new Map<string, Relationship>();
  const frame: Frame = {
    child(name, attribs) {
      const id = attribs.Id;
      if (name === "Relationship" && id !== undefined && !byId.has(id))
        byId.set(id, {
          type: attribs.Type ?? "",
          target: attribs.Target ?? "",
          external: (attribs.TargetMode ?? "").toLowerCase() === "external",
        });
      return frame;
    },
  };
  walkXml((write) => zip.stream(rels, write), frame);
  return byId;
}

/** The .rels part of a part: word/document.xml → word/_rels/document.xml.rels. */
function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The part a relationship's target names, from the folder of the part it belongs to (`base`,
 * "" for the package): "/word/x.mht" from the package root, "../media/x" up a folder; escapes
 * (%20) undone.
 */
function partName(base: string, target: string): string {
  let t = target.split("#")[0] as string;
  try {
    t = decodeURIComponent(t);
  } catch {
    // Not an escaped name: as written.
  }
  const path: string[] = [];
  for (const seg of (t.startsWith("/") ? t : base + t).split(/[/\\]/)) {
    if (seg === "..") path.pop();
    else if (seg && seg !== ".") path.push(seg);
  }
  return path.join("/");
}

/** The main document part: the target of the package's officeDocument relationship, else word/document.xml. */
export function mainPart(zip: ZipArchive): string | undefined {
  let rels = new Map<string, Relationship>();
  try {
    rels = relationships(zip, "_rels/.rels");
  } catch (e) {
    // A damaged package index: the document is looked for where Word puts it.
    if (!(e instanceof ZipError)) throw e;
  }
  for (const r of rels.values()) {
    if (r.external || !r.type.endsWith("/officeDocument")) continue;
    const name = partName("", r.target);
    if (zip.has(name)) return name;
  }
  return zip.has(DEFAULT_DOCUMENT) ? DEFAULT_DOCUMENT : undefined;
}

/**
 * The w:altChunk parts of a document part, read into the document's lines where they stand. Each
 * part is read once (a relationship named again, a part named again, or the same bytes under
 * another name, adds nothing), so the HTML read is never more than the archive inflates; a part
 * that is neither HTML nor MHT (RTF, plain text, another .docx) is not read.
 */
export class AltChunks {
  private rels: Map<string, Relationship> | undefined;
  /** The relationship ids, part names and parts already met: each is read at most once. */
  private readonly ids = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly seenBytes = new Set<Uint8Array>();
  /** The title of the first chunk that has one. */
  title: string | undefined;

  constructor(
    private readonly zip: ZipArchive,
    private readonly part: string,
  ) {}

  /** The chunk of relationship `id`, read into `page`. */
  into(page: PageLines, id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.rels ??= relationships(this.zip, relsOf(this.part));
    const rel = this.rels.get(id);
    if (!rel || rel.external) return;
    const name = partName(this.part.slice(0, this.part.lastIndexOf("/") + 1), rel.target);
    if (name === this.part || this.seen.has(name)) return;
    this.seen.add(name);
    const bytes = this.zip.read(name);
    if (!bytes || this.seenBytes.has(bytes)) return;
    this.seenBytes.add(bytes);
    const html = chunkHtml(bytes);
    if (html === undefined) return;
    const title = htmlInto(html, page);
    this.title ??= title;
  }
}

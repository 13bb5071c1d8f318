/**
 * The XML of an Office file read as a stream of tags (htmlparser2's parser in XML mode, fed the
 * bytes as they are inflated, decoded one slice at a time), each element told to the frame of its
 * parent. Elements and attributes are told by namespace, not by the prefix a writer chose: a
 * name whose prefix is bound to a namespace the readers know is told with that namespace's usual
 * prefix (`ns0:p` bound to WordprocessingML is `w:p`, as Python's ElementTree writes it).
 */
import { Parser } from "htmlparser2";
import { LIMITS, LimitExceeded, refusal } from "../limits.js";

export type Attribs = Record<string, string>;

/** What an open element does with its child elements, its text and its end tag. */
export interface Frame {
  child(name: string, attribs: Attribs): Frame;
  text?(data: string): void;
  close?(): void;
}

/** An element whose content does not count (and everything inside it). */
export const SKIP: Frame = { child: () => SKIP };

/** The namespaces the readers match names in, and the prefix they match them by ("": none). */
const USUAL_PREFIX: ReadonlyMap<string, string> = new Map([
  ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"],
  ["http://purl.oclc.org/ooxml/wordprocessingml/main", "w"],
  ["http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", "r"],
  ["http://purl.org/dc/elements/1.1/", "dc"],
  ["http://schemas.openxmlformats.org/package/2006/relationships", ""],
]);

/**
 * The namespace bindings in scope, told each element as the parser reads it. Until a known
 * namespace is bound to another prefix than its usual one, names are told as written: the
 * bindings of an ordinary file cost one look at each element's attributes.
 */
class NamespaceScope {
  /** For each prefix ("" the default namespace): the namespaces bound to it, innermost last. */
  private readonly bound = new Map<string, string[]>();
  /** For each open element: the prefixes it binds, if any. */
  private readonly declared: (string[] | undefined)[] = [];
  private renaming = false;

  /** An element opens: its name and attributes as the readers match them. */
  open(name: string, attribs: Attribs): { name: string; attribs: Attribs } {
    let own: string[] | undefined;
    for (const key in attribs) {
      if (key.charCodeAt(0) !== 120 || !(key === "xmlns" || key.startsWith("xmlns:"))) continue;
      const prefix = key === "xmlns" ? "" : key.slice(6);
      const uri = attribs[key] as string;
      own ??= [];
      own.push(prefix);
      const stack = this.bound.get(prefix);
      if (stack) stack.push(uri);
      else this.bound.set(prefix, [uri]);
      const usual = USUAL_PREFIX.get(uri);
      if (usual !== undefined && usual !== prefix) this.renaming = true;
    }
    this.declared.push(own);
    return this.renaming ? { name: this.usual(name, true), attribs: this.attribs(attribs) } : { name, attribs };
  }

  /** An element ends: the bindings it made go out of scope. */
  close(): void {
    for (const prefix of this.declared.pop() ?? []) this.bound.get(prefix)?.pop();
  }

  private attribs(attribs: Attribs): Attribs {
    let out: Attribs | undefined;
    for (const key in attribs) {
      if (!key.includes(":") || key.startsWith("xmlns:")) continue;
      const usual = this.usual(key, false);
      if (usual === key) continue;
      out ??= { ...attribs };
      delete out[key];
      out[usual] = attribs[key] as string;
    }
    return out ?? attribs;
  }

  /**
   * A name with the usual prefix of its namespace. A name in a namespace the readers do not know,
   * or whose prefix is bound to none, is kept as written (hand-made XML binds `w` to anything).
   * Attributes without a prefix are in no namespace (`element` false: kept).
   */
  private usual(name: string, element: boolean): string {
    const colon = name.indexOf(":");
    if (colon < 0 && !element) return name;
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const stack = this.bound.get(prefix);
    const uri = stack?.[stack.length - 1];
    if (uri === undefined) return name;
    const usual = USUAL_PREFIX.get(uri);
    const local = name.slice(colon + 1);
    if (usual === undefined) return name;
    return usual ? `${usual}:${local}` : local;
  }
}

/** Bytes of XML decoded and handed to the parser at a time. */
const SLICE = 64 * 1024;

/**
 * Streams the XML through the frames, keeping the element stack as the XML parser does: more
 * than LIMITS.maxElements elements or nesting deeper than LIMITS.maxXmlDepth refuses the document.
 * Text inside CDATA sections is not read: Word writes none, and a crafted one is not page text.
 */
export function walkXml(feed: (write: (bytes: Uint8Array) => void) => void, root: Frame): void {
  const frames: Frame[] = [root];
  const names = new NamespaceScope();
  let elements = 0;
  let inCdata = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++elements > LIMITS.maxElements) throw new LimitExceeded(refusal("maxElements"));
        if (frames.length > LIMITS.maxXmlDepth) throw new LimitExceeded(refusal("maxXmlDepth"));
        const told = names.open(name, attribs);
        frames.push((frames[frames.length - 1] as Frame).child(told.name, told.attribs));
      },
      onclosetag() {
        if (frames.length <= 1) return;
        names.close();
        (frames.pop() as Frame).close?.();
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

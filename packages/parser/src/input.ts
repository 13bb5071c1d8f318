/**
 * What kind of file a report comes in, from its bytes: magic bytes for PDF, Word (.docx is a zip
 * archive holding `word/document.xml`, a legacy .doc an OLE2 compound file) and other zip archives,
 * then the first character of the text (`{`/`[` JSON, `<` HTML), the file name's extension deciding
 * only what the content leaves open. Also the text of a text input in the encodings portals
 * publish, and the diagnostics that mean an input is no report at all. The CLI, the review desk and
 * the web form all read files through this module (entry `@gov-report/parser/input`, small enough
 * for a page's first load: it does not pull in the readers).
 */
import type { DiagnosticCode } from "./diagnostics.js";
import type { Diagnostic, ParseInput } from "./types.js";

export type InputKind = "json" | "pdf" | "docx" | "doc" | "zip" | "html" | "text";

/** The kinds that are documents for the parser to read (not JSON, not an archive). */
export type DocumentKind = Exclude<InputKind, "json" | "zip">;

/** The extensions a folder of reports is searched for, and the kind each suggests. */
export const INPUT_EXTENSIONS: Readonly<Record<string, InputKind>> = {
  ".json": "json",
  ".pdf": "pdf",
  ".docx": "docx",
  ".doc": "doc",
  ".html": "html",
  ".htm": "html",
  ".shtml": "html",
  ".xhtml": "html",
  ".txt": "text",
  ".md": "text",
  ".markdown": "text",
};

/** The kind a file name's extension suggests, or undefined. */
export function kindOfName(name: string): InputKind | undefined {
  const dot = name.lastIndexOf(".");
  const slash = Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\"));
  if (dot <= slash + 1) return undefined;
  return INPUT_EXTENSIONS[name.slice(dot).toLowerCase()];
}

function startsWith(bytes: Uint8Array, magic: ArrayLike<number>, at = 0): boolean {
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A PDF may have a few bytes of junk before its header; readers accept it within the first KB. */
const PDF_HEADER_WITHIN = 1024;
/**
 * The folder of a .docx's parts in its zip directory: `word/document.xml` in most, another name
 * for the main part in some (found through the package's relationships), always under `word/`.
 */
const WORD_PART = new TextEncoder().encode("word/");

function findPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, PDF_HEADER_WITHIN);
  for (let i = 0; i <= end; i++) if (bytes[i] === 0x25 && startsWith(bytes, PDF, i)) return true;
  return false;
}

/** True when the archive names a part of a Word document (one linear scan: names are stored uncompressed). */
function holdsWordDocument(bytes: Uint8Array): boolean {
  const first = WORD_PART[0] as number;
  const end = bytes.length - WORD_PART.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= end; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, WORD_PART, i)) return true;
  }
  return false;
}

/** True for bytes that are not text: a NUL in the first 4 KB (UTF-16 with a BOM aside). */
/**
 * UTF-16 text, with its byte order mark or without one (Windows' "Unicode" text, saved with no
 * mark by some tools): the zero high bytes of its ASCII characters (digits, spaces, line ends)
 * stand on one side of every pair only. `skip`: the mark's bytes.
 */
export function utf16Of(bytes: Uint8Array): { le: boolean; skip: number } | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return { le: true, skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { le: false, skip: 2 };
  const end = Math.min(bytes.length, 4096) & ~1;
  if (end < 16) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = end / 2;
  // A tenth of the characters ASCII at least, and five times fewer zeros on the other side (一 is
  // U+4E00: its low byte is zero too).
  if (odd >= pairs / 10 && even * 5 < odd) return { le: true, skip: 0 };
  if (even >= pairs / 10 && odd * 5 < even) return { le: false, skip: 0 };
  return undefined;
}

function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Of(bytes)) return false;
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The first character that is not white space or a BOM, or "" for an empty input. */
function firstChar(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  const le = utf16?.le === true;
  const step = utf16 ? 2 : 1;
  let i = utf16 ? utf16.skip : startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (; i < bytes.length; i += step) {
    const b = utf16 ? (bytes[le ? i : i + 1] as number) : (bytes[i] as number);
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return String.fromCharCode(b);
  }
  return "";
}

/**
 * The kind of an input, or undefined when it is none a report comes in (an image, a binary of
 * another kind). `name`, when given, is only a hint for what the content leaves open.
 */
export function detectInput(bytes: Uint8Array, name = ""): InputKind | undefined {
  try {
    if (findPdfHeader(bytes)) return "pdf";
    if (startsWith(bytes, ZIP)) return holdsWordDocument(bytes) ? "docx" : "zip";
    if (startsWith(bytes, OLE2)) return "doc";
    if (looksBinary(bytes)) return undefined;
    const hint = kindOfName(name);
    const c = firstChar(bytes);
    // No page starts with a brace; a text may ("[2024]…"): a .txt name keeps it text.
    if (c === "{" || c === "[") return hint === "text" ? "text" : "json";
    if (c === "<") return "html";
    if (hint === "json" || hint === "html") return hint;
    return "text";
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Invalid bytes a UTF-8 text may have (a file cut mid-character, a pasted GBK word) and still be UTF-8. */
const MAX_BAD_SHARE = 1 / 1000;

/**
 * Text of an input: UTF-8 (BOM removed), UTF-16 (with or without its BOM), or — as many Chinese
 * portals still publish — GB 18030 (GBK) when the bytes are not UTF-8. A UTF-8 text with a few
 * invalid bytes stays UTF-8, those bytes as U+FFFD (the reader says so): read as GB 18030, its
 * every Chinese character would be garbled.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16Of(bytes);
  if (utf16) return new TextDecoder(utf16.le ? "utf-16le" : "utf-16be").decode(bytes.subarray(utf16.skip));
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    const loose = new TextDecoder("utf-8").decode(body);
    let bad = 0;
    for (let i = loose.indexOf(REPLACEMENT); i >= 0; i = loose.indexOf(REPLACEMENT, i + 1)) bad++;
    if (bom || bad <= Math.max(2, loose.length * MAX_BAD_SHARE)) return loose;
    return new TextDecoder("gb18030").decode(body);
  }
}

/** What a decoder gives for bytes it cannot read. */
export const REPLACEMENT = "\uFFFD";

/**
 * The parser's input for a document's bytes of a given kind (undefined for JSON and zip archives,
 * which are not documents). A legacy .doc goes to the Word reader, which explains how to save it as .docx.
 */
export function documentInput(kind: DocumentKind, bytes: Uint8Array): ParseInput;
export function documentInput(kind: InputKind, bytes: Uint8Array): ParseInput | undefined;
export function documentInput(kind: InputKind, bytes: Uint8Array): ParseInput | undefined {
  switch (kind) {
    case "pdf":
      return { pdf: bytes };
    case "docx":
    case "doc":
      return { docx: bytes };
    case "html":
      return { html: decodeText(bytes) };
    case "text":
      return { text: decodeText(bytes) };
    default:
      return undefined;
  }
}

/** Diagnostics that mean the input could not be read as a report at all (no report to keep). */
export const FATAL_CODES: ReadonlySet<string> = new Set<DiagnosticCode>([
  "input.unreadable",
  "input.too-large",
  "input.no-text-layer",
  "input.not-a-report",
]);

/** The first diagnostic that means there is no report in the input, if any. */
export function fatalDiagnostic(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => FATAL_CODES.has(d.code));
}

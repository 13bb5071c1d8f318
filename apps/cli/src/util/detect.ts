/**
 * What kind of file an input is, by its content: magic bytes for PDF, Word (.docx is a zip archive,
 * a legacy .doc an OLE2 compound file), then the first non-space character of the text (`{` or `[`
 * JSON, `<` HTML), the extension deciding only what the content leaves open. This is the only list
 * of extensions the CLI has.
 */
import { extname } from "node:path";

export type SourceKind = "json" | "pdf" | "docx" | "doc" | "html" | "text";

/** The extensions a folder walk picks up, and the kind each suggests. */
export const EXTENSION_KINDS: Readonly<Record<string, SourceKind>> = {
  ".json": "json",
  ".pdf": "pdf",
  ".docx": "docx",
  ".doc": "doc",
  ".html": "html",
  ".htm": "html",
  ".txt": "text",
};

export const REPORT_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_KINDS);

/** The extensions as a user reads them: ".json, .pdf, …". */
export const EXTENSION_LIST = REPORT_EXTENSIONS.join(", ");

export const hintOf = (name: string): SourceKind | undefined => EXTENSION_KINDS[extname(name).toLowerCase()];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A PDF may have a few bytes of junk before its header; readers accept it within the first KB. */
const PDF_HEADER_WITHIN = 1024;

function findPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, PDF_HEADER_WITHIN);
  for (let i = 0; i <= end; i++) if (bytes[i] === 0x25 && startsWith(bytes, PDF, i)) return true;
  return false;
}

/** True for bytes that are not text: a NUL in the first 4 KB (UTF-16 aside, handled by `decodeText`). */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** The first character that is not white space or a BOM, or "" for an empty input. */
function firstChar(bytes: Uint8Array): string {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf])
    ? 3
    : startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])
      ? 2
      : 0;
  const step = i === 2 ? 2 : 1;
  const le = startsWith(bytes, [0xff, 0xfe]);
  for (; i < bytes.length; i += step) {
    const b = step === 2 ? (bytes[le ? i : i + 1] as number) : (bytes[i] as number);
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return String.fromCharCode(b);
  }
  return "";
}

/**
 * The kind of an input, or undefined when it is none the CLI reads (an image, an archive of
 * another kind). `name` is the file name, used only as a hint.
 */
export function detectKind(bytes: Uint8Array, name: string): SourceKind | undefined {
  if (findPdfHeader(bytes)) return "pdf";
  if (startsWith(bytes, ZIP)) return "docx";
  if (startsWith(bytes, OLE2)) return "doc";
  if (looksBinary(bytes)) return undefined;
  const hint = hintOf(name);
  const c = firstChar(bytes);
  if (c === "{" || c === "[") return hint === "text" || hint === "html" ? hint : "json";
  // A .pdf or .docx whose bytes are text: the caller says the file is damaged or misnamed.
  if (c === "<") return "html";
  if (hint === "json" || hint === "html") return hint;
  return "text";
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Text of an input: UTF-8 (BOM removed), UTF-16 with a BOM, or — as many Chinese portals still
 * publish — GB 18030 (GBK) when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    return new TextDecoder("gb18030").decode(body);
  }
}

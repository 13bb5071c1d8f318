/**
 * The HTML a Word file carries as its body in a w:altChunk part (html-docx-js and portals'
 * "export to Word" buttons write one): the part is an HTML page, or an MHT file (MIME multipart,
 * RFC 2557) whose text/html part is quoted-printable or base64 in its own charset. Linear in the
 * part's size: the part is scanned once for its boundaries, a header block is at most
 * MAX_HEADERS bytes, nested multiparts at most MAX_NESTING deep.
 */
import { decodeText } from "../input.js";

/** Bytes of one header block (a part's headers are a few hundred). */
const MAX_HEADERS = 64 * 1024;
/** Multiparts inside multiparts (an MHT is one, a mail-like one two). */
const MAX_NESTING = 3;

/** The page an HTML or MHT part holds, or undefined for a part of another kind (RTF, plain text…). */
export function chunkHtml(bytes: Uint8Array): string | undefined {
  const first = firstByte(bytes);
  if (first === 0x3c) return decodeText(bytes);
  if (first === 0xff || first === 0xfe) {
    // UTF-16 (its byte-order mark): an HTML page saved so.
    const text = decodeText(bytes);
    return text.trimStart().startsWith("<") ? text : undefined;
  }
  return htmlOfMessage(binary(bytes), 0);
}

/** The first byte that is not white space or a UTF-8 byte-order mark, or -1. */
function firstByte(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i < bytes.length ? (bytes[i] as number) : -1;
}

/** The bytes as a string of one character per byte (8K bytes at a time). */
function binary(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192)
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]));
  return parts.join("");
}

interface Headers {
  fields: Map<string, string>;
  /** Where the body starts. */
  body: number;
}

/** A part's header block (folded lines unfolded, names in lower case), or undefined when it has none. */
function headersOf(part: string): Headers | undefined {
  const head = part.slice(0, MAX_HEADERS);
  const crlf = head.indexOf("\r\n\r\n");
  const lf = head.indexOf("\n\n");
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
  if (end < 0) return undefined;
  const fields = new Map<string, string>();
  let last = "";
  for (const line of head.slice(0, end).split(/\r?\n/)) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(last)) fields.set(last, line.slice(colon + 1).trim());
  }
  return { fields, body: end + (end === crlf ? 4 : 2) };
}

/** A header's value (before its first ";") in lower case, and its parameters (names in lower case). */
function headerValue(raw: string | undefined): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const text = raw ?? "";
  const semi = text.indexOf(";");
  const value = (semi < 0 ? text : text.slice(0, semi)).trim().toLowerCase();
  if (semi >= 0)
    for (const m of text.slice(semi).matchAll(/;\s*([A-Za-z0-9_-]+)\s*=\s*(?:"([^"]*)"|([^;\s]*))/g))
      params.set((m[1] as string).toLowerCase(), m[2] ?? m[3] ?? "");
  return { value, params };
}

/** The HTML of a MIME message or part (a string of bytes): itself when text/html, else its first HTML part. */
function htmlOfMessage(part: string, depth: number): string | undefined {
  const h = headersOf(part);
  if (!h) return undefined;
  const type = headerValue(h.fields.get("content-type"));
  const body = part.slice(h.body);
  if (type.value === "text/html") {
    const encoding = (h.fields.get("content-transfer-encoding") ?? "").trim().toLowerCase();
    return decodeCharset(decodeTransfer(body, encoding), type.params.get("charset"));
  }
  const boundary = type.params.get("boundary");
  if (!type.value.startsWith("multipart/") || !boundary || depth >= MAX_NESTING) return undefined;
  for (const inner of partsOf(body, boundary)) {
    const html = htmlOfMessage(inner, depth + 1);
    if (html !== undefined) return html;
  }
  return undefined;
}

/** The parts of a multipart body: what lies between its boundary lines (`--boundary` at a line's start). */
function partsOf(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let start = -1;
  for (let at = body.indexOf(delimiter); at >= 0; at = body.indexOf(delimiter, at + delimiter.length)) {
    if (at > 0 && body.charCodeAt(at - 1) !== 10) continue;
    if (start >= 0) parts.push(body.slice(start, at > 0 && body.charCodeAt(at - 2) === 13 ? at - 2 : at - 1));
    const after = at + delimiter.length;
    if (body.startsWith("--", after)) return parts;
    const eol = body.indexOf("\n", after);
    if (eol < 0) return parts;
    start = eol + 1;
  }
  return parts;
}

/** A body's bytes once its transfer encoding (quoted-printable, base64, or none) is undone. */
function decodeTransfer(body: string, encoding: string): Uint8Array {
  if (encoding === "quoted-printable") return quotedPrintable(body);
  if (encoding === "base64") return base64(body);
  const out = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) out[i] = body.charCodeAt(i) & 0xff;
  return out;
}

const hexValue = (c: number) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

function quotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 61) {
      out[n++] = c & 0xff;
      continue;
    }
    // "=" then a line end: a soft line break; "=" then two hex digits: that byte.
    if (body.charCodeAt(i + 1) === 10) i += 1;
    else if (body.charCodeAt(i + 1) === 13 && body.charCodeAt(i + 2) === 10) i += 2;
    else {
      const hi = hexValue(body.charCodeAt(i + 1));
      const lo = hexValue(body.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) out[n++] = c;
      else {
        out[n++] = hi * 16 + lo;
        i += 2;
      }
    }
  }
  return out.subarray(0, n);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Base64 (characters outside its alphabet, line ends and padding, skipped). */
function base64(body: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((body.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c < 128 ? (B64_VALUE[c] as number) : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Text of bytes in the charset a part names; one the platform does not know is read as decodeText reads a file. */
function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  if (charset) {
    try {
      return new TextDecoder(charset.trim()).decode(bytes);
    } catch {
      // An unknown label: read as a file of unknown encoding.
    }
  }
  return decodeText(bytes);
}

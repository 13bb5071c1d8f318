/**
 * A minimal zip writer for hostile .docx files: deflated or stored entries, and central directory
 * records that may point at one local entry many times (the duplicate-entry bomb).
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Deflate the data (default true). */
  deflate?: boolean;
}

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
  method: number;
}

function localHeader(w: Written): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(w.method, 8);
  h.writeUInt32LE(w.crc, 14);
  h.writeUInt32LE(w.compressed, 18);
  h.writeUInt32LE(w.size, 22);
  h.writeUInt16LE(w.name.length, 26);
  return Buffer.concat([h, w.name]);
}

function centralRecord(w: Written, name = w.name): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(w.method, 10);
  h.writeUInt32LE(w.crc, 16);
  h.writeUInt32LE(w.compressed, 20);
  h.writeUInt32LE(w.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(w.offset, 42);
  return Buffer.concat([h, name]);
}

/**
 * The archive of the entries. `repeat` lists, by entry index, how many extra central directory
 * records name that entry's local data again (same offset, same name).
 */
export function zip(entries: readonly ZipEntry[], repeat: Readonly<Record<number, number>> = {}): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.deflate === false ? 0 : 8;
    const body = method === 8 ? deflateRawSync(e.data, { level: 9 }) : Buffer.from(e.data);
    const w: Written = {
      name: Buffer.from(e.name, "utf8"),
      offset,
      crc: crc32(e.data) >>> 0,
      size: e.data.length,
      compressed: body.length,
      method,
    };
    const head = localHeader(w);
    parts.push(head, body);
    offset += head.length + body.length;
    written.push(w);
  }
  const dirStart = offset;
  let records = 0;
  written.forEach((w, i) => {
    for (let k = 0; k <= (repeat[i] ?? 0); k++) {
      const rec = centralRecord(w);
      parts.push(rec);
      offset += rec.length;
      records++;
    }
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(records, 0xffff), 8);
  end.writeUInt16LE(Math.min(records, 0xffff), 10);
  end.writeUInt32LE(offset - dirStart, 12);
  end.writeUInt32LE(dirStart, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/**
 * A .docx of this body XML (the parts a reader needs: content types and document.xml), with
 * `extra` entries after them (docProps/core.xml…).
 */
export function docx(bodyXml: string | Uint8Array, repeatDocument = 0, extra: readonly ZipEntry[] = []): Buffer {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`);
  const tail = Buffer.from("</w:body></w:document>");
  const body = typeof bodyXml === "string" ? Buffer.from(bodyXml, "utf8") : bodyXml;
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  return zip(
    [
      { name: "[Content_Types].xml", data: Buffer.from(types) },
      { name: "word/document.xml", data: Buffer.concat([head, body, tail]) },
      ...extra,
    ],
    repeatDocument ? { 1: repeatDocument } : {},
  );
}

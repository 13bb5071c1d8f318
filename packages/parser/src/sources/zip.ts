/**
 * Reading the few entries a .docx reader needs from a zip archive, within a budget: the central
 * directory is read once (at most LIMITS.maxZipEntries records), each wanted name is taken once
 * (the first record naming it), an entry read whole is inflated at most once (by offset), and all
 * entries together inflate to at most LIMITS.maxInflatedBytes — checked while inflating, so an
 * entry that lies about its size costs no more than the budget. An entry can also be streamed to
 * its reader a piece at a time, so that its inflated bytes are never held whole.
 */
import { Inflate } from "fflate";
import { LIMITS, LimitExceeded, refusal } from "../limits.js";

/** A damaged archive (not a budget matter): the reader says the file cannot be read. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

interface ZipRecord {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, p: number) => (b[p] as number) | ((b[p + 1] as number) << 8);
const u32 = (b: Uint8Array, p: number) => (u16(b, p) | (u16(b, p + 2) << 16)) >>> 0;

/** Offset of the end-of-central-directory record (searched back over the longest comment). */
function endRecord(bytes: Uint8Array): number {
  for (let p = bytes.length - 22; p >= 0 && p >= bytes.length - 22 - 0xffff; p--) {
    if (u32(bytes, p) === 0x06054b50) return p;
  }
  throw new ZipError("no zip central directory (truncated file?)");
}

function centralDirectory(bytes: Uint8Array): ZipRecord[] {
  const end = endRecord(bytes);
  const count = u16(bytes, end + 10);
  if (count > LIMITS.maxZipEntries) throw new LimitExceeded(refusal("maxZipEntries"));
  const decoder = new TextDecoder();
  const records: ZipRecord[] = [];
  let p = u32(bytes, end + 16);
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError("damaged zip central directory");
    const nameLength = u16(bytes, p + 28);
    records.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      offset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return records;
}

/** Bytes of a stored (uncompressed) entry handed on at a time, and of compressed data inflated at a time. */
const STORED_SLICE = 64 * 1024;
/** Small slices: one slice inflates to at most ~1000 times its size before the size check runs. */
const DEFLATE_SLICE = 4096;

/**
 * Hands the entry's bytes to `sink` a piece at a time, stopping as soon as it goes past its
 * declared size (itself within the budget left). Returns the number of bytes handed on.
 */
function inflateEntry(bytes: Uint8Array, r: ZipRecord, budget: number, sink: (chunk: Uint8Array) => void): number {
  const at = r.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipError(`damaged zip entry ${r.name}`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + r.compressedSize));
  // The declared size is what the entry claims: over the budget, it is refused unread.
  if (r.size > budget || (r.method === 0 && data.length > budget)) throw new LimitExceeded(refusal("maxInflatedBytes"));
  if (r.method === 0) {
    for (let p = 0; p < data.length; p += STORED_SLICE) sink(data.subarray(p, p + STORED_SLICE));
    return data.length;
  }
  if (r.method !== 8) throw new ZipError(`unsupported zip compression method ${r.method} for ${r.name}`);
  let n = 0;
  // When the sink stops (its reader refuses the content), the entry is still inflated to its end,
  // unread: a damaged archive is reported as damaged, not as whatever its garbage looked like.
  let fromSink: { error: unknown } | undefined;
  const inflate = new Inflate((chunk) => {
    if (n + chunk.length > r.size) throw new ZipError(`zip entry ${r.name} is larger than its directory says`);
    n += chunk.length;
    if (fromSink || !chunk.length) return;
    try {
      sink(chunk);
    } catch (error) {
      fromSink = { error };
    }
  });
  try {
    for (let p = 0; p < data.length; p += DEFLATE_SLICE)
      inflate.push(data.subarray(p, p + DEFLATE_SLICE), p + DEFLATE_SLICE >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError(`damaged zip entry ${r.name}`);
  }
  if (fromSink) throw fromSink.error;
  return n;
}

/**
 * The entries of one archive, read by name within one inflate budget: the first record naming an
 * entry is the entry. Throws ZipError for a damaged archive and LimitExceeded past the limits.
 */
export class ZipArchive {
  /** The records by name: the first record naming an entry. */
  private readonly records = new Map<string, ZipRecord>();
  private readonly byOffset = new Map<number, Uint8Array>();
  private left: number = LIMITS.maxInflatedBytes;

  constructor(private readonly bytes: Uint8Array) {
    for (const r of centralDirectory(bytes)) if (!this.records.has(r.name)) this.records.set(r.name, r);
  }

  has(name: string): boolean {
    return this.records.has(name);
  }

  /** The entry's bytes whole, or undefined; an entry read whole under two names is inflated once. */
  read(name: string): Uint8Array | undefined {
    const r = this.records.get(name);
    if (!r) return undefined;
    const known = this.byOffset.get(r.offset);
    if (known) return known;
    const parts: Uint8Array[] = [];
    const n = this.inflate(r, (chunk) => parts.push(chunk));
    const data = parts.length === 1 ? (parts[0] as Uint8Array) : new Uint8Array(n);
    if (parts.length !== 1) {
      let at = 0;
      for (const p of parts) {
        data.set(p, at);
        at += p.length;
      }
    }
    this.byOffset.set(r.offset, data);
    return data;
  }

  /**
   * Hands the entry's bytes to `sink` a piece at a time (never held whole); false when there is no
   * such entry. What the sink throws goes through unchanged. The sink may read other entries
   * (a part the streamed one refers to): they are inflated from the same budget.
   */
  stream(name: string, sink: (chunk: Uint8Array) => void): boolean {
    const r = this.records.get(name);
    if (!r) return false;
    this.inflate(r, sink);
    return true;
  }

  /**
   * Inflates an entry within what is left of the budget, charged as the bytes come: an entry read
   * while another is streamed spends from the same budget, and the bytes of both stay within it.
   */
  private inflate(r: ZipRecord, sink: (chunk: Uint8Array) => void): number {
    return inflateEntry(this.bytes, r, this.left, (chunk) => {
      if (chunk.length > this.left) throw new LimitExceeded(refusal("maxInflatedBytes"));
      this.left -= chunk.length;
      sink(chunk);
    });
  }
}

/**
 * The wanted entries found in the archive, by name. Throws ZipError for a damaged archive and
 * LimitExceeded past the reader limits.
 */
export function readZipEntries(bytes: Uint8Array, names: readonly string[]): Map<string, Uint8Array> {
  const zip = new ZipArchive(bytes);
  const found = new Map<string, Uint8Array>();
  for (const name of names) {
    const data = zip.read(name);
    if (data) found.set(name, data);
  }
  return found;
}

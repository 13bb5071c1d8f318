/**
 * Reading the few entries a .docx reader needs from a zip archive, within a budget: the central
 * directory is read once (at most LIMITS.maxZipEntries records), each wanted name is taken once
 * (the first record naming it), each local entry (by offset) is inflated at most once, and all
 * entries together inflate to at most LIMITS.maxInflatedBytes — checked while inflating, so an
 * entry that lies about its size costs no more than the budget.
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

/** Inflates one entry, stopping as soon as it goes past its declared size (itself within the budget left). */
function inflateEntry(bytes: Uint8Array, r: ZipRecord, budget: number): Uint8Array {
  const at = r.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new ZipError(`damaged zip entry ${r.name}`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + r.compressedSize));
  // The declared size is what the entry claims: over the budget, it is refused unread.
  if (r.size > budget || (r.method === 0 && data.length > budget)) throw new LimitExceeded(refusal("maxInflatedBytes"));
  if (r.method === 0) return data;
  if (r.method !== 8) throw new ZipError(`unsupported zip compression method ${r.method} for ${r.name}`);
  const out = new Uint8Array(r.size);
  let n = 0;
  const inflate = new Inflate((chunk) => {
    if (n + chunk.length > r.size) throw new ZipError(`zip entry ${r.name} is larger than its directory says`);
    out.set(chunk, n);
    n += chunk.length;
  });
  // Small slices: one slice inflates to at most ~1000 times its size before the check above runs.
  const SLICE = 4096;
  try {
    for (let p = 0; p < data.length; p += SLICE) inflate.push(data.subarray(p, p + SLICE), p + SLICE >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (e) {
    if (e instanceof LimitExceeded || e instanceof ZipError) throw e;
    throw new ZipError(`damaged zip entry ${r.name}`);
  }
  return out.subarray(0, n);
}

/**
 * The wanted entries found in the archive, by name. Throws ZipError for a damaged archive and
 * LimitExceeded past the reader limits.
 */
export function readZipEntries(bytes: Uint8Array, names: readonly string[]): Map<string, Uint8Array> {
  const records = centralDirectory(bytes);
  const found = new Map<string, Uint8Array>();
  const byOffset = new Map<number, Uint8Array>();
  let left: number = LIMITS.maxInflatedBytes;
  for (const name of names) {
    const r = records.find((x) => x.name === name);
    if (!r) continue;
    let data = byOffset.get(r.offset);
    if (!data) {
      data = inflateEntry(bytes, r, left);
      left -= data.length;
      byOffset.set(r.offset, data);
    }
    found.set(name, data);
  }
  return found;
}

/**
 * The files inside an uploaded .zip. Entry names are kept for display only (never used as paths);
 * folders, hidden files and entries that would exceed the size limits are left out, so a zip bomb
 * cannot exhaust memory.
 */
import { unzipSync } from "fflate";

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
}

export class ZipError extends Error {}

const IMPORTABLE = /\.(json|pdf|docx|html?|txt)$/i;

/** The importable entries of a zip, or a ZipError saying why it cannot be read. */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  let declared = 0;
  let count = 0;
  let tooBig = "";
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const base = f.name.split("/").pop() ?? "";
        if (f.name.endsWith("/") || base.startsWith(".") || f.name.startsWith("__MACOSX/") || !IMPORTABLE.test(base))
          return false;
        declared += f.originalSize;
        count++;
        if (f.originalSize > limits.maxEntryBytes || declared > limits.maxTotalBytes || count > limits.maxEntries) {
          tooBig = f.name;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    throw new ZipError((e as Error).message);
  }
  if (tooBig) throw new ZipError(`too large: ${tooBig}`);
  return Object.entries(files)
    .filter(([, b]) => b.length <= limits.maxEntryBytes)
    .map(([name, b]) => ({ name, bytes: b }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

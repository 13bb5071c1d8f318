/**
 * Names of the files written into --out-dir, one per input, never two alike: the input's base name
 * with the output's extension (r.txt → r.json); inputs that would share a name get their folder's
 * name in front (d1/r.txt → d1-r.json, d2/r.txt → d2-r.json), then their own extension
 * (r.pdf → r-pdf.json, r.html → r-html.json), then a number (r-2.json). Names are compared
 * without case, as on the file systems of Windows and macOS.
 */
import { basename, dirname, extname } from "node:path";

const stem = (file: string) => (file === "-" ? "stdin" : basename(file, extname(file)));
const parentOf = (file: string) => basename(dirname(file === "-" ? "./-" : file)).replace(/^\.+$/, "") || "root";
const extOf = (file: string) => extname(file).slice(1).toLowerCase() || "x";

function duplicates(names: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n.toLowerCase(), (seen.get(n.toLowerCase()) ?? 0) + 1);
  return new Set([...seen].filter(([, c]) => c > 1).map(([n]) => n));
}

/** One output name per input, in input order, each ending in `.${ext}`. */
export function uniqueOutputNames(files: readonly string[], ext: string): string[] {
  let names = files.map(stem);
  const steps = [
    (name: string, file: string) => `${parentOf(file)}-${name}`,
    (name: string, file: string) => `${name}-${extOf(file)}`,
  ];
  for (const step of steps) {
    const dup = duplicates(names);
    if (!dup.size) break;
    names = names.map((n, i) => (dup.has(n.toLowerCase()) ? step(n, files[i] as string) : n));
  }
  const used = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${n}-${k}`;
    used.add(name.toLowerCase());
    return `${name}.${ext}`;
  });
}

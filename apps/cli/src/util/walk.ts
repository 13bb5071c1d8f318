/**
 * The one folder walker: the inputs named on the command line, folders walked recursively in name
 * order, keeping files with a report extension (detect.ts). A sub-folder or file that cannot be
 * read is listed with its reason and the walk goes on; the other files of a folder are returned as
 * skipped, each with why (formats.ts), and the resources folder a browser saves beside a web page
 * as one skipped entry.
 */
import { type Dirent, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { kindOfName } from "./detect.js";
import { pageOfResources, resourcesReason, skipReason } from "./formats.js";
import { t } from "./i18n.js";
import { reasonOf } from "./io.js";

export interface InputEntry {
  file: string;
  /** Why it cannot be read (a missing path, a folder that cannot be listed). */
  problem?: string;
  /** True when the path was named on the command line and does not exist. */
  missing?: boolean;
  /** True for a folder that could not be listed (counted as a folder, not a file). */
  folder?: boolean;
}

/** A file of a folder that is not in a report format, with why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * The inputs: a named file is taken as is (whatever its extension; "-" is standard input); a
 * folder contributes its report files, recursively and sorted by name. Hidden entries (".git",
 * ".DS_Store") and links to folders are skipped (no cycles), silently; other files of a folder
 * that are not in a report format go to `skipped`.
 */
export function collectInputs(args: readonly string[], skipped: SkippedFile[] = []): InputEntry[] {
  const out: InputEntry[] = [];
  for (const arg of args) {
    if (arg === "-") {
      out.push({ file: arg });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch (e) {
      out.push({ file: arg, problem: reasonOf(e), missing: (e as NodeJS.ErrnoException).code === "ENOENT" });
      continue;
    }
    if (isDir) walk(arg, out, skipped);
    else out.push({ file: arg });
  }
  return out;
}

function walk(dir: string, out: InputEntry[], skipped: SkippedFile[]): void {
  // An explicit stack instead of recursion (folder depth is the user's, not ours to bound), visiting
  // entries in name order as a recursive walk would: a sub-folder where its name sorts.
  const stack: { dir: string; names: Dirent[]; next: number; siblings: Set<string> }[] = [];
  const open = (d: string) => {
    try {
      const names = readdirSync(d, { withFileTypes: true });
      names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      stack.push({ dir: d, names, next: 0, siblings: new Set(names.map((n) => n.name)) });
    } catch (e) {
      out.push({ file: d, problem: `${t("无法读取文件夹", "cannot read the folder")}: ${reasonOf(e)}`, folder: true });
    }
  };
  open(dir);
  while (stack.length) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const e = top.names[top.next++];
    if (!e) {
      stack.pop();
      continue;
    }
    if (e.name.startsWith(".")) continue;
    const path = join(top.dir, e.name);
    if (e.isDirectory()) {
      const page = pageOfResources(e.name, top.siblings);
      if (page) skipped.push({ file: path, reason: resourcesReason(page) });
      else open(path);
    } else if (e.isFile() || e.isSymbolicLink()) {
      // A link is followed only to a file, never to a folder.
      if (e.isSymbolicLink() && !isFile(path)) continue;
      if (kindOfName(e.name) !== undefined) out.push({ file: path });
      else skipped.push({ file: path, reason: skipReason(e.name) });
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

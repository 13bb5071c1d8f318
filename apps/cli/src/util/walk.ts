/** Listing the report files of a batch: folders are walked recursively, in a stable order. */
import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { CliError } from "./errors.js";

/** Extensions a folder walk picks up: report JSON, and what the parser reads. */
export const REPORT_EXTENSIONS: readonly string[] = [".json", ".pdf", ".docx", ".doc", ".html", ".htm", ".txt"];

/**
 * The files named by the arguments: a file is taken as is (whatever its extension); a folder
 * contributes, recursively and sorted by name, its files with a report extension. Hidden entries
 * (".git", ".DS_Store") and symbolic links to folders are skipped (no cycles). A path that does not
 * exist is a usage error: nothing runs.
 */
export function collectInputs(args: readonly string[], extensions = REPORT_EXTENSIONS): string[] {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      missing.push(arg);
      continue;
    }
    if (isDir) walk(arg, extensions, files);
    else files.push(arg);
  }
  if (missing.length) throw new CliError(`${missing.join(", ")}: no such file or folder`);
  return files;
}

function walk(dir: string, extensions: readonly string[], out: string[]): void {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`${dir}: cannot read the folder: ${(e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, extensions, out);
    else if ((e.isFile() || e.isSymbolicLink()) && extensions.includes(extname(e.name).toLowerCase())) {
      // A link is followed only to a file, never to a folder.
      if (e.isSymbolicLink() && !isFile(path)) continue;
      out.push(path);
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

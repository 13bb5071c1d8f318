/**
 * The inputs of a command and what their reading means for the exit code: one rule for every
 * command (the README's table), kept here beside the loader so no command has its own.
 *
 * - A named path that does not exist stops the run before anything is read or written (exit 2):
 *   most likely a typo, and a batch that silently lacks a folder looks complete.
 * - One named file (or `-`) that cannot be read, or is not a report, is the run's failure (exit 2).
 * - In a batch (a folder, or several inputs) such a file is listed with its reason, the readable
 *   ones are used and written, and the exit is 1; only when not one file could be read is it 2.
 * - Files of a folder that are not in a report format (an image, a web archive) are listed with
 *   why and counted, and leave the exit code as it is: an image beside the reports is normal.
 */
import { EXTENSION_LIST } from "./detect.js";
import { CliError, EXIT } from "./errors.js";
import { count, t } from "./i18n.js";
import { displayName } from "./io.js";
import { clean } from "./sanitize.js";
import { yellow } from "./style.js";
import { collectInputs, type InputEntry, type SkippedFile } from "./walk.js";

export type { SkippedFile };

export interface Inputs {
  /** What the loader reads, in order (sub-folders that cannot be listed included, with their problem). */
  entries: InputEntry[];
  /** Files of the folders that are not in a report format, with why (not read). */
  skipped: SkippedFile[];
  /** Exactly one file (or `-`) named: its failure is the run's failure. */
  single: boolean;
}

export const noFiles = (paths: readonly string[]) =>
  t(
    `${clean(paths.join(", "))}: 没有找到报告文件（${EXTENSION_LIST}）`,
    `${clean(paths.join(", "))}: no report files (${EXTENSION_LIST}) found`,
  );

/** Named paths that do not exist are a usage error: nothing runs. */
function requireExisting(entries: readonly InputEntry[]): void {
  const missing = entries.filter((e) => e.missing);
  if (missing.length)
    throw new CliError(
      t(
        `${missing.map((e) => clean(e.file)).join(", ")}: 文件或文件夹不存在；请检查路径`,
        `${missing.map((e) => clean(e.file)).join(", ")}: no such file or folder; check the path`,
      ),
    );
}

/** The inputs named on the command line; throws (exit 2) for a missing path or when there is nothing to read. */
export function openInputs(paths: readonly string[]): Inputs {
  const skipped: SkippedFile[] = [];
  const entries = collectInputs(paths, skipped);
  requireExisting(entries);
  if (!entries.length) {
    writeSkipped(process.stderr, skipped);
    throw new CliError(noFiles(paths));
  }
  const first = entries[0] as InputEntry;
  const single = paths.length === 1 && entries.length === 1 && first.file === paths[0] && !first.folder;
  return { entries, skipped, single };
}

/** The list of skipped files: a heading and one line each (none when nothing was skipped). */
export function skippedLines(skipped: readonly SkippedFile[], stream: NodeJS.WriteStream): string[] {
  if (!skipped.length) return [];
  return [
    t(
      `不是报告格式、已跳过的文件（${skipped.length} 个）：`,
      `Files not in a report format, skipped (${skipped.length}):`,
    ),
    ...skipped.map((s) => `  ${yellow("!", stream)} ${displayName(s.file)}: ${s.reason}`),
  ];
}

export function writeSkipped(stream: NodeJS.WriteStream, skipped: readonly SkippedFile[]): void {
  const lines = skippedLines(skipped, stream);
  if (lines.length) stream.write(`${lines.join("\n")}\n`);
}

/** The summary's words for the skipped files ("" when none). */
export const skippedCount = (n: number) =>
  n ? t(`，${n} 个不是报告格式（已跳过）`, `, ${n} not in a report format (skipped)`) : "";

/**
 * The exit code of a run: `unreadable` inputs could not be read (or were not reports, or could
 * not be written), `findings` is true when a report breaks a rule or has unread cells.
 */
export function exitOf(inputs: Inputs, unreadable: number, findings: boolean): number {
  if (unreadable && (inputs.single || unreadable >= inputs.entries.length)) return EXIT.badInput;
  return unreadable || findings ? EXIT.ruleBroken : EXIT.ok;
}

/** Sub-folders that could not be listed: entries of the loader, but folders, not files. */
export const unreadableFolders = (inputs: Inputs) => inputs.entries.filter((e) => e.folder).length;

/** "N 个文件" / "N file(s)" for a summary line. */
export const filesCount = (n: number) => t(`${n} 个文件`, count(n, "file"));

/** The summary's words for folders that could not be listed ("" when none). */
export const foldersCount = (n: number) =>
  n ? t(`，${n} 个文件夹无法读取`, `, ${count(n, "folder")} could not be read`) : "";

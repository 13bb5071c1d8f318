/**
 * The inputs of a command and what their reading means for the exit code: one rule for every
 * command (the README's table), kept here beside the loader so no command has its own.
 *
 * - A named path that does not exist stops the run before anything is read or written (exit 2):
 *   most likely a typo, and a batch that silently lacks a folder looks complete.
 * - One named file (or `-`) that cannot be read, or is not a report, is the run's failure (exit 2).
 * - In a batch (a folder, or several inputs) such a file is listed with its reason, the readable
 *   ones are used and written, and the exit is 1; only when not one file could be read is it 2.
 */
import { EXTENSION_LIST } from "./detect.js";
import { CliError, EXIT } from "./errors.js";
import { t } from "./i18n.js";
import { clean } from "./sanitize.js";
import { collectInputs, type InputEntry } from "./walk.js";

export interface Inputs {
  /** What the loader reads, in order (sub-folders that cannot be listed included, with their problem). */
  entries: InputEntry[];
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
  const entries = collectInputs(paths);
  requireExisting(entries);
  if (!entries.length) throw new CliError(noFiles(paths));
  const first = entries[0] as InputEntry;
  const single = paths.length === 1 && entries.length === 1 && first.file === paths[0] && !first.folder;
  return { entries, single };
}

/**
 * The exit code of a run: `unreadable` inputs could not be read (or were not reports, or could
 * not be written), `findings` is true when a report breaks a rule or has unread cells.
 */
export function exitOf(inputs: Inputs, unreadable: number, findings: boolean): number {
  if (unreadable && (inputs.single || unreadable >= inputs.entries.length)) return EXIT.badInput;
  return unreadable || findings ? EXIT.ruleBroken : EXIT.ok;
}

/**
 * Reading inputs and writing outputs safely: clear messages in the user's language, never a
 * partial or silently replaced file. Every file is written to a temporary file that is renamed
 * over the target; temporary files still open when the process is interrupted are removed by
 * `removeTemporaryFiles` (bin.ts calls it on SIGINT/SIGTERM).
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { CliError } from "./errors.js";
import { t } from "./i18n.js";
import { clean } from "./sanitize.js";

/** Display name of an input ("-" is standard input), safe for the terminal. */
export const displayName = (file: string) => (file === "-" ? t("<标准输入>", "<stdin>") : clean(file));

/** Why a file operation failed, in words a user can act on. */
export function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  switch (err?.code) {
    case "ENOENT":
      return t("文件或文件夹不存在", "no such file or folder");
    case "EISDIR":
      return t("这是一个文件夹", "is a folder");
    case "ENOTDIR":
      return t("路径中有一段不是文件夹", "a part of the path is not a folder");
    case "EACCES":
    case "EPERM":
      return t("没有权限（请检查文件权限）", "permission denied (check the file's permissions)");
    case "ENOSPC":
      return t("磁盘空间不足", "no space left on the disk");
    case "EIO":
      return t("输入输出错误（磁盘或设备故障）", "input/output error (a failing disk or device)");
    case "EDQUOT":
      return t("超出磁盘配额", "disk quota exceeded");
    case "EMFILE":
    case "ENFILE":
      return t("同时打开的文件过多", "too many open files");
    default:
      return clean(typeof err?.message === "string" ? err.message : String(err?.code ?? "unknown error"));
  }
}

export function readInputBytes(file: string): Buffer {
  try {
    return file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new CliError(`${displayName(file)}: ${t("无法读取", "cannot read")}: ${reasonOf(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

const temporary = new Set<string>();

/** Removes the temporary files of writes still in progress (on an interrupt). */
export function removeTemporaryFiles(): void {
  for (const tmp of temporary) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
  }
  temporary.clear();
}

const lstatOrUndefined = (file: string): Stats | undefined => {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
};

/** True for a folder, or a link to one (never replaced, with or without --force). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes a file. A new file, or an existing one with `force`, is written atomically (temporary
 * file, then rename). A symbolic link or a device (`/dev/stdout`, a named pipe) is refused unless
 * `force`; then the bytes go through it: a link to a regular file replaces that file atomically,
 * anything else is opened and written, never replaced.
 */
export interface WriteOptions {
  /** The command has --out-dir (creates its folder): offered when the folder of the file is missing. */
  outDirHint?: boolean;
}

export function writeOutputFile(
  file: string,
  content: string | Uint8Array,
  force = false,
  options: WriteOptions = {},
): void {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  if (isFolder(file))
    throw new CliError(
      `${clean(file)}: ${t(
        `是一个文件夹：-o 应为文件名（例如 ${clean(join(file, "新文件名"))}）`,
        `is a folder: -o takes a file name (for example ${clean(join(file, "new-file"))})`,
      )}`,
    );
  const st = lstatOrUndefined(file);
  if (st && (st.isSymbolicLink() || !st.isFile())) {
    if (!force) {
      const what = st.isSymbolicLink()
        ? t("是一个符号链接", "is a symbolic link")
        : t("不是普通文件", "is not a regular file");
      throw new CliError(
        `${clean(file)}: ${what}；${t("加 --force 才会写入它所指向的地方", "use --force to write through it")}`,
      );
    }
    writeThrough(file, bytes);
    return;
  }
  if (st && !force) {
    throw new CliError(
      `${clean(file)}: ${t("文件已存在；加 --force 可替换，或换一个输出文件名", "already exists; use --force to replace it, or choose another name")}`,
    );
  }
  writeAtomic(file, bytes, force, options);
}

/** A path as a shell command line needs it. */
const shellQuoted = (path: string) => (/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`);

/** The folder of an output is missing: say to create it (or to use --out-dir, which creates it). */
function missingFolder(file: string, dir: string, options: WriteOptions): CliError {
  const d = clean(dir);
  const mkdir = `mkdir -p ${clean(shellQuoted(dir))}`;
  const outDir = options.outDirHint
    ? t(`，或改用 --out-dir ${d}（会自动创建）`, `, or use --out-dir ${d} (created for you)`)
    : "";
  return new CliError(
    `${clean(file)}: ${t(`文件夹 ${d} 不存在：请先创建它（${mkdir}）`, `folder ${d} does not exist: create it first (${mkdir})`)}${outDir}`,
  );
}

function writeThrough(file: string, bytes: Uint8Array): void {
  let target: string | undefined;
  try {
    const real = realpathSync(file);
    if (statSync(real).isFile() && !/^\/(dev|proc)\//.test(real) && !/^\/(dev|proc)\//.test(file)) target = real;
  } catch {
    // a dangling link or a pipe: opened below
  }
  if (target) {
    writeAtomic(target, bytes, true);
    return;
  }
  let fd: number | undefined;
  try {
    fd = openSync(file, "a");
    writeSync(fd, bytes);
  } catch (e) {
    throw new CliError(`${clean(file)}: ${t("无法写入", "cannot write")}: ${reasonOf(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeAtomic(file: string, bytes: Uint8Array, force: boolean, options: WriteOptions = {}): void {
  const dir = dirname(file);
  const dirStat = lstatOrUndefined(dir);
  if (!dirStat) throw missingFolder(file, dir, options);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  temporary.add(tmp);
  try {
    const fd = openSync(tmp, "wx");
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!force && lstatOrUndefined(file)) {
      throw new CliError(
        `${clean(file)}: ${t("文件已存在；加 --force 可替换", "already exists; use --force to replace it")}`,
      );
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    if (e instanceof CliError) throw e;
    throw new CliError(`${clean(file)}: ${t("无法写入", "cannot write")}: ${reasonOf(e)}`);
  } finally {
    temporary.delete(tmp);
  }
}

/** Makes sure an output folder exists (creating it and its parents); a file in the way is an error. */
export function ensureOutputDir(dir: string): void {
  const st = lstatOrUndefined(dir);
  if (st) {
    if (statSync(dir).isDirectory()) return;
    throw new CliError(`${clean(dir)}: ${t("已存在，但不是文件夹", "exists and is not a folder")}`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`${clean(dir)}: ${t("无法创建输出文件夹", "cannot create the output folder")}: ${reasonOf(e)}`);
  }
}

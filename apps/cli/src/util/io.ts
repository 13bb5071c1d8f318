/** Reading inputs and writing outputs safely: clear errors, never a partial or overwritten file. */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { CliError } from "./errors.js";

/** Display name of an input ("-" is standard input). */
export const displayName = (file: string) => (file === "-" ? "<stdin>" : file);

export function readInputBytes(file: string): Buffer {
  try {
    return file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new CliError(`${displayName(file)}: cannot read: ${why}`);
  }
}

export function readInputText(file: string): string {
  const text = readInputBytes(file).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Line and column (1-based) of a character offset. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Parses JSON text; a syntax error names the file, the line and the column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const offset = m ? Number(m[1]) : text.length;
    const { line, column } = lineCol(text, offset);
    const reason = msg
      .replace(/ in JSON at position \d+.*$/, "")
      .replace(/^Unexpected end of JSON input$/, "unexpected end of input (truncated?)");
    throw new CliError(`${displayName(file)}:${line}:${column}: not valid JSON: ${reason}`);
  }
}

export function readJsonFile(file: string): unknown {
  return parseJsonText(readInputText(file), file);
}

/**
 * Writes a file atomically (temporary file, then rename). Refuses to replace an existing file
 * unless `force` is set.
 */
export function writeOutputFile(file: string, content: string | Uint8Array, force = false): void {
  if (!force && existsSync(file)) {
    throw new CliError(`${file}: already exists; use --force to replace it`);
  }
  const dir = dirname(file);
  if (!existsSync(dir)) throw new CliError(`${file}: folder ${dir} does not exist`);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, "wx");
    try {
      writeSync(fd, typeof content === "string" ? Buffer.from(content, "utf8") : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!force && existsSync(file)) throw new CliError(`${file}: already exists; use --force to replace it`);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: cannot write: ${(e as Error).message}`);
  }
}

/** Makes sure an output folder exists (creating it and its parents); a file in the way is an error. */
export function ensureOutputDir(dir: string): void {
  try {
    if (statSync(dir).isDirectory()) return;
    throw new CliError(`${dir}: exists and is not a folder`);
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`${dir}: cannot create the output folder: ${(e as Error).message}`);
  }
}

/**
 * JSON bytes to a value. The text is UTF-8 (a BOM allowed) or UTF-16 with a BOM; any other bytes
 * are refused with what to do, never read with garbled names. A syntax error is found by our own
 * scan (json-syntax.ts) and described in the user's language, by line and column.
 */

import { utf16Of } from "./detect.js";
import { t } from "./i18n.js";
import { describeFault, findJsonFault } from "./json-syntax.js";

/** Line and column (1-based, in characters) of an offset. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      column = 1;
    } else if (c < 0xdc00 || c > 0xdfff) column++; // the second half of a surrogate pair is the same character
  }
  return { line, column };
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJsonText(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const fault = findJsonFault(text);
    const offset = fault?.offset ?? text.length;
    const { line, column } = lineCol(text, offset);
    const reason = fault ? describeFault(fault.kind) : t("语法错误", "a syntax error");
    return {
      ok: false,
      error: t(
        `不是有效的 JSON（第 ${line} 行第 ${column} 列）：${reason}；请用文本编辑器检查该处`,
        `not valid JSON (line ${line}, column ${column}): ${reason}; check that place in a text editor`,
      ),
    };
  }
}

const startsWith = (b: Uint8Array, magic: readonly number[]) => magic.every((m, i) => b[i] === m);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The text of JSON bytes, or why they cannot be read (the file name goes in front). */
export function jsonText(bytes: Uint8Array): { text: string } | { error: string } {
  // UTF-16 with its BOM or saved without it (Windows' "Unicode" by some tools), as the parser tells it.
  const utf16 = utf16Of(bytes);
  try {
    if (utf16)
      return {
        text: new TextDecoder(utf16.le ? "utf-16le" : "utf-16be", { fatal: true }).decode(bytes.subarray(utf16.skip)),
      };
    return { text: utf8.decode(startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes) };
  } catch {
    if (utf16) return { error: t("不是有效的 UTF-16 文本，请另存为 UTF-8", "not valid UTF-16 text; save it as UTF-8") };
    return {
      error: t(
        "文件不是 UTF-8 编码，请另存为 UTF-8（可能是 GB 18030/GBK：在文本编辑器中以该编码打开，再另存为 UTF-8）",
        "the file is not in UTF-8; save it as UTF-8 (it may be GB 18030/GBK: open it in a text editor with that encoding, then save it as UTF-8)",
      ),
    };
  }
}

/** True for bytes that look like JSON in UTF-16 without a BOM ("{" or "[" with a zero byte beside it). */
export function looksLikeUtf16Json(bytes: Uint8Array): boolean {
  let i = 0;
  const space = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  while (i + 1 < bytes.length && ((space(bytes[i]) && bytes[i + 1] === 0) || (bytes[i] === 0 && space(bytes[i + 1]))))
    i += 2;
  const a = bytes[i];
  const b = bytes[i + 1];
  const open = (x: number | undefined) => x === 0x7b || x === 0x5b;
  return (open(a) && b === 0) || (a === 0 && open(b));
}

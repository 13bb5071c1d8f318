/** JSON text to a value; a syntax error is described by line and column, in the user's language. */
import { t } from "./i18n.js";
import { clean } from "./sanitize.js";

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

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJsonText(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const truncated = /end of JSON input/.test(msg);
    const offset = m ? Number(m[1]) : text.length;
    const { line, column } = lineCol(text, offset);
    const reason = truncated
      ? t("文件在中途结束（可能不完整）", "unexpected end of input (truncated?)")
      : t(`第 ${line} 行第 ${column} 列有语法错误`, clean(msg.replace(/ in JSON at position \d+.*$/s, "")));
    return {
      ok: false,
      error: `${line}:${column}: ${t("不是有效的 JSON", "not valid JSON")}: ${reason}${t("；请用文本编辑器检查该处", "; check that place in a text editor")}`,
    };
  }
}

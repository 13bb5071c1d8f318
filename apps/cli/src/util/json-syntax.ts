/**
 * Where a JSON text breaks the grammar (RFC 8259, as JSON.parse reads it) and why, found by one
 * scan without recursion (a deeply nested file cannot overflow the stack). Used only after
 * JSON.parse failed, so the user gets our words and the right place instead of V8's message.
 */
import { t } from "./i18n.js";

export type JsonFaultKind =
  | "end"
  | "value"
  | "name"
  | "colon"
  | "comma-object"
  | "comma-array"
  | "trailing-comma"
  | "string-control"
  | "escape"
  | "number"
  | "extra"
  | "single-quote"
  | "comment";

export interface JsonFault {
  offset: number;
  kind: JsonFaultKind;
}

class Fault {
  constructor(readonly fault: JsonFault) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

class Scanner {
  i = 0;
  private readonly stack: string[] = [];
  constructor(private readonly s: string) {}

  private fail(kind: JsonFaultKind, at = this.i): never {
    throw new Fault({ offset: Math.min(at, this.s.length), kind: at >= this.s.length ? "end" : kind });
  }

  private skip(): void {
    while (this.i < this.s.length && " \t\n\r".includes(this.s[this.i] as string)) this.i++;
  }

  /** A wrong first character: a single quote or a comment said as such. */
  private unexpected(kind: JsonFaultKind): never {
    const c = this.s[this.i];
    this.fail(c === "'" ? "single-quote" : c === "/" ? "comment" : kind);
  }

  private string(): void {
    const s = this.s;
    this.i++;
    for (;;) {
      if (this.i >= s.length) this.fail("end");
      const c = s.charCodeAt(this.i);
      if (c === 0x22) return void this.i++;
      if (c < 0x20) this.fail("string-control");
      if (c === 0x5c) {
        const e = s[this.i + 1];
        if (e === "u") {
          HEX4.lastIndex = this.i + 2;
          if (!HEX4.test(s)) this.fail("escape");
          this.i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) this.fail("escape");
        this.i += 2;
        continue;
      }
      this.i++;
    }
  }

  /** A property name and its colon (at a `"`). */
  private member(): void {
    if (this.s[this.i] !== '"') this.unexpected("name");
    this.string();
    this.skip();
    if (this.s[this.i] !== ":") this.fail("colon");
    this.i++;
  }

  /** One value; returns false when it opened a container (its contents come next). */
  private value(): boolean {
    this.skip();
    const s = this.s;
    const c = s[this.i];
    if (c === "{" || c === "[") {
      this.stack.push(c);
      this.i++;
      this.skip();
      if (s[this.i] === (c === "{" ? "}" : "]")) {
        this.stack.pop();
        this.i++;
        return true;
      }
      if (c === "{") this.member();
      return false;
    }
    if (c === '"') this.string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      NUMBER.lastIndex = this.i;
      if (!NUMBER.test(s)) this.fail("number");
      this.i = NUMBER.lastIndex;
      if (/[0-9.eE+-]/.test(s[this.i] ?? "")) this.fail("number");
    } else {
      const word = ["true", "false", "null"].find((w) => s.startsWith(w, this.i));
      if (!word) this.unexpected("value");
      this.i += word.length;
    }
    return true;
  }

  /** After a value: commas, closing brackets; returns true at the end of the text. */
  private after(): boolean {
    for (;;) {
      this.skip();
      const top = this.stack[this.stack.length - 1];
      const c = this.s[this.i];
      if (top === undefined) return this.i < this.s.length ? this.fail("extra") : true;
      if (c === (top === "{" ? "}" : "]")) {
        this.stack.pop();
        this.i++;
        continue;
      }
      if (c !== ",") this.fail(top === "{" ? "comma-object" : "comma-array");
      this.i++;
      this.skip();
      if (this.s[this.i] === "}" || this.s[this.i] === "]") this.fail("trailing-comma");
      if (top === "{") this.member();
      return false;
    }
  }

  /** The first fault, or undefined when the text is valid JSON. */
  run(): JsonFault | undefined {
    try {
      for (;;) if (this.value() && this.after()) return undefined;
    } catch (e) {
      if (e instanceof Fault) return e.fault;
      throw e;
    }
  }
}

export const findJsonFault = (text: string): JsonFault | undefined => new Scanner(text).run();

export function describeFault(kind: JsonFaultKind): string {
  switch (kind) {
    case "end":
      return t("文件在中途结束（可能不完整）", "the file ends too early (truncated?)");
    case "value":
      return t(
        "此处应为一个值（字符串、数字、对象、数组、true、false 或 null）",
        "a value was expected here (a string, number, object, array, true, false or null)",
      );
    case "name":
      return t("此处应为用双引号括起的属性名", "a property name in double quotes was expected here");
    case "colon":
      return t("属性名后应为冒号 :", "a colon (:) was expected after the property name");
    case "comma-object":
      return t("此处应为逗号 , 或 }（是否漏了逗号？）", "a comma or } was expected here (a missing comma?)");
    case "comma-array":
      return t("此处应为逗号 , 或 ]（是否漏了逗号？）", "a comma or ] was expected here (a missing comma?)");
    case "trailing-comma":
      return t("最后一项后面多了一个逗号", "a comma after the last item");
    case "string-control":
      return t(
        "字符串中有未转义的控制字符（如换行或制表符）",
        "a control character (a line break, a tab) inside a string",
      );
    case "escape":
      return t(
        '无效的转义序列（反斜杠 \\ 后只能是 " \\ / b f n r t，或 u 加四位十六进制数）',
        'an invalid escape (after a backslash: " \\ / b f n r t, or u and four hex digits)',
      );
    case "number":
      return t("数字格式无效", "an invalid number");
    case "extra":
      return t("JSON 已结束，后面还有多余的内容", "more text after the end of the JSON value");
    case "single-quote":
      return t("应使用双引号 \"，不能用单引号 '", "strings take double quotes (\"), not single quotes (')");
    case "comment":
      return t("JSON 中不能有注释", "JSON cannot hold comments");
  }
}

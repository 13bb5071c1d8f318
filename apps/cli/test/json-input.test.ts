/**
 * Report JSON in another encoding than UTF-8, and JSON syntax errors: UTF-16 with a BOM is read; a
 * JSON that is not valid UTF-8 (GB 18030 as some portals export) is refused, never read with
 * garbled names; a syntax error is described in our words, in both languages, at the right place.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../src/util/json.js";
import { findJsonFault } from "../src/util/json-syntax.js";
import { fx, hasStackTrace, runCli } from "./helpers.js";

const seed = () => readFileSync(fx("seed-2020"), "utf8");
const tmp = () => mkdtempSync(join(tmpdir(), "gr-json-"));

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  if (bigEndian) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return le;
}

describe("report JSON encodings", () => {
  it("reads UTF-16 with a BOM, little- and big-endian, and places a syntax error on its line", () => {
    const dir = tmp();
    for (const be of [false, true]) {
      const good = join(dir, `good-${be}.json`);
      writeFileSync(good, utf16(seed(), be));
      const ok = runCli(["validate", good]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain("未发现问题");
      const bad = join(dir, `bad-${be}.json`);
      writeFileSync(bad, utf16('{\n  "edition": "2021",\n  "year" 2024\n}\n', be));
      const r = runCli(["validate", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`bad-${be}.json: 不是有效的 JSON（第 3 行第 10 列）：属性名后应为冒号 :`);
    }
  });

  it("refuses a JSON that is not UTF-8 (GB 18030) instead of reading garbled names", () => {
    const dir = tmp();
    const gbName = Buffer.from([196, 179, 207, 216, 205, 179, 188, 198, 190, 214]); // 某县统计局
    const [before, after] = seed().split(/"name": "[^"]*"/) as [string, string];
    const file = join(dir, "gb.json");
    writeFileSync(file, Buffer.concat([Buffer.from(`${before}"name": "`), gbName, Buffer.from(`"${after}`)]));
    const r = runCli(["validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("gb.json: 文件不是 UTF-8 编码，请另存为 UTF-8");
    expect(r.stdout).not.toContain("�");
    const en = runCli(["validate", file, "--lang", "en"]);
    expect(en.stderr).toContain("gb.json: the file is not in UTF-8; save it as UTF-8");
    // In a batch it is an unreadable file like any other: listed, exit 1.
    const batch = runCli(["validate", file, fx("seed-2020")]);
    expect(batch.code).toBe(1);
  });

  it("reads a UTF-16 JSON saved without its BOM, either byte order", () => {
    const le = join(tmp(), "nobom-le.json");
    writeFileSync(le, Buffer.from(seed(), "utf16le"));
    const be = join(tmp(), "nobom-be.json");
    writeFileSync(be, Buffer.from(seed(), "utf16le").swap16());
    for (const file of [le, be]) {
      const r = runCli(["validate", file]);
      expect(r.code, file).toBe(0);
      expect(r.stderr).not.toContain("UTF-16");
    }
  });
});

describe("JSON syntax errors in our words", () => {
  const cases: [string, string, string, string][] = [
    ["{bad\n", "1:2", "此处应为用双引号括起的属性名", "a property name in double quotes was expected here"],
    ['{"a": 1 "b": 2}', "1:9", "此处应为逗号 , 或 }", "a comma or } was expected here"],
    ['{"a": [1, 2,]}', "1:13", "最后一项后面多了一个逗号", "a comma after the last item"],
    ["{'a': 1}", "1:2", "应使用双引号", "double quotes"],
    ['{"a": tru}', "1:7", "此处应为一个值", "a value was expected here"],
    ['{"a": "x\ny"}', "1:9", "字符串中有未转义的控制字符", "a control character"],
    ['{"a": "\\q"}', "1:8", "无效的转义序列", "an invalid escape"],
    ['{"a": 01}', "1:8", "数字格式无效", "an invalid number"],
    ['{"a": 1} x', "1:10", "JSON 已结束，后面还有多余的内容", "more text after the end"],
    ['{"a": 1, // note\n}', "1:10", "JSON 中不能有注释", "JSON cannot hold comments"],
    ['{"a":\n', "2:1", "文件在中途结束", "the file ends too early"],
    ['{\n  "名称": "某局",\n  "b" 1}', "3:7", "属性名后应为冒号 :", "a colon (:) was expected"],
  ];

  it.each(cases)("%j → %s", async (text, at, zh, en) => {
    const { setLang } = await import("../src/util/i18n.js");
    setLang("zh");
    const r = parseJsonText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [line, column] = at.split(":");
    expect(r.error.startsWith(`不是有效的 JSON（第 ${line} 行第 ${column} 列）`)).toBe(true);
    expect(r.error).toContain(zh);
    setLang("en");
    const e = parseJsonText(text);
    setLang("zh");
    if (e.ok) return;
    expect(e.error).toContain(en);
    expect(e.error).not.toMatch(/Unexpected|Expected (property|',')|in JSON at position/);
  });

  it("gives the file name and place through the CLI, without V8's words or a stack trace", () => {
    const file = join(tmp(), "broken.json");
    writeFileSync(file, '{"edition": "2021",\n "year": 2024,,\n}');
    const r = runCli(["validate", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "broken.json: not valid JSON (line 2, column 15): a property name in double quotes was expected here",
    );
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe("findJsonFault", () => {
  it("finds a fault exactly when JSON.parse fails (mutated texts), and scans deep nesting without recursion", () => {
    const bases = [seed(), '{"a":[1,2.5e3,-0,{"b":"\\u00e9\\n"}],"c":true,"d":null}', "[]", '"x"', " 0 "];
    const alphabet = [..."{}[],:\"\\01-.etnf \na'/u", "\u0001"];
    let state = 42;
    const rnd = (n: number) => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state % n;
    };
    for (let k = 0; k < 5000; k++) {
      let s = bases[rnd(bases.length)] as string;
      for (let e = 1 + rnd(3); e > 0; e--) {
        const at = rnd(s.length + 1);
        const ch = alphabet[rnd(alphabet.length)] as string;
        const op = rnd(3);
        s = s.slice(0, at) + (op === 1 ? "" : ch) + s.slice(op === 0 ? at : at + 1);
      }
      let parses = true;
      try {
        JSON.parse(s);
      } catch {
        parses = false;
      }
      expect(findJsonFault(s) === undefined, JSON.stringify(s.slice(0, 80))).toBe(parses);
    }
    expect(findJsonFault(`${"[".repeat(100_000)}${"]".repeat(99_999)}`)).toEqual({ offset: 199_999, kind: "end" });
  });
});

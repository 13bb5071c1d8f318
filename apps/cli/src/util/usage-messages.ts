/** Commander's usage errors, in Chinese unless --lang en (commander itself speaks English). */
import { lang } from "./i18n.js";

const ZH: readonly [RegExp, (...m: string[]) => string][] = [
  [
    /^error: unknown option '(.*)'(.*)$/s,
    (o, rest) => `错误：未知选项 '${o}'${rest.replace(/\(Did you mean (.*)\?\)/, "（是否想用 $1？）")}`,
  ],
  [
    /^error: unknown command '(.*)'(.*)$/s,
    (c, rest) => `错误：未知命令 '${c}'${rest.replace(/\(Did you mean (.*)\?\)/, "（是否想用 $1？）")}`,
  ],
  [/^error: missing required argument '(.*)'/, (a) => `错误：缺少参数 '${a}'`],
  [/^error: required option '(.*)' not specified/, (o) => `错误：必须给出选项 '${o}'`],
  [/^error: option '(.*)' argument missing/, (o) => `错误：选项 '${o}' 缺少取值`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s,
    (o, v, c) => `错误：选项 '${o}' 的取值 '${v}' 无效，可选值为 ${c}。`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s,
    (o, v, why) => `错误：选项 '${o}' 的取值 '${v}' 无效：${why}`,
  ],
  [/^error: too many arguments(.*)$/s, () => "错误：参数过多"],
];

export function translateCommanderMessage(s: string): string {
  if (lang() === "en") return s;
  const text = s.trimEnd();
  for (const [re, zh] of ZH) {
    const m = re.exec(text);
    if (m) return `${zh(...m.slice(1))}\n`;
  }
  return s;
}

const HELP_WORDS: readonly [RegExp, string][] = [
  [/^Usage:/gm, "用法:"],
  [/^Arguments:/gm, "参数:"],
  [/^Options:/gm, "选项:"],
  [/^Commands:/gm, "命令:"],
  [/\(default: /g, "(默认: "],
  [/\(choices: /g, "(可选: "],
  [/, default: /g, "，默认: "],
];

/** Commander's help headings in Chinese unless --lang en (the descriptions are ours, already translated). */
export function translateHelp(text: string): string {
  if (lang() === "en") return text;
  let out = text;
  for (const [re, zh] of HELP_WORDS) out = out.replace(re, zh);
  return out;
}

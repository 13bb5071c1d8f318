/** Commander's usage errors and help words, in Chinese unless --lang en (commander itself speaks English). */
import { type Argument, Help, type Option } from "commander";
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
  [/^Usage: ?/gm, "用法："],
  [/^Arguments:/gm, "参数："],
  [/^Options:/gm, "选项："],
  [/^Commands:/gm, "命令："],
];

/** Commander's help headings in Chinese unless --lang en (the descriptions are ours, already translated). */
export function translateHelp(text: string): string {
  if (lang() === "en") return text;
  let out = text;
  for (const [re, zh] of HELP_WORDS) out = out.replace(re, zh);
  return out;
}

/** Commander's "(choices: …, default: …)" after a description, in Chinese. */
function zhExtras(description: string, choices: readonly string[] | undefined, shown: string | undefined): string {
  const extra = [
    ...(choices ? [`可选：${choices.join("、")}`] : []),
    ...(shown !== undefined ? [`默认：${shown}`] : []),
  ];
  return extra.length ? `${description}（${extra.join("；")}）` : description;
}

const shownDefault = (value: unknown, description: string | undefined) =>
  value === undefined ? undefined : (description ?? (typeof value === "string" ? value : JSON.stringify(value)));

/**
 * The help settings of every command: our translated headings, and the choices and default of an
 * option or argument written in Chinese before commander wraps the line (commander writes them in
 * English; a wrapped "(choices:" could not be translated afterwards).
 */
export const helpConfiguration = {
  formatHelp: (cmd: Parameters<Help["formatHelp"]>[0], helper: Help) =>
    translateHelp(Help.prototype.formatHelp.call(helper, cmd, helper)),
  optionDescription(this: Help, option: Option): string {
    const own = Help.prototype.optionDescription.call(this, option);
    if (lang() === "en" || option.presetArg !== undefined || option.envVar !== undefined) return own;
    // Commander shows a default only for options that take a value, or a boolean default.
    const showsDefault =
      option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
    return zhExtras(
      option.description,
      option.argChoices,
      showsDefault ? shownDefault(option.defaultValue, option.defaultValueDescription) : undefined,
    );
  },
  argumentDescription(this: Help, argument: Argument): string {
    if (lang() === "en") return Help.prototype.argumentDescription.call(this, argument);
    return zhExtras(
      argument.description,
      argument.argChoices,
      shownDefault(argument.defaultValue, argument.defaultValueDescription),
    );
  },
};

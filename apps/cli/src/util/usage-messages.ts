/** Commander's usage errors and help words, in Chinese unless --lang en (commander itself speaks English). */
import { codePointWidth, displayWidth } from "@gov-report/core/lite";
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

/** Commander's placeholders in a usage line ("[options] [command]"), in Chinese unless --lang en. */
function zhPlaceholders(usage: string): string {
  if (lang() === "en") return usage;
  return usage.replace(/\[options\]/g, "[选项]").replace(/\[command\]/g, "[命令]");
}

const OPENING = new Set([..."（《「『“"]);
const CLOSING = new Set([..."，。；：、）》」』”！？"]);
const isSpace = (ch: string | undefined) => ch === " " || ch === "\t";
const isWide = (ch: string | undefined) => ch !== undefined && codePointWidth(ch.codePointAt(0) as number) === 2;

/**
 * Pieces a line may break between: an ASCII word or one wide character, with the spaces before
 * it, the brackets that open it and the punctuation that closes it (no line ends in （ or starts
 * with ，).
 */
function chunksOf(line: string): string[] {
  const chars = [...line];
  const out: string[] = [];
  let i = 0;
  const take = (ok: (ch: string) => boolean, once = false) => {
    let piece = "";
    while (i < chars.length && ok(chars[i] as string)) {
      piece += chars[i++];
      if (once) break;
    }
    return piece;
  };
  while (i < chars.length) {
    const head = take(isSpace) + take((ch) => OPENING.has(ch));
    const body = isWide(chars[i]) ? take(isWide, true) : take((ch) => !isSpace(ch) && !isWide(ch));
    out.push(head + body + take((ch) => CLOSING.has(ch)));
  }
  return out;
}

/** Commander's word wrap, also breaking between Chinese characters (commander breaks at spaces only). */
function wrapColumns(this: Help, str: string, width: number): string {
  if (width < this.minWidthToWrap) return str;
  const out: string[] = [];
  for (const line of str.split(/\r?\n/)) {
    let current = "";
    for (const chunk of chunksOf(line)) {
      if (current && this.displayWidth(current + chunk) > width) {
        out.push(current);
        current = chunk.trimStart();
      } else current += chunk;
    }
    out.push(current);
  }
  return out.join("\n");
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
  // Commander counts characters: Chinese help lost its alignment. Columns as a terminal draws them.
  displayWidth: (str: string) => displayWidth(str),
  boxWrap: wrapColumns,
  commandUsage: (cmd: Parameters<Help["commandUsage"]>[0]) =>
    zhPlaceholders(Help.prototype.commandUsage.call(new Help(), cmd)),
  subcommandTerm: (cmd: Parameters<Help["subcommandTerm"]>[0]) =>
    zhPlaceholders(Help.prototype.subcommandTerm.call(new Help(), cmd)),
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

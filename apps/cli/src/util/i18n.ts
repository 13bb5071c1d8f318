/**
 * The language of every message the user sees: Chinese by default, English with --lang en. It is
 * set once, before a command runs (bin.ts reads --lang from the command line), so every module
 * can phrase its messages with `t(zh, en)` without passing the language around.
 */
export type Lang = "zh" | "en";

let current: Lang = "zh";

export const setLang = (lang: Lang) => {
  current = lang;
};

export const lang = (): Lang => current;

/** The message in the current language. */
export const t = (zh: string, en: string): string => (current === "zh" ? zh : en);

/** An English count with its noun: "1 file", "2 files" (`many` for irregular plurals). */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The language asked for on a command line (`--lang en`, `--lang=en`); Chinese otherwise. */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    if (a === "--lang") return argv[i + 1] === "en" ? "en" : "zh";
    if (a === "--lang=en") return "en";
  }
  return "zh";
}

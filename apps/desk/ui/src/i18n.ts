/**
 * The UI's language: Chinese by default, English from the switch in the header (kept in
 * localStorage). The App re-renders the whole tree when it changes, so `t` can read a module value.
 */
export type Lang = "zh" | "en";

const read = (): Lang => {
  try {
    return localStorage.getItem("gr-desk-lang") === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
};

let current: Lang = read();

export const lang = (): Lang => current;

export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem("gr-desk-lang", l);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  document.documentElement.lang = l === "zh" ? "zh-CN" : "en";
}

export const t = (zh: string, en: string): string => (current === "zh" ? zh : en);

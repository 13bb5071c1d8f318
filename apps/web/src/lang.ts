/** The language choice, kept in localStorage (a convenience: losing it is harmless). */
import type { Lang } from "./model/labels.js";

const LANG_KEY = "gov-report:web:lang";

export function loadLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Nothing to do: the page keeps the language until it is reloaded.
  }
}

/** The draft in localStorage: written on every change, read back on load. */
import { type Draft, restoreDraft } from "./model/draft.js";
import type { Lang } from "./model/labels.js";

const DRAFT_KEY = "gov-report:web:draft:v1";
const LANG_KEY = "gov-report:web:lang";

export type Restored = { kind: "none" } | { kind: "ok"; draft: Draft } | { kind: "corrupt" };

export function loadDraft(): Restored {
  let text: string | null;
  try {
    text = localStorage.getItem(DRAFT_KEY);
  } catch {
    return { kind: "none" };
  }
  if (text === null) return { kind: "none" };
  try {
    const draft = restoreDraft(JSON.parse(text));
    return draft ? { kind: "ok", draft } : { kind: "corrupt" };
  } catch {
    return { kind: "corrupt" };
  }
}

/** False when the browser refused (private mode, quota). */
export function storeDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

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
    // The language choice is a convenience; losing it is harmless.
  }
}

/** HTML escaping for text and attribute values: every string from a report passes through here. */
import { xmlSafe } from "./chars.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/g;

/**
 * Escapes text for an HTML text node or a quoted attribute value. Characters XML does not allow
 * (C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, as in every other output.
 */
export function escapeHtml(text: string): string {
  const safe = xmlSafe(text);
  // A quick test first: most cells and labels have nothing to escape.
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(safe)) return safe;
  SPECIAL.lastIndex = 0;
  return safe.replace(SPECIAL, (c) => ENTITIES[c] as string);
}

/** HTML escaping for text and attribute values: every string from a report passes through here. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/g;

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  // A quick test first: most cells and labels have nothing to escape.
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(text)) return text;
  SPECIAL.lastIndex = 0;
  return text.replace(SPECIAL, (c) => ENTITIES[c] as string);
}

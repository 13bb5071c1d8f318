/**
 * The one place where text from a report or a file name is made safe for a terminal. Such text can
 * carry escape sequences (`ESC ]0;title BEL` retitles the window, `ESC [2J` clears it), other C0
 * and C1 controls (a line break splits a table row), and bidirectional overrides that make the
 * text read differently from what it holds. Every command passes such strings through `clean`
 * before printing them; only the CLI's own colours (style.ts) add escapes.
 */

// ESC-introduced sequences first (CSI with parameters, OSC up to BEL or ST, two-character
// escapes), so that their parameters do not survive as visible garbage; then single characters.
// Each alternative consumes characters from distinct classes, so the pattern cannot backtrack.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]?|\u001b[@-_]?/g;
// C0 (except tab), DEL, C1, and the bidi controls: LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, ALM.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u061c]/g;

/** The text with escape sequences removed and other controls shown as spaces (tabs kept). */
export function clean(s: string): string {
  return s.replace(ESCAPES, "").replace(CONTROLS, " ");
}

/** Like `clean`, keeping line breaks: for multi-line text (a rendered report) sent to a terminal. */
export function cleanLines(s: string): string {
  return s
    .split("\n")
    .map((line) => clean(line.endsWith("\r") ? line.slice(0, -1) : line))
    .join("\n");
}

/** A value of unknown type as clean text for a message (never throws, never calls user code). */
export function cleanValue(v: unknown): string {
  return typeof v === "string" ? clean(v) : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

/**
 * Characters no writer passes on. XML 1.0 allows neither C0 controls (other than tab, line feed
 * and carriage return), nor lone surrogates, nor U+FFFE/U+FFFF: Word and expat reject a .docx that
 * holds one. Every writer (Word, HTML, Markdown, text) replaces them with U+FFFD, the same way, so
 * that a reader sees where something was and no output is refused. Text for a terminal also loses
 * DEL and the C1 controls (U+0080–U+009F, CSI among them), which XML allows but a terminal obeys.
 */

/** What a character no output may hold becomes. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

// In a `u` regex a surrogate pair is one code point, so the surrogate range matches lone halves only.
const NOT_XML = /[\u{0}-\u{8}\u{B}\u{C}\u{E}-\u{1F}\u{D800}-\u{DFFF}\u{FFFE}\u{FFFF}]/gu;
const NOT_TERMINAL = /[\u{0}-\u{8}\u{B}\u{C}\u{E}-\u{1F}\u{7F}-\u{9F}\u{D800}-\u{DFFF}\u{FFFE}\u{FFFF}]/gu;

/** The text with every character XML 1.0 does not allow replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  NOT_XML.lastIndex = 0;
  if (!NOT_XML.test(text)) return text;
  NOT_XML.lastIndex = 0;
  return text.replace(NOT_XML, REPLACEMENT_CHARACTER);
}

/** As xmlSafe, and DEL and the C1 controls too: text that reaches a terminal. */
export function terminalSafe(text: string): string {
  NOT_TERMINAL.lastIndex = 0;
  if (!NOT_TERMINAL.test(text)) return text;
  NOT_TERMINAL.lastIndex = 0;
  return text.replace(NOT_TERMINAL, REPLACEMENT_CHARACTER);
}

/** Line endings as text files write them: CR LF, LF, or a lone CR (old Mac files, some portals). */
export const LINE_BREAK = /\r\n|\n|\r/;

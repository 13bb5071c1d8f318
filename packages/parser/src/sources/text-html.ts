/**
 * Markdown or text that carries its tables as HTML — what PDF-to-Markdown converters write
 * (`<table><tr><td>规章</td><td>1</td>…</table>` between Markdown lines). Its tables are grids with
 * cells, so the text is read as a page: every other line a block of its own (one line for one, so
 * line numbers stay the text's), every table as the HTML reader reads one. Read as plain text,
 * the tags were words and a table's figures ran together.
 */

/** A table's start tag, its end tag. */
const OPEN = "<table";
const CLOSE = "</table>";

/** The text as an HTML page when it holds an HTML table with rows; undefined otherwise. */
export function embeddedTables(text: string): string | undefined {
  const lower = text.toLowerCase();
  const first = lower.indexOf(OPEN);
  if (first < 0 || lower.indexOf("<tr", first) < 0) return undefined;
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = lower.indexOf(OPEN, i);
    if (open < 0) {
      out.push(blocks(text.slice(i)));
      break;
    }
    const close = lower.indexOf(CLOSE, open);
    const end = close < 0 ? text.length : close + CLOSE.length;
    out.push(blocks(text.slice(i, open)), text.slice(open, end));
    i = end;
  }
  return out.join("");
}

/** Each line of text a paragraph of its own, the line breaks kept. */
function blocks(s: string): string {
  return s
    .split("\n")
    .map((l) => (l.trim() ? `<p>${l}</p>` : l))
    .join("\n");
}

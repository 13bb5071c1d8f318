/**
 * Strategy "page numbers": in a text extracted from a PDF with form feeds between its pages, a
 * figure printed alone on the first or last line of its page whose value is the number the
 * other pages' numbers give that page (`src/pages.ts`) is the page's bare number, not content: its
 * line is emptied (text, key and figure), as page furniture ("- 3 -") is dropped by the source. The
 * lines emptied are kept on the document (`pageNumberLines`): the reader says so where they fall
 * inside a table.
 */
import type { SourceDoc } from "../doc.js";
import { bareFigure, expectedPageNumber, pageOf } from "../pages.js";

/** The first and last line of each page: where a page's own number is printed. */
function edges(doc: SourceDoc): number[] {
  const pages = doc.pages ?? [];
  const out: number[] = [];
  pages.forEach((p, k) => {
    const end = pages[k + 1]?.start ?? doc.lines.length;
    if (end > p.start) out.push(p.start);
    if (end - 1 > p.start) out.push(end - 1);
  });
  return out;
}

export function pageNumbers(doc: SourceDoc): SourceDoc {
  if (!doc.pages || doc.positional) return doc;
  const emptied: { line: number; figure: string }[] = [];
  const pages = doc.pages.slice();
  for (const i of edges(doc)) {
    const t = bareFigure(doc.lines[i]);
    const page = pageOf(doc, i);
    if (!t || expectedPageNumber(doc, page) !== t.value) continue;
    emptied.push({ line: i, figure: t.text });
    // The page's number stays known to the readers, as furniture's does.
    pages[page] = { start: pages[page]?.start ?? i, printed: t.value as number };
  }
  if (!emptied.length) return doc;
  const lines = doc.lines.slice();
  for (const { line } of emptied) {
    const l = lines[line];
    if (l) lines[line] = { ...l, text: "", key: "", tokens: [] };
  }
  return { ...doc, lines, pages, pageNumberLines: emptied };
}

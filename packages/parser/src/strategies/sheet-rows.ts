/**
 * Rows of a table copied from a spreadsheet or a word processor as text: cells separated by tabs
 * (Excel, Word's copy of a table) or by commas (a CSV export). Every cell between two separators is
 * a column of the sheet, so a blank cell is an empty one between two separators. Which separator a
 * document uses is decided by the whole document, never by one line: a tab may only align a phrase,
 * and a comma may be a thousands separator ("447,228").
 */
import type { Line } from "../doc.js";
import { headingOf } from "../sections.js";
import { withoutEmphasis } from "./markdown-marks.js";

/** Lines that show the separator a document needs before its tables are read as a sheet's rows. */
const MIN_SHEET_ROWS = 3;
/** Longer than any row label of the format: a paragraph, not a label. */
const PARAGRAPH_KEY = 60;

const TAB = 9;
const COMMA = 44;
const QUOTE = 34;
const isIndent = (c: number) => c === TAB || c === 32 || c === 0x3000 || c === 0xa0;

/** Where a line's text starts: separators before it only indent a paragraph. */
function textStart(text: string): number {
  let i = 0;
  while (i < text.length && isIndent(text.charCodeAt(i))) i++;
  return i;
}

/** Tabs of a line after its text starts. */
function innerTabs(text: string): number {
  let tabs = 0;
  for (let i = textStart(text); i < text.length; i++) if (text.charCodeAt(i) === TAB) tabs++;
  return tabs;
}

/** A spreadsheet cell exported in quotes (`"a ""b"""` is `a "b"`). */
function unquoted(c: string): string {
  if (c.length < 2 || !c.startsWith('"') || !c.endsWith('"')) return c;
  return c.slice(1, -1).replaceAll('""', '"').trim();
}

/**
 * The cells of a tab-separated line: every cell between two tabs, leading ones too (the blank
 * cells under a merged label). Undefined for a line with no tab after its text starts.
 */
export function tabCells(text: string): string[] | undefined {
  if (innerTabs(text) === 0) return undefined;
  return text.split("\t").map((c) => withoutEmphasis(unquoted(c.trim())));
}

/**
 * The fields of a CSV line (RFC 4180 on one line: a quoted field may hold commas and doubled
 * quotes), in one forward scan. Undefined for a line with no comma outside quotes.
 */
export function csvCells(text: string): string[] | undefined {
  const cells: string[] = [];
  let field = "";
  let quoted = false;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) field += text[i];
      else if (text.charCodeAt(i + 1) === QUOTE) field += text[i++];
      else quoted = false;
    } else if (c === QUOTE && !field.trim()) {
      quoted = true;
      field = "";
    } else if (c === COMMA) {
      cells.push(withoutEmphasis(field.trim()));
      field = "";
      commas++;
    } else field += text[i];
  }
  cells.push(withoutEmphasis(field.trim()));
  return commas ? cells : undefined;
}

/**
 * A line only a CSV export prints: two commas or more outside quotes and an empty field (`规章,,,`,
 * `,,3.其他,108,2`). Figures with thousands separators never leave an empty field between commas.
 */
function isCsvEvidence(text: string): boolean {
  if (!text.includes(",")) return false;
  const cells = csvCells(text);
  return cells !== undefined && cells.length >= 3 && cells.some((c) => !c);
}

/**
 * The cells of each line of a document whose tables are a sheet's, undefined for a line that is not
 * one of its rows (or for every line, when its tables are not a sheet's): split by tabs when
 * several lines have two tabs or more between cells, else by commas when several lines are CSV
 * only (an empty field).
 */
export function sheetRows(lines: readonly Line[]): (string[] | undefined)[] | undefined {
  let tabRows = 0;
  let csvRows = 0;
  for (const l of lines) {
    if (innerTabs(l.text) >= 2 && ++tabRows >= MIN_SHEET_ROWS) return lines.map((x) => tabCells(x.text));
    if (csvRows < MIN_SHEET_ROWS && isCsvEvidence(l.text)) csvRows++;
  }
  return csvRows >= MIN_SHEET_ROWS ? csvSheetRows(lines) : undefined;
}

/** A field that may lead a figure with thousands separators left unquoted ("447" of "447,228"; never "0"). */
const isLead = (c: string) => /^[1-9]\d{0,2}$/.test(c);
/** A field that may be its next group of three digits ("228", the last may carry decimals: "171.6"). */
const isGroup = (c: string) => /^\d{3}(?:\.\d+)?$/.test(c);

/** Whether two fields of a CSV line may be one figure with its thousands separator unquoted. */
function mayBeThousands(cells: readonly string[]): boolean {
  for (let k = 1; k < cells.length; k++) if (isGroup(cells[k] as string) && isLead(cells[k - 1] as string)) return true;
  return false;
}

/** The fields with every run that may be one figure with thousands separators joined ("3,985,758"). */
function joinedThousands(cells: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < cells.length; ) {
    let j = k + 1;
    if (isLead(cells[k] as string))
      while (j < cells.length && isGroup(cells[j] as string) && !(cells[j - 1] as string).includes(".")) j++;
    out.push(cells.slice(k, j).join(","));
    k = j;
  }
  return out;
}

/**
 * The CSV rows of a document. A CSV export quotes a figure printed with thousands separators, but
 * a hand-made one may not: a line two of whose fields may be one such figure is read by the width
 * of the table, the field count of a line next to it that has none. As many fields: a row as it
 * is ("1,769" is two cells, 1 and 769); as many once such runs are joined: a row of those figures
 * ("447,228" is 447228); neither: a line of text.
 */
function csvSheetRows(lines: readonly Line[]): (string[] | undefined)[] {
  const cells = lines.map((l) => (l.text.includes(",") ? csvCells(l.text) : undefined));
  const sure = cells.map((c) => c !== undefined && !mayBeThousands(c));
  return cells.map((c, i) => {
    if (!c || sure[i]) return c;
    const widths = [i - 1, i + 1].filter((j) => sure[j]).map((j) => cells[j]?.length);
    if (widths.includes(c.length)) return c;
    const joined = joinedThousands(c);
    return widths.includes(joined.length) ? joined : undefined;
  });
}

/**
 * A section heading or a paragraph in a sheet's row, the other cells empty (a whole report copied
 * from a spreadsheet pads every line to the sheet's width), or a row with a paragraph-long cell (a
 * sentence with commas): text, not a table row.
 */
export function isSheetText(cells: readonly string[], key: string): boolean {
  let filled = 0;
  for (const c of cells) {
    if (c.length > PARAGRAPH_KEY) return true;
    if (c) filled++;
  }
  return filled === 1 && (key.length > PARAGRAPH_KEY || headingOf(key) !== undefined);
}

/**
 * Shape (b): Markdown written by OCR or AI converters from a PDF. The rows keep their printed order,
 * but the grid is lost: one small table per row or row group, generic column headers
 * (`| 类别 | 数据1 | … | 总计 |`), fake or partial header rows (a data row or a few abbreviated
 * column labels set as the header), rows without a label, a label one row early or late, long
 * labels broken across two rows, rows with extra cells (a piece of the vertical label in front, an
 * empty cell behind), page footers (`— 3 —`) and the table heading repeated inside the table.
 */
import { APPLICANT_COLUMNS, type Report, sectionDef } from "@gov-report/core";
import { documentLines, type Framing } from "./document.js";
import { type GridRow, type GridTable, ownLabel } from "./grid.js";
import { between, chance, pick, type Rand } from "./random.js";

const md = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const rule = (width: number) => md(Array.from({ length: width }, () => "---"));

/** A column label shortened as converters and small print do: 商业企业 → 商业, 社会公益组织 → 社会公益. */
export const abbreviate = (label: string): string =>
  label.length <= 3 ? label : label.slice(0, label.length > 4 ? 4 : 2);

/** `| 类别 | 数据1 | 数据2 | … | 总计 |`: a header naming nothing but the last column. */
function genericHeader(width: number, lastIsTotal: boolean): string[] {
  const cols = Array.from({ length: width }, (_, i) => `数据${i + 1}`);
  const total = APPLICANT_COLUMNS[APPLICANT_COLUMNS.length - 1];
  if (lastIsTotal && total) cols[width - 1] = total.zh;
  return ["类别", ...cols];
}

/** A header over only some columns: `| 自然人 | 商业 | 科研 | 总计 |` over seven figures. */
function partialHeader(table: GridTable, rand: Rand): string[] {
  const leaves = table.columns.map((c) => abbreviate(c[c.length - 1] as string));
  const keep = leaves.filter((_, i) => i === 0 || i === leaves.length - 1 || chance(rand, 0.4));
  return keep;
}

function figureCells(row: GridRow, rand: Rand, blankZeros: number): string[] {
  return row.cells.map((c) => (c.value === 0 && chance(rand, blankZeros) ? "" : c.text));
}

export type RowStyle = "plain" | "unlabelled" | "early" | "late" | "broken" | "extra-front" | "extra-back";

/** How a document mangles its tables: the mix of the converters seen, or one fault made frequent. */
export interface OcrOptions {
  /** Chance that a row with figures is printed in a style other than plain. */
  styled: number;
  /** Styles drawn for a labelled row (repeat one to weight it); absent: every style. */
  styles?: readonly RowStyle[];
  /** Chance of a page break (footer, sometimes the heading again) after a small table. */
  pageBreaks: number;
}

export const OCR_MIX: OcrOptions = { styled: 0.45, pageBreaks: 0.15 };

/** Styles that apply to the row: a broken label needs a long one, a vertical piece a category. */
function applicable(row: GridRow, style: RowStyle): boolean {
  if (style === "extra-front") return row.labels.length > 1;
  if (style === "broken") return ownLabel(row).length > 14;
  return true;
}

function rowStyle(row: GridRow, rand: Rand, options: OcrOptions): RowStyle {
  if (!row.cells.length || !chance(rand, options.styled)) return "plain";
  // 表四's one row has no label to lose or move.
  if (!row.labels.length) return chance(rand, 0.5) ? "extra-back" : "plain";
  if (options.styles) {
    const styles = options.styles.filter((s) => applicable(row, s));
    return styles.length ? pick(rand, styles) : "plain";
  }
  const styles: RowStyle[] = ["unlabelled", "early", "late", "extra-back"];
  if (row.labels.length > 1) styles.push("extra-front");
  if (ownLabel(row).length > 14) styles.push("broken", "broken");
  return pick(rand, styles);
}

/** The Markdown lines of one table row in the given style. */
function styledRow(row: GridRow, style: RowStyle, rand: Rand, blankZeros: number): string[] {
  const label = ownLabel(row);
  const figs = row.cells.length ? figureCells(row, rand, blankZeros) : [];
  const empty = figs.map(() => "");
  const labelCell = row.labels.length ? [label] : [];
  switch (style) {
    case "unlabelled":
      return [md(["", ...figs])];
    case "early":
      return [md([label, ...empty]), md(["", ...figs])];
    case "late":
      return [md(["", ...figs]), md([label, ...empty])];
    case "broken": {
      const cut = between(rand, Math.floor(label.length / 2), label.length - 2);
      return [md([label.slice(0, cut), ...figs]), md([label.slice(cut), ...empty])];
    }
    case "extra-front": {
      // A piece of the vertical label of the row's category, printed one or two characters a line.
      const outer = row.labels[row.labels.length - 2] ?? "";
      return [md([outer.slice(0, between(rand, 1, 3)), label, ...figs])];
    }
    case "extra-back":
      return [md([...labelCell, ...figs, ""])];
    default:
      return [md([...labelCell, ...figs])];
  }
}

/** The header of one small table: generic, partial, the real one, or its first data row. */
function smallHeader(table: GridTable, first: GridRow | undefined, rand: Rand): { lines: string[]; used: boolean } {
  const width = table.columns.length;
  const r = rand();
  if (r < 0.35)
    return { lines: [md(genericHeader(width, table.section === "applications")), rule(width + 1)], used: false };
  if (r < 0.55) {
    const header = partialHeader(table, rand);
    return { lines: [md(header), rule(header.length)], used: false };
  }
  const label = table.corner === undefined ? [] : [ownLabel(first ?? { labels: [], cells: [] })];
  if (r < 0.75 && first?.cells.length) {
    const row = md([...label, ...first.cells.map((c) => c.text)]);
    return { lines: [row, rule(width + label.length)], used: true };
  }
  const leaves = table.columns.map((c) => c[c.length - 1] as string);
  const corner = table.corner === undefined ? [] : [table.corner];
  return { lines: [md([...corner, ...leaves]), rule(width + corner.length)], used: false };
}

interface OcrState {
  page: number;
}

/** A page break inside a table: the footer, sometimes the table heading again. */
function pageBreak(table: GridTable, state: OcrState, rand: Rand): string[] {
  state.page++;
  const lines = ["", `— ${state.page} —`, ""];
  if (chance(rand, 0.5)) lines.push(sectionDef(table.section).heading, "");
  return lines;
}

/** One table of the report as several small Markdown tables. */
export function ocrTable(
  table: GridTable,
  state: OcrState,
  rand: Rand,
  blankZeros: number,
  options: OcrOptions = OCR_MIX,
): string[] {
  const lines: string[] = table.caption ? [table.caption, ""] : [];
  const rows = table.rows.filter((r) => r.cells.length || chance(rand, 0.5));
  let i = 0;
  while (i < rows.length) {
    const size = Math.min(rows.length - i, between(rand, 1, 5));
    const group = rows.slice(i, i + size);
    const head = smallHeader(table, group[0], rand);
    lines.push(...head.lines);
    for (const row of head.used ? group.slice(1) : group)
      lines.push(...styledRow(row, rowStyle(row, rand, options), rand, blankZeros));
    i += size;
    if (i < rows.length && chance(rand, options.pageBreaks)) lines.push(...pageBreak(table, state, rand));
    else lines.push("");
  }
  return lines;
}

/** The whole report as OCR Markdown. */
export function ocrDocument(report: Report, frame: Framing, rand: Rand, options: OcrOptions = OCR_MIX): string {
  const state: OcrState = { page: between(rand, 1, 3) };
  const blankZeros = chance(rand, 0.5) ? 0.6 : 0;
  const heading = pick(rand, [(t: string) => `## ${t}`, (t: string) => `**${t}**`, (t: string) => t]);
  const lines = documentLines(report, frame, {
    title: (t) => `# ${t}`,
    heading,
    tables: (tables) => tables.flatMap((t) => ocrTable(t, state, rand, blankZeros, options)),
  });
  return `${lines.join("\n")}\n`;
}

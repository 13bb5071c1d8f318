/**
 * renderText: the report as plain text for a terminal. Tables are aligned by display width (CJK
 * characters take two columns), labels spanning columns are centred over them, and long row labels
 * wrap inside their column.
 */
import type { Report, ValidationIssue } from "@gov-report/core/lite";
import { displayWidth } from "@gov-report/core/lite";
import { type Annotations, annotationsOf, ISSUE_WORDS } from "./annotations.js";
import { terminalSafe } from "./chars.js";
import { type FlatSegment, flatSections, valueText } from "./flat.js";
import { editionLayout, layoutEditionOf, paragraphsOf, reportTitle, signatureOf } from "./layout.js";
import { type CellMarks, cellMarks, markLegend } from "./marks.js";

export interface TextOptions {
  /** Mark cells with validation issues ("0 [2]" refers to issue 2) and list the issues at the end. */
  annotate?: boolean;
  /** Widest the row-label column gets before its labels wrap (display columns, default 40). */
  labelWidth?: number;
}

/**
 * Report text as one terminal line: no control or escape sequence (each becomes U+FFFD) and no
 * line break of any kind (a lone CR would return the cursor and overprint the line).
 */
const oneLine = (text: string) => terminalSafe(text).replace(/\r\n|\n|\r/g, " ");

const INDENT = 2;
/** Header labels wider than this (display columns) wrap inside their column. */
const HEADER_WRAP = 4;
const WIDE_HEADER_WRAP = 16;

/** Splits text into lines of at most `width` display columns (never splitting a character). */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > width && line) {
      lines.push(line);
      line = "";
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

const padEnd = (s: string, width: number) => s + " ".repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(s))) + s;
function center(s: string, width: number): string {
  const room = Math.max(0, width - displayWidth(s));
  const left = Math.floor(room / 2);
  return " ".repeat(left) + s + " ".repeat(room - left);
}

/** Issue numbers (1-based, in list order) per cell id, for the "[n]" markers. */
function issueNumbers(notes: Annotations | undefined): Map<string, number[]> {
  const map = new Map<string, number[]>();
  notes?.issues.forEach((issue, i) => {
    const id = issue.path.join(".");
    map.set(id, [...(map.get(id) ?? []), i + 1]);
  });
  return map;
}

/** Widths of the value columns: each fits its values and its header (wrapped beyond a bound). */
function valueWidths(seg: FlatSegment, cellText: readonly string[][]): number[] {
  const widths = new Array<number>(seg.columnCount).fill(2);
  // Few columns (表二's blocks) leave room for headers on one line.
  const wrapAt = seg.columnCount <= 3 ? WIDE_HEADER_WRAP : HEADER_WRAP;
  for (const line of seg.headerLines) {
    for (const h of line) {
      if (h.from === h.to) widths[h.from] = Math.max(widths[h.from] as number, Math.min(wrapAt, displayWidth(h.text)));
    }
  }
  for (const row of cellText) {
    row.forEach((t, i) => {
      widths[i] = Math.max(widths[i] as number, displayWidth(t));
    });
  }
  return widths;
}

/**
 * The header's physical lines (without the label column): each header line becomes as many lines
 * as its most wrapped label needs, short labels on the last, next to the labels they head.
 */
function headerText(seg: FlatSegment, widths: readonly number[]): string[] {
  const spanWidth = (from: number, to: number) => {
    let w = 0;
    for (let i = from; i <= to; i++) w += widths[i] as number;
    return w + (to - from) * 3;
  };
  const physical: string[] = [];
  for (const line of seg.headerLines) {
    const cells = [...line]
      .sort((a, b) => a.from - b.from)
      .map((h) => ({ h, lines: wrapToWidth(h.text, spanWidth(h.from, h.to)) }));
    const height = Math.max(1, ...cells.map((c) => c.lines.length));
    for (let k = 0; k < height; k++) {
      let s = "";
      let col = 0;
      for (const { h, lines } of cells) {
        for (; col < h.from; col++) s += `| ${" ".repeat(widths[col] as number)} `;
        const offset = height - lines.length;
        s += `| ${center(k >= offset ? (lines[k - offset] ?? "") : "", spanWidth(h.from, h.to))} `;
        col = h.to + 1;
      }
      for (; col < seg.columnCount; col++) s += `| ${" ".repeat(widths[col] as number)} `;
      physical.push(`${s}|`);
    }
  }
  return physical;
}

interface Marks {
  /** Issue numbers per cell id (annotated renders). */
  issues: Map<string, number[]>;
  /** Cells whose value is not known. */
  cells: CellMarks;
}

function renderSegment(seg: FlatSegment, report: Report, marks: Marks, maxLabel: number): string[] {
  const cellText = seg.rows.map((row) =>
    row.fields.map((f) => {
      if (!f) return "";
      const v = oneLine(valueText(report, f, marks.cells));
      const n = marks.issues.get(f.id);
      return n ? `${v} [${n.join(",")}]` : v;
    }),
  );
  // Row-label column: as wide as the longest label (indent included), within the cap; none at
  // all when the table has no row labels (表四).
  let labelWidth = 0;
  for (const row of seg.rows) labelWidth = Math.max(labelWidth, row.depth * INDENT + displayWidth(row.label));
  for (const c of seg.cornerLabels) labelWidth = Math.max(labelWidth, Math.min(displayWidth(c), 16));
  labelWidth = Math.min(labelWidth, maxLabel);
  const hasLabels = labelWidth > 0;
  const widths = valueWidths(seg, cellText);
  const labelPart = (text: string) => (hasLabels ? `| ${padEnd(text, labelWidth)} ` : "");
  const rule = `${hasLabels ? `+${"-".repeat(labelWidth + 2)}` : ""}${widths.map((w) => `+${"-".repeat(w + 2)}`).join("")}+`;
  const out: string[] = [];
  if (seg.caption) out.push(seg.caption);
  out.push(rule);
  // The corner labels wrap down the label column beside the header lines.
  const physical = headerText(seg, widths);
  const corner = seg.cornerLabels.flatMap((c) => wrapToWidth(c, labelWidth));
  const blankHeader = `${widths.map((w) => `| ${" ".repeat(w)} `).join("")}|`;
  const headerCount = Math.max(physical.length, corner.length);
  for (let i = 0; i < headerCount; i++) out.push(labelPart(corner[i] ?? "") + (physical[i] ?? blankHeader));
  if (headerCount) out.push(rule);
  seg.rows.forEach((row, r) => {
    const indent = " ".repeat(row.depth * INDENT);
    const labelLines = wrapToWidth(row.label, Math.max(4, labelWidth - indent.length)).map((l) => indent + l);
    labelLines.forEach((l, i) => {
      const values = (cellText[r] ?? []).map((t, c) => `| ${padStart(i === 0 ? t : "", widths[c] as number)} `);
      out.push(`${labelPart(l)}${values.join("")}|`);
    });
  });
  out.push(rule);
  return out;
}

function issueLines(issues: readonly ValidationIssue[]): string[] {
  if (!issues.length) return [ISSUE_WORDS.heading.zh, ISSUE_WORDS.none.zh];
  return [
    ISSUE_WORDS.heading.zh,
    ...issues.map((i, n) => `[${n + 1}] ${ISSUE_WORDS[i.severity].zh}：${oneLine(i.message)}`),
  ];
}

/** A line of a printed table: its row or its rule ends at the table's right edge. */
const isTableLine = (l: string) => l.endsWith("|") || l.endsWith("+");

/**
 * The signature (落款) right-aligned, as published reports print it: flush with the tables' right
 * edge (the paragraphs are one line each however long, so they do not count), at least 40 columns.
 */
function signatureLines(report: Report, printed: readonly string[]): string[] {
  const lines = signatureOf(report);
  if (!lines) return [];
  let width = 40;
  for (const l of printed) if (isTableLine(l)) width = Math.max(width, displayWidth(l));
  const text = [lines.agency, lines.date].filter(Boolean).map(oneLine);
  return [...text.map((t) => padStart(t, width)), ""];
}

/** Renders a report as plain text with aligned tables, readable in a terminal. */
export function renderText(report: Report, options: TextOptions = {}): string {
  const notes = options.annotate ? annotationsOf(report) : undefined;
  const edition = layoutEditionOf(report);
  const marks: Marks = { issues: issueNumbers(notes), cells: cellMarks(report, editionLayout(edition).fields) };
  const maxLabel = options.labelWidth ?? 40;
  const out: string[] = [oneLine(reportTitle(report)), ""];
  for (const s of flatSections(edition)) {
    out.push(s.heading);
    if (s.segments) {
      for (const seg of s.segments) out.push(...renderSegment(seg, report, marks, maxLabel));
    } else {
      for (const p of paragraphsOf((report as unknown as Record<string, unknown>)[s.textKey as string])) {
        out.push(`　　${oneLine(p)}`);
      }
    }
    out.push("");
  }
  out.push(...signatureLines(report, out));
  const legend = markLegend(marks.cells);
  if (legend) out.push(legend, "");
  if (notes) out.push(...issueLines(notes.issues), "");
  return out.join("\n");
}

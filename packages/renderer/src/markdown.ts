/**
 * renderMarkdown: the report as GitHub-flavoured Markdown. Markdown tables cannot merge cells, so
 * each table is flattened: 表二's blocks become one table each, spanning header labels are joined
 * into each column's header ("法人或其他组织·商业企业"), and labels spanning rows become group rows.
 */
import type { Report } from "@gov-report/core/lite";
import { annotationsOf, ISSUE_WORDS } from "./annotations.js";
import { xmlSafe } from "./chars.js";
import { escapeHtml } from "./escape.js";
import { type FlatSegment, flatSections, valueText } from "./flat.js";
import { editionLayout, layoutEditionOf, paragraphsOf, reportTitle, signatureOf } from "./layout.js";
import { type CellMarks, cellMarks, markLegend } from "./marks.js";

export interface MarkdownOptions {
  /** Mark cells with validation issues ("0 \[2\]" refers to issue 2) and list the issues at the end. */
  annotate?: boolean;
}

const INLINE = /[\\`*_[\]<>&|~]/g;
const INLINE_ESCAPES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
/** Every line ending Markdown knows: CR LF, LF and a lone CR all end a line (CommonMark 2.1). */
const LINE_BREAKS = /\r\n|\n|\r/g;

/**
 * Escapes text inside a line (a table cell, a heading): no emphasis, links, HTML or cell breaks,
 * and no line break of any kind (one would end the heading or the table row): each becomes a space.
 */
const escapeInline = (text: string) =>
  xmlSafe(text)
    .replace(LINE_BREAKS, " ")
    .replace(INLINE, (c) => INLINE_ESCAPES[c] ?? `\\${c}`);

/** Escapes a line of text so Markdown shows it literally: inline marks, and block marks at its start. */
export function escapeMarkdown(text: string): string {
  const inline = escapeInline(text);
  // Characters that start a block (heading, quote, list, rule) only matter at the start of a line.
  const lead = /^(\s*)([#>+=-]|\d+(?=[.)]))/.exec(inline);
  if (!lead) return inline;
  const [all, space, mark] = lead as unknown as [string, string, string];
  if (/^\d+$/.test(mark)) return `${space}${mark}\\${inline.slice(all.length)}`;
  return `${space}\\${mark}${inline.slice(all.length)}`;
}

function columnHeaders(seg: FlatSegment): string[] {
  const parts: string[][] = Array.from({ length: seg.columnCount }, () => []);
  const dropSpanAll = seg.columnCount > 1 && seg.headerLines.length > 1;
  for (const line of seg.headerLines) {
    for (const h of line) {
      if (dropSpanAll && h.from === 0 && h.to === seg.columnCount - 1) continue;
      for (let c = h.from; c <= h.to; c++) parts[c]?.push(h.text);
    }
  }
  return parts.map((p) => p.join("·"));
}

function segmentTable(seg: FlatSegment, report: Report, marks: Map<string, number[]>, cells: CellMarks): string[] {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const out: string[] = [];
  if (seg.caption) out.push(`**${escapeInline(seg.caption)}**`, "");
  out.push(row([seg.cornerLabels.map(escapeInline).join(" "), ...columnHeaders(seg).map(escapeInline)]));
  out.push(row(["---", ...new Array<string>(seg.columnCount).fill("---:")]));
  for (const r of seg.rows) {
    const label = "　".repeat(r.depth) + escapeInline(r.label);
    const values = r.fields.map((f) => {
      if (!f) return "";
      const n = marks.get(f.id);
      const v = escapeInline(valueText(report, f, cells));
      return n ? `${v} \\[${n.join(",")}\\]` : v;
    });
    out.push(row([r.group ? `**${label}**` : label, ...values]));
  }
  out.push("");
  return out;
}

/**
 * The signature (落款) right-aligned as published reports print it. Markdown has no alignment, so
 * this is an HTML block (GitHub and most renderers keep `align`), its text HTML-escaped.
 */
function signatureBlock(report: Report): string[] {
  const lines = signatureOf(report);
  if (!lines) return [];
  const text = [lines.agency, lines.date].filter(Boolean).map((l) => escapeHtml(l.replace(LINE_BREAKS, " ")));
  return [`<p align="right">${text.join("<br>")}</p>`, ""];
}

/** Renders a report as Markdown (headings, paragraphs, one table per table or 表二 block). */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const notes = options.annotate ? annotationsOf(report) : undefined;
  const marks = new Map<string, number[]>();
  notes?.issues.forEach((issue, i) => {
    const id = issue.path.join(".");
    marks.set(id, [...(marks.get(id) ?? []), i + 1]);
  });
  const edition = layoutEditionOf(report);
  const cells = cellMarks(report, editionLayout(edition).fields);
  const out: string[] = [`# ${escapeMarkdown(reportTitle(report))}`, ""];
  for (const s of flatSections(edition)) {
    out.push(`## ${escapeMarkdown(s.heading)}`, "");
    if (s.segments) {
      for (const seg of s.segments) out.push(...segmentTable(seg, report, marks, cells));
    } else {
      for (const p of paragraphsOf((report as unknown as Record<string, unknown>)[s.textKey as string])) {
        out.push(escapeMarkdown(p), "");
      }
    }
  }
  out.push(...signatureBlock(report));
  const legend = markLegend(cells);
  if (legend) out.push(escapeMarkdown(legend), "");
  if (notes) {
    out.push(`## ${ISSUE_WORDS.heading.zh}`, "");
    if (!notes.issues.length) out.push(ISSUE_WORDS.none.zh, "");
    notes.issues.forEach((i, n) => {
      out.push(`${n + 1}. **${ISSUE_WORDS[i.severity].zh}**：${escapeMarkdown(i.message)}`);
    });
    if (notes.issues.length) out.push("");
  }
  return out.join("\n");
}

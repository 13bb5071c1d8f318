/**
 * renderHtml: the report as the official format prints it. Each edition's tables are compiled once
 * into static HTML chunks with a slot per value cell; a render only fills the slots, which keeps
 * it fast enough to run on every keystroke of a form or over thousands of reports.
 */
import { type Edition, getAt, type Report, type ValidationIssue } from "@gov-report/core/lite";
import { type Annotations, annotationsOf, ISSUE_WORDS, severityOf } from "./annotations.js";
import { escapeHtml } from "./escape.js";
import { formatValue } from "./format.js";
import { columnWeights, gridOf } from "./grid.js";
import {
  editionLayout,
  type FieldMeta,
  layoutEditionOf,
  paragraphsOf,
  reportTitle,
  signatureOf,
  type TableMeta,
} from "./layout.js";
import { type CellMarks, cellMarks, markLegend } from "./marks.js";
import { MARK_CSS, REPORT_CSS } from "./styles.js";

export interface HtmlOptions {
  /** Return only the `<article class="gov-report">` element (no document, no stylesheet). */
  fragment?: boolean;
  /** Mark the cells with validation issues and list the issues after the report. */
  annotate?: boolean;
}

interface ValueSlot {
  field: FieldMeta;
  /** rowspan/colspan attributes. */
  spans: string;
  /** The opening `<td …>` of an unmarked cell. */
  open: string;
}

type Part = string | ValueSlot;

interface CompiledSection {
  key: string;
  heading: string;
  /** Text sections: the report key of the narrative. */
  textKey?: string;
  /** Table sections: chunks and value slots. */
  parts?: Part[];
}

const compiled = new Map<Edition, CompiledSection[]>();

const spanAttrs = (rowspan: number, colspan: number) =>
  (rowspan > 1 ? ` rowspan="${rowspan}"` : "") + (colspan > 1 ? ` colspan="${colspan}"` : "");

function compileTable(table: TableMeta, fields: Record<string, FieldMeta>, sectionKey: string): Part[] {
  const grid = gridOf(table);
  const weights = columnWeights(grid);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts: Part[] = [];
  let chunk = `<table class="gr-table gr-${sectionKey}" data-table="${escapeHtml(table.id)}"><colgroup>`;
  for (const w of weights) chunk += `<col style="width:${((w / sum) * 100).toFixed(2)}%">`;
  chunk += "</colgroup>";
  // Header rows before the first data or caption row repeat on every printed page.
  const leadingHeaders = table.rows.findIndex((r) => r.kind !== "header");
  const theadEnd = leadingHeaders < 0 ? table.rows.length : leadingHeaders;
  if (theadEnd > 0) chunk += "<thead>";
  table.rows.forEach((row, r) => {
    if (r === theadEnd) chunk += `${theadEnd > 0 ? "</thead>" : ""}<tbody>`;
    chunk += `<tr class="gr-${row.kind}">`;
    for (const cell of row.cells) {
      const spans = spanAttrs(cell.rowspan, cell.colspan);
      if (cell.type === "label") {
        const scope =
          cell.role === "header"
            ? ` scope="${cell.colspan > 1 ? "colgroup" : "col"}"`
            : cell.role === "row"
              ? ` scope="${cell.rowspan > 1 ? "rowgroup" : "row"}"`
              : "";
        const group = cell.role === "row" && cell.rowspan > 1 ? " gr-group" : "";
        chunk += `<th class="gr-${cell.role}${group}"${scope}${spans}>${escapeHtml(cell.zh)}</th>`;
      } else {
        const field = fields[cell.field];
        if (!field) throw new Error(`form metadata names an unknown field ${cell.field}`);
        parts.push(chunk);
        chunk = "";
        parts.push({ field, spans, open: `<td class="gr-v"${spans} data-field="${escapeHtml(field.id)}">` });
      }
    }
    chunk += "</tr>";
  });
  chunk += theadEnd < table.rows.length ? "</tbody></table>" : "</thead></table>";
  parts.push(chunk);
  return parts;
}

function compile(edition: Edition): CompiledSection[] {
  const cached = compiled.get(edition);
  if (cached) return cached;
  const layout = editionLayout(edition);
  const sections = layout.sections.map((s): CompiledSection => {
    const heading = `<h2>${escapeHtml(s.heading)}</h2>`;
    if (s.kind === "table" && s.table) {
      return { key: s.key, heading, parts: compileTable(s.table, layout.fields, s.key) };
    }
    return { key: s.key, heading, textKey: s.field ?? s.key };
  });
  compiled.set(edition, sections);
  return sections;
}

/** Issue paths that belong to the signature. */
const SIGNATURE_KEYS = ["signature", "signature.agency", "signature.date"];

const cellAnchor = (id: string) => `gr-cell-${id.replace(/[^A-Za-z0-9_.-]/g, "_")}`;

function issueTitle(issues: readonly ValidationIssue[]): string {
  return escapeHtml(issues.map((i) => `${ISSUE_WORDS[i.severity].zh}：${i.message}`).join("\n"));
}

/** What a slot prints: the value, or the mark of a cell whose value is not known (class, tooltip). */
function slotContent(slot: ValueSlot, report: Report, marks: CellMarks) {
  const { field } = slot;
  const mark = marks.size ? marks.get(field.id) : undefined;
  if (!mark) {
    const value = formatValue(getAt(report, field.path), field.kind, field.constraints.maxDecimals);
    return { text: escapeHtml(value), cls: "", note: "" };
  }
  return { text: escapeHtml(mark.text), cls: ` gr-${mark.status}`, note: mark.note };
}

function renderSlot(slot: ValueSlot, report: Report, notes: Annotations | undefined, marks: CellMarks): string {
  const { field } = slot;
  const { text, cls, note } = slotContent(slot, report, marks);
  const dataField = ` data-field="${escapeHtml(field.id)}"`;
  const issues = notes?.byCell.get(field.id);
  if (issues) {
    const classes = `gr-v${cls} gr-issue gr-issue-${severityOf(issues)}`;
    return `<td class="${classes}"${slot.spans}${dataField} id="${cellAnchor(field.id)}" title="${issueTitle(issues)}">${text}</td>`;
  }
  const title = note ? ` title="${escapeHtml(note)}"` : "";
  if (notes?.related.has(field.id)) {
    return `<td class="gr-v${cls} gr-related"${slot.spans}${dataField}${title}>${text}</td>`;
  }
  if (note) return `<td class="gr-v${cls}"${slot.spans}${dataField}${title}>${text}</td>`;
  return `${slot.open}${text}</td>`;
}

function sectionIssueAttrs(keys: readonly string[], notes: Annotations | undefined): string {
  if (!notes) return "";
  const issues = keys.flatMap((k) => notes.byCell.get(k) ?? []);
  if (!issues.length) return "";
  return ` class="gr-issue gr-issue-${severityOf(issues)}" title="${issueTitle(issues)}"`;
}

function issueList(notes: Annotations): string {
  let out = `<section class="gr-issues"><h2>${ISSUE_WORDS.heading.zh}</h2>`;
  if (!notes.issues.length) return `${out}<p>${ISSUE_WORDS.none.zh}</p></section>`;
  out += "<ol>";
  for (const issue of notes.issues) {
    const id = issue.path.join(".");
    const sev = `<span class="gr-sev-${issue.severity}">${ISSUE_WORDS[issue.severity].zh}</span>`;
    const message = escapeHtml(issue.message);
    const body = notes.byCell.has(id) ? `<a href="#${cellAnchor(id)}">${message}</a>` : message;
    out += `<li data-code="${escapeHtml(issue.code)}">${sev} ${body}</li>`;
  }
  return `${out}</ol></section>`;
}

/** The signature (落款): agency and date right-aligned after the last section; nothing without one. */
function signatureHtml(report: Report, notes: Annotations | undefined): string {
  const lines = signatureOf(report);
  if (!lines) return "";
  const issues = notes ? SIGNATURE_KEYS.flatMap((k) => notes.byCell.get(k) ?? []) : [];
  const marked = issues.length ? ` gr-issue gr-issue-${severityOf(issues)}" title="${issueTitle(issues)}` : "";
  const ps = [lines.agency, lines.date].filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`);
  return `<section class="gr-signature${marked}" data-section="signature">${ps.join("")}</section>`;
}

/** The `<article>` of a report. */
function renderArticle(report: Report, options: HtmlOptions, edition: Edition, marks: CellMarks): string {
  const notes = options.annotate ? annotationsOf(report) : undefined;
  const title = escapeHtml(reportTitle(report));
  let out = `<article class="gov-report" lang="zh-CN" data-edition="${edition}"><h1${sectionIssueAttrs(["year", "agency.name", "agency", "edition", ""], notes)}>${title}</h1>`;
  for (const s of compile(edition)) {
    if (s.parts) {
      out += `<section class="gr-section" data-section="${s.key}">${s.heading}`;
      for (const p of s.parts) out += typeof p === "string" ? p : renderSlot(p, report, notes, marks);
      out += "</section>";
    } else {
      const key = s.textKey as string;
      out += `<section class="gr-section" data-section="${s.key}"${sectionIssueAttrs([key], notes)}>${s.heading}`;
      for (const p of paragraphsOf((report as unknown as Record<string, unknown>)[key])) {
        out += `<p>${escapeHtml(p)}</p>`;
      }
      out += "</section>";
    }
  }
  out += signatureHtml(report, notes);
  const legend = markLegend(marks);
  if (legend) out += `<p class="gr-legend">${escapeHtml(legend)}</p>`;
  if (notes) out += issueList(notes);
  return `${out}</article>`;
}

/**
 * Renders a report as HTML in the official layout: a standalone A4 document by default, or with
 * `fragment: true` only the report's `<article>` (style it with `REPORT_CSS`). Every string from
 * the report is escaped. With `annotate: true` cells with validation issues are marked (class and
 * tooltip) and the issues are listed after the report.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const edition = layoutEditionOf(report);
  const marks = cellMarks(report, editionLayout(edition).fields);
  const article = renderArticle(report, options, edition, marks);
  if (options.fragment) return article;
  const css = marks.size ? REPORT_CSS + MARK_CSS : REPORT_CSS;
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(reportTitle(report))}</title><style>${css}</style></head><body>${article}</body></html>\n`;
}

/**
 * The three tables of a report as printed rows of labels and figures, built from core's catalog
 * (labels, row order, columns) so that every shape generator lays out the same truth. A row with
 * no figures is a heading row (三、本年度办理结果, （三）不予公开 …), as the official form prints it.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATIONS_NOTE,
  applicationRows,
  type CellKind,
  getAt,
  type Path,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  REVIEW_OUTCOMES,
  type Report,
  type SectionKey,
  sectionDef,
} from "@gov-report/core";
import { formatValue } from "@gov-report/renderer";

export interface GridCell {
  path: Path;
  kind: CellKind;
  value: number;
  /** The figure as the official form prints it ("+3", "25.6835"). */
  text: string;
}

export interface GridRow {
  /** Printed labels from the outermost to the row's own; the last one is the row's label. */
  labels: string[];
  cells: GridCell[];
}

export interface GridTable {
  section: SectionKey;
  /** Caption above the table (表二's 第二十条第（一）项), or undefined. */
  caption?: string;
  /** Header cell above the row labels; undefined when the table has no label column (表四). */
  corner?: string;
  /** Column headers, outermost label first, one entry per value column. */
  columns: string[][];
  rows: GridRow[];
}

function cell(report: Report, path: Path, kind: CellKind, maxDecimals?: number): GridCell {
  const value = getAt(report, path) as number;
  return { path, kind, value, text: formatValue(value, kind, maxDecimals) };
}

function proactiveTables(report: Report): GridTable[] {
  return PROACTIVE_BLOCKS[report.edition].map((block) => ({
    section: "proactiveDisclosure" as const,
    caption: block.caption.zh,
    corner: block.contentHeader.zh,
    columns: block.columns.map((c) => [c.zh]),
    rows: block.rows.map((r) => ({
      labels: [r.zh],
      cells: block.columns.map((c) => cell(report, ["proactiveDisclosure", r.key, c.key], c.kind, c.maxDecimals)),
    })),
  }));
}

function applicationsTable(report: Report): GridTable {
  const rows: GridRow[] = [];
  const printedHeadings = new Set<string>();
  for (const r of applicationRows(report.edition)) {
    // Heading rows (L1 三、…, a category with items) print once, before their first item.
    for (const [depth, label] of r.labels.slice(0, -1).entries()) {
      if (printedHeadings.has(label.zh)) continue;
      printedHeadings.add(label.zh);
      rows.push({ labels: r.labels.slice(0, depth + 1).map((l) => l.zh), cells: [] });
    }
    rows.push({
      labels: r.labels.map((l) => l.zh),
      cells: APPLICANT_COLUMNS.map((c) => cell(report, ["applications", ...r.path, c.key], "count")),
    });
  }
  return {
    section: "applications",
    corner: APPLICATIONS_NOTE.zh,
    columns: APPLICANT_COLUMNS.map((c) => [...(c.group ? [c.group.zh] : []), c.zh]),
    rows,
  };
}

function reviewsTable(report: Report): GridTable {
  const columns: string[][] = [];
  const cells: GridCell[] = [];
  for (const g of REVIEW_GROUPS) {
    for (const o of REVIEW_OUTCOMES) {
      columns.push([...(g.parent ? [g.parent.zh] : []), g.zh, o.zh]);
      cells.push(cell(report, ["reviewsAndLawsuits", g.key, o.key], "count"));
    }
  }
  return { section: "reviewsAndLawsuits", columns, rows: [{ labels: [], cells }] };
}

/** Every printed table of the report, in document order. */
export function gridOf(report: Report): GridTable[] {
  return [...proactiveTables(report), applicationsTable(report), reviewsTable(report)];
}

/** The heading of a section as printed (一、总体情况). */
export const headingOf = (key: SectionKey): string => sectionDef(key).heading;

/** The report's own row label: the last printed label. */
export const ownLabel = (row: GridRow): string => row.labels[row.labels.length - 1] ?? "";

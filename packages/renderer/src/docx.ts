/**
 * renderDocx: the report as a Word document (.docx), because many agencies publish Word files.
 * Tables keep the official merged cells (w:gridSpan for colspan, w:vMerge for rowspan), header
 * rows repeat on each page and rows never split. `docx` is loaded on first use so that the main
 * entry stays light for pages that only need HTML. Every string passes through xmlSafe: a character
 * XML 1.0 does not allow (U+FFFE, a C0 control, a lone surrogate) would make Word refuse the file.
 * Browser-safe: neither this module nor `docx` (fflate and nanoid bundled in) imports a Node module.
 *
 * @packageDocumentation
 * @module \@gov-report/renderer/docx
 */
import { getAt, type Report } from "@gov-report/core/lite";
import { xmlSafe } from "./chars.js";
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
import { type CellMarks, cellMarks, cellText, markLegend } from "./marks.js";

type Docx = typeof import("docx");

/** A4 in twips, margins as the HTML print stylesheet (about 18 mm). */
const PAGE = { width: 11906, height: 16838, margin: 1020 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/**
 * The faces of official documents, by the names Word knows them by (docs/decisions/renderer-fonts.md):
 * 仿宋 body, 黑体 headings, 方正小标宋 title, Times New Roman for Latin letters and figures. Word
 * substitutes a font the reader lacks; none is bolded, as official documents set them.
 */
const SERIF = "仿宋";
const SANS = "黑体";
const TITLE = "方正小标宋简体";
const LATIN = "Times New Roman";
/** Sizes in half-points: 二号 title, 四号 headings, 小四 body, 五号 tables. */
const SIZE = { title: 36, heading: 28, body: 24, table: 19 };

/** Colour of a mark ("未读", "45/4?") in a value cell, as the HTML stylesheet shows it. */
const MARK_COLOR = "A00000";

function table(d: Docx, meta: TableMeta, fields: Record<string, FieldMeta>, report: Report, marks: CellMarks) {
  const grid = gridOf(meta);
  const weights = columnWeights(grid);
  const sum = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const line = { style: d.BorderStyle.SINGLE, size: 4, color: "000000" };
  const leadingHeaders = meta.rows.findIndex((r) => r.kind !== "header");
  const rows = meta.rows.map(
    (_row, r) =>
      new d.TableRow({
        cantSplit: true,
        tableHeader: leadingHeaders < 0 || r < leadingHeaders,
        children: (grid.rows[r] ?? []).map(({ cell, col }) => {
          let text: string;
          let alignment: (typeof d.AlignmentType)[keyof typeof d.AlignmentType] = d.AlignmentType.CENTER;
          let caption = false;
          let marked = false;
          if (cell.type === "label") {
            text = cell.zh;
            if (cell.role === "row" && cell.rowspan === 1) alignment = d.AlignmentType.LEFT;
            caption = cell.role === "caption";
          } else {
            const f = fields[cell.field];
            text = f ? xmlSafe(cellText(f, getAt(report, f.path), marks)) : "";
            marked = f !== undefined && marks.has(f.id);
          }
          let width = 0;
          for (let c = col; c < col + cell.colspan; c++) width += columnWidths[c] ?? 0;
          return new d.TableCell({
            children: [
              new d.Paragraph({
                alignment,
                children: [
                  new d.TextRun({
                    text,
                    size: SIZE.table,
                    ...(caption || marked ? { font: SANS } : {}),
                    ...(marked ? { color: MARK_COLOR } : {}),
                  }),
                ],
              }),
            ],
            verticalAlign: d.VerticalAlignTable.CENTER,
            width: { size: width, type: d.WidthType.DXA },
            ...(cell.colspan > 1 ? { columnSpan: cell.colspan } : {}),
            ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
          });
        }),
      }),
  );
  return new d.Table({
    rows,
    columnWidths,
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    layout: d.TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

type Block = InstanceType<Docx["Paragraph"]> | InstanceType<Docx["Table"]>;

/** The signature (落款) right-aligned under the last section, agency above date, as reports sign. */
function signature(d: Docx, report: Report): Block[] {
  const lines = signatureOf(report);
  if (!lines) return [];
  return [lines.agency, lines.date].map(
    (text, i) =>
      new d.Paragraph({
        alignment: d.AlignmentType.RIGHT,
        keepNext: i === 0,
        spacing: i === 0 ? { before: 480, line: 400 } : { line: 400 },
        children: [new d.TextRun({ text: xmlSafe(text) })],
      }),
  );
}

/** The legend of the marks of unread and ambiguous cells, after the signature; nothing without one. */
function legend(d: Docx, marks: CellMarks): Block[] {
  const text = markLegend(marks);
  if (!text) return [];
  return [new d.Paragraph({ spacing: { before: 480 }, children: [new d.TextRun({ text, size: SIZE.table })] })];
}

/** The title, the six sections (headings, narratives, tables), the signature and the legend, in order. */
function body(d: Docx, report: Report): Block[] {
  const layout = editionLayout(layoutEditionOf(report));
  const marks = cellMarks(report, layout.fields);
  const blocks: Block[] = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new d.TextRun({ text: xmlSafe(reportTitle(report)), size: SIZE.title, font: TITLE })],
    }),
  ];
  for (const s of layout.sections) {
    blocks.push(
      new d.Paragraph({
        keepNext: true,
        spacing: { before: 240, after: 120 },
        children: [new d.TextRun({ text: s.heading, size: SIZE.heading, font: SANS })],
      }),
    );
    if (s.kind === "table" && s.table) {
      blocks.push(table(d, s.table, layout.fields, report, marks));
      continue;
    }
    for (const p of paragraphsOf((report as unknown as Record<string, unknown>)[s.field ?? s.key])) {
      blocks.push(
        new d.Paragraph({
          indent: { firstLine: 2 * SIZE.body * 10 },
          alignment: d.AlignmentType.JUSTIFIED,
          spacing: { line: 400 },
          children: [new d.TextRun({ text: xmlSafe(p) })],
        }),
      );
    }
  }
  return [...blocks, ...signature(d, report), ...legend(d, marks)];
}

/** Renders a report as a .docx file (A4, official layout). Runs in browsers as in Node. */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const d: Docx = await import("docx");
  const doc = new d.Document({
    title: xmlSafe(reportTitle(report)),
    styles: {
      default: {
        document: {
          run: { font: { ascii: LATIN, hAnsi: LATIN, eastAsia: SERIF }, size: SIZE.body },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: 1247, bottom: 1134, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [new d.TextRun({ children: ["- ", d.PageNumber.CURRENT, " -"], size: 18 })],
              }),
            ],
          }),
        },
        children: body(d, report),
      },
    ],
  });
  return d.Packer.pack(doc, "uint8array");
}

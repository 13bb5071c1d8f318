/**
 * renderDocx: the report as a Word document (.docx), because many agencies publish Word files.
 * Tables keep the official merged cells (w:gridSpan for colspan, w:vMerge for rowspan), header
 * rows repeat on each page and rows never split. `docx` is loaded on first use so that the main
 * entry stays light for pages that only need HTML.
 */
import { getAt, type Report } from "@gov-report/core/lite";
import { formatValue } from "./format.js";
import { columnWeights, gridOf } from "./grid.js";
import { editionLayout, type FieldMeta, layoutEditionOf, paragraphsOf, reportTitle, type TableMeta } from "./layout.js";

type Docx = typeof import("docx");

/** A4 in twips, margins as the HTML print stylesheet (about 18 mm). */
const PAGE = { width: 11906, height: 16838, margin: 1020 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const SERIF = "SimSun";
const SANS = "SimHei";
/** Sizes in half-points: 二号 title, 四号 headings, 小四 body, 五号 tables. */
const SIZE = { title: 36, heading: 28, body: 24, table: 19 };

function table(d: Docx, meta: TableMeta, fields: Record<string, FieldMeta>, report: Report) {
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
          let bold = false;
          if (cell.type === "label") {
            text = cell.zh;
            if (cell.role === "row" && cell.rowspan === 1) alignment = d.AlignmentType.LEFT;
            bold = cell.role === "caption";
          } else {
            const f = fields[cell.field];
            text = f ? formatValue(getAt(report, f.path), f.kind, f.constraints.maxDecimals) : "";
          }
          let width = 0;
          for (let c = col; c < col + cell.colspan; c++) width += columnWidths[c] ?? 0;
          return new d.TableCell({
            children: [new d.Paragraph({ alignment, children: [new d.TextRun({ text, bold, size: SIZE.table })] })],
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

/** Renders a report as a .docx file (A4, official layout). */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const d: Docx = await import("docx");
  const layout = editionLayout(layoutEditionOf(report));
  const children: (InstanceType<Docx["Paragraph"]> | InstanceType<Docx["Table"]>)[] = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new d.TextRun({ text: reportTitle(report), bold: true, size: SIZE.title })],
    }),
  ];
  for (const s of layout.sections) {
    children.push(
      new d.Paragraph({
        keepNext: true,
        spacing: { before: 240, after: 120 },
        children: [new d.TextRun({ text: s.heading, bold: true, size: SIZE.heading, font: SANS })],
      }),
    );
    if (s.kind === "table" && s.table) {
      children.push(table(d, s.table, layout.fields, report));
      continue;
    }
    for (const p of paragraphsOf((report as unknown as Record<string, unknown>)[s.field ?? s.key])) {
      children.push(
        new d.Paragraph({
          indent: { firstLine: 2 * SIZE.body * 10 },
          alignment: d.AlignmentType.JUSTIFIED,
          spacing: { line: 400 },
          children: [new d.TextRun({ text: p })],
        }),
      );
    }
  }
  const doc = new d.Document({
    title: reportTitle(report),
    styles: {
      default: {
        document: {
          run: { font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: SERIF }, size: SIZE.body },
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
        children,
      },
    ],
  });
  return d.Packer.pack(doc, "uint8array");
}

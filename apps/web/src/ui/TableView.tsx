/** A table of the official format drawn from core's form metadata: header rows, captions, row labels, value cells. */
import { type EditionFormMeta, getAt, type LabelCellMeta, type TableMeta } from "@gov-report/core/lite";
import type { DraftReport } from "../model/draft.js";
import type { CellIssues } from "../model/issues.js";
import type { Lang } from "../model/labels.js";
import { formatCellValue, isSigned } from "../model/numbers.js";
import type { Derived } from "../store/derive.js";
import { type CellHandlers, NumberCell } from "./NumberCell.js";

export interface TableViewProps {
  table: TableMeta;
  meta: EditionFormMeta;
  report: DraftReport;
  issues: Map<string, CellIssues>;
  marks: Derived["marks"];
  entries: Readonly<Record<string, string>>;
  manualTotals: boolean;
  lang: Lang;
  names: Record<string, string>;
  formulas: Record<string, string>;
  handlers: CellHandlers;
}

function LabelCell({ cell, lang }: { cell: LabelCellMeta; lang: Lang }) {
  const text = lang === "en" ? cell.en : cell.zh;
  const scope =
    cell.role === "header" ? (cell.colspan > 1 ? "colgroup" : "col") : cell.role === "row" ? "row" : undefined;
  return (
    <th
      class={cell.role}
      scope={scope}
      rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
      colSpan={cell.colspan > 1 ? cell.colspan : undefined}
    >
      {text}
    </th>
  );
}

export function TableView(p: TableViewProps) {
  const { table, meta } = p;
  return (
    <table class={`grid t-${table.id}`} data-table={table.id}>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} class={row.kind}>
            {row.cells.map((cell, i) => {
              if (cell.type === "label") return <LabelCell key={`l${i}`} cell={cell} lang={p.lang} />;
              const field = meta.fields[cell.field];
              if (!field) return null;
              const isTotal = field.sumOf !== undefined;
              const issue = p.issues.get(cell.field);
              return (
                <NumberCell
                  key={cell.field}
                  field={cell.field}
                  text={p.entries[cell.field] ?? formatCellValue(getAt(p.report, field.path), field.constraints)}
                  signed={isSigned(field.constraints)}
                  integer={field.constraints.type === "integer"}
                  mark={p.marks.get(cell.field)}
                  readOnly={isTotal && !p.manualTotals}
                  name={p.names[cell.field] ?? field.label}
                  severity={issue?.severity}
                  message={issue?.text}
                  formula={isTotal ? p.formulas[cell.field] : undefined}
                  rowspan={cell.rowspan}
                  colspan={cell.colspan}
                  handlers={p.handlers}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

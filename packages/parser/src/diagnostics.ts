/** The diagnostic codes the parser emits, and a collector that builds them. */
import type { Diagnostic, Severity, SourceRef } from "./types.js";

/** Every code, with what it means (documented in the README). */
export const DIAGNOSTIC_CODES = {
  "input.unreadable": "The input cannot be read at all (corrupt or truncated PDF, encrypted PDF).",
  "input.no-text-layer": "The PDF has pages but no text layer: a scanned document (needs OCR).",
  "input.not-a-report": "No section heading and no table of the format was found.",
  "edition.inferred": "The edition was not evident from table 二's labels; taken from other evidence.",
  "edition.year-mismatch": "The edition the labels show is not the one the format prescribes for the year.",
  "year.inferred": "The year was not in the title; taken from 统计期限 or the text.",
  "year.missing": "No year found anywhere; the report year is a guess.",
  "agency.from-signature": "The title names no agency; it was taken from the signature at the end of the report.",
  "agency.from-preamble": "The agency name was taken from the first paragraph, not from the title.",
  "agency.missing": "The text never names the agency; agency.name is empty.",
  "section.missing": "A section heading was not found; its text is empty.",
  "table.missing": "A table was not found; its cells are 0.",
  "row.missing": "A row of a table was not found; its cells are 0.",
  "row.label-after":
    "A row's label was printed after its figures (plain PDF-to-text output); the figures were read as that row's.",
  "row.reordered":
    "Table 4's figures were printed in pieces out of order; the only order of the pieces in which every group total adds up was used.",
  "row.by-order": "A row's label was not recognised; its figures were assigned by their order.",
  "row.single-other":
    "A 2021-edition report prints the 2019 single （六）其他处理 row; its figures are in other.otherReasons.",
  "numbers.unassigned": "Figures in a table that belong to no recognised row were ignored.",
  "cell.blank": "A value cell is blank; read as 0.",
  "cell.dash": "A value cell holds a dash or 无; read as 0.",
  "cell.missing": "Fewer figures than columns; the missing ones are read as 0.",
  "cell.wrapped": "A figure printed over two lines in its cell (a narrow column) was joined; the row adds up.",
  "cell.extra": "More figures than columns; the extra ones were ignored.",
  "cell.position-unknown": "Fewer figures than columns and no positions to place them; placed in order.",
  "unit.yuan": "An amount was printed in 元 and converted to 万元 (÷10000).",
  "split.run-together": "Figures printed with no separator were split using the table's totals.",
  "split.ambiguous": "Figures printed with no separator admit several splits; the candidates are listed.",
  "split.impossible": "Figures printed with no separator admit no split consistent with the totals.",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(
    code: DiagnosticCode,
    severity: Severity,
    message: string,
    messageEn: string,
    extra: { path?: readonly (string | number)[]; source?: SourceRef | undefined; candidates?: number[][] } = {},
  ): void {
    this.list.push({
      code,
      severity,
      message,
      messageEn,
      ...(extra.path ? { path: [...extra.path] } : {}),
      ...(extra.source ? { source: extra.source } : {}),
      ...(extra.candidates ? { candidates: extra.candidates } : {}),
    });
  }

  has(code: DiagnosticCode): boolean {
    return this.list.some((d) => d.code === code);
  }
}

/**
 * Form metadata: a JSON-serializable description of the whole form, derived from the catalog, so
 * that anyone can draw the official tables (header rows with their rowspan/colspan as printed, an
 * input per value cell) without reading this code. `npm run generate` writes it to
 * generated/form-metadata.json.
 */
import {
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  APPLICATIONS_NOTE,
  applicationRows,
  type CellKind,
  EDITION_INFO,
  type Edition,
  type Label,
  LEGAL_PERSON_GROUP,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  REVIEW_HEADERS,
  REVIEW_OUTCOMES,
  SECTIONS,
  sectionDef,
  TOP_LEVEL_LABELS,
} from "./catalog.js";
import { type CellDef, cellAt, cellsOf } from "./cells.js";
import { RULE_CATALOG, type RuleDef } from "./rules.js";

/** Constraints on a field's value. */
export interface FieldConstraints {
  type: "integer" | "number" | "string";
  /** Smallest allowed value (absent for signed counts). */
  minimum?: number;
  /** Most decimals allowed (a warning beyond). */
  maxDecimals?: number;
}

/** One input of the form. */
export interface FieldMeta {
  /** Dot-joined model path: a stable id. */
  id: string;
  /** Key path in the report JSON. */
  path: (string | number)[];
  /** Printed labels from the table down to the column (Chinese). */
  labelPath: string[];
  /** How messages name it: "表三 （七）总计 · 自然人". */
  label: string;
  /** English label. */
  labelEn: string;
  kind: CellKind;
  constraints: FieldConstraints;
  /**
   * For 总计 cells: each formula (one per invariant) as the ids of the fields it adds up. The
   * first formula is the one a form uses to compute the total.
   */
  sumOf?: { rule: string; of: string[] }[];
}

/** A printed label cell of a table (header, caption or row label). */
export interface LabelCellMeta {
  type: "label";
  zh: string;
  en: string;
  /** 0-based row of the cell's top-left corner in the printed grid (counting spans). */
  row: number;
  /** 0-based column of the cell's top-left corner in the printed grid (counting spans). */
  col: number;
  rowspan: number;
  colspan: number;
  /** "header" for column headers, "row" for row labels, "caption" for block captions, "note" for 表三's corner. */
  role: "header" | "row" | "caption" | "note";
  /** Other forms real reports print instead of `zh` (the catalog's `variants`), when there are any. */
  variants?: string[];
}

/** A value cell of a table: the input of one field. */
export interface ValueCellMeta {
  type: "value";
  field: string;
  /** 0-based row of the cell in the printed grid. */
  row: number;
  /** 0-based column of the cell in the printed grid (counting spans). */
  col: number;
  rowspan: number;
  colspan: number;
}

export type TableCellMeta = LabelCellMeta | ValueCellMeta;

export interface TableRowMeta {
  /** "header" rows repeat on each printed page; "caption" starts a block of 表二. */
  kind: "header" | "caption" | "data";
  cells: TableCellMeta[];
}

export interface TableMeta {
  /** 表二, 表三, 表四. */
  id: string;
  columnCount: number;
  rows: TableRowMeta[];
}

export interface SectionMeta {
  key: string;
  number: string;
  heading: string;
  headingEn: string;
  kind: "text" | "table";
  /** For text sections: the field id of the text. */
  field?: string;
  table?: TableMeta;
}

/** A field outside the tables. */
export interface HeaderFieldMeta {
  id: string;
  path: string[];
  label: string;
  labelEn: string;
  /** `date`: an ISO date `YYYY-MM-DD`. */
  kind: "text" | "integer" | "edition" | "date";
  /** The field may be absent (the report's optional `signature`). */
  optional?: boolean;
}

export interface EditionFormMeta {
  edition: Edition;
  title: string;
  titleEn: string;
  document: string;
  years: string;
  /**
   * Fields outside the tables: edition, year, agency name, then the signature (落款) printed at the
   * end of the report — `optional` fields may be absent from a report (a draft has no signature).
   */
  header: HeaderFieldMeta[];
  sections: SectionMeta[];
  /** Every field of the edition, keyed by id, in printed order. */
  fields: Record<string, FieldMeta>;
}

export interface FormMetadata {
  /** Version of this metadata format; bumped on breaking changes. */
  formatVersion: 1;
  editions: Record<Edition, EditionFormMeta>;
  rules: RuleDef[];
}

// Cells are built without a position; `placeCells` gives every cell its row and col once a table's
// rows are complete, by the layout HTML uses for rowspan/colspan.
const label = (l: Label, role: LabelCellMeta["role"], rowspan = 1, colspan = 1): LabelCellMeta => ({
  type: "label",
  zh: l.zh,
  en: l.en,
  row: -1,
  col: -1,
  rowspan,
  colspan,
  role,
  ...(l.variants?.length ? { variants: [...l.variants] } : {}),
});

const value = (field: string, colspan = 1): ValueCellMeta => ({
  type: "value",
  field,
  row: -1,
  col: -1,
  rowspan: 1,
  colspan,
});

/**
 * Sets `row` and `col` of every cell: a cell goes to the first column of its row not already
 * covered by a cell from above (HTML table layout). Returns the table.
 */
function placeCells(table: TableMeta): TableMeta {
  const covered: boolean[][] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (covered[r]?.[c]) c++;
      cell.row = r;
      cell.col = c;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        const line = covered[r + dr] ?? [];
        covered[r + dr] = line;
        for (let dc = 0; dc < cell.colspan; dc++) line[c + dc] = true;
      }
      c += cell.colspan;
    }
  });
  return table;
}

function fieldMeta(cell: CellDef): FieldMeta {
  const constraints: FieldConstraints =
    cell.kind === "text"
      ? { type: "string" }
      : cell.kind === "amountWanYuan"
        ? { type: "number", minimum: 0, ...(cell.maxDecimals === undefined ? {} : { maxDecimals: cell.maxDecimals }) }
        : cell.kind === "signedCount"
          ? { type: "integer" }
          : { type: "integer", minimum: 0 };
  return {
    id: cell.id,
    path: [...cell.path],
    labelPath: [...cell.labelPath],
    label: cell.zh,
    labelEn: cell.en,
    kind: cell.kind,
    constraints,
    ...(cell.sums ? { sumOf: cell.sums.map((s) => ({ rule: s.rule, of: s.of.map((p) => p.join(".")) })) } : {}),
  };
}

function id(edition: Edition, path: string[]): string {
  const c = cellAt(edition, path);
  if (!c) throw new Error(`no cell ${path.join(".")} in ${edition}`);
  return c.id;
}

function proactiveTable(edition: Edition): TableMeta {
  const blocks = PROACTIVE_BLOCKS[edition];
  const columnCount = 1 + Math.max(...blocks.map((b) => b.columns.reduce((n, c) => n + c.span, 0)));
  const rows: TableRowMeta[] = [];
  for (const b of blocks) {
    rows.push({ kind: "caption", cells: [label(b.caption, "caption", 1, columnCount)] });
    rows.push({
      kind: "header",
      cells: [label(b.contentHeader, "header"), ...b.columns.map((c) => label(c, "header", 1, c.span))],
    });
    for (const r of b.rows) {
      rows.push({
        kind: "data",
        cells: [
          label(r, "row"),
          ...b.columns.map((c) => value(id(edition, ["proactiveDisclosure", r.key, c.key]), c.span)),
        ],
      });
    }
  }
  return placeCells({ id: sectionDef("proactiveDisclosure").table as string, columnCount, rows });
}

function applicationsTable(edition: Edition): TableMeta {
  const legal = APPLICANT_COLUMNS.filter((c) => c.group);
  const natural = APPLICANT_COLUMNS.find((c) => c.key === "naturalPerson") as Label;
  const total = APPLICANT_COLUMNS.find((c) => c.key === "total") as Label;
  const rows: TableRowMeta[] = [
    { kind: "header", cells: [label(APPLICATIONS_NOTE, "note", 3, 3), label(APPLICANT_HEADER, "header", 1, 7)] },
    {
      kind: "header",
      cells: [
        label(natural, "header", 2),
        label(LEGAL_PERSON_GROUP, "header", 1, legal.length),
        label(total, "header", 2),
      ],
    },
    { kind: "header", cells: legal.map((c) => label(c, "header")) },
  ];
  const defs = applicationRows(edition);
  const values = (path: readonly string[]) =>
    APPLICANT_COLUMNS.map((c) => value(id(edition, ["applications", ...path, c.key])));
  // Row labels: L1 spans every outcome row; a category spans its items.
  const outcomeCount = defs.filter((r) => r.path[0] === "outcomes").length;
  const categorySize = (cat: string) => defs.filter((r) => r.path[1] === cat && r.path.length === 3).length;
  let l1Done = false;
  const categoriesDone = new Set<string>();
  for (const r of defs) {
    const cells: TableCellMeta[] = [];
    if (r.path[0] !== "outcomes") {
      cells.push(label(r.labels[0] as Label, "row", 1, 3));
    } else {
      if (!l1Done) {
        cells.push(label(r.labels[0] as Label, "row", outcomeCount, 1));
        l1Done = true;
      }
      const cat = r.path[1] as string;
      if (r.path.length === 2) {
        cells.push(label(r.labels[1] as Label, "row", 1, 2));
      } else {
        if (!categoriesDone.has(cat)) {
          cells.push(label(r.labels[1] as Label, "row", categorySize(cat), 1));
          categoriesDone.add(cat);
        }
        cells.push(label(r.labels[2] as Label, "row"));
      }
    }
    cells.push(...values(r.path));
    rows.push({ kind: "data", cells });
  }
  return placeCells({ id: sectionDef("applications").table as string, columnCount: 10, rows });
}

function reviewsTable(edition: Edition): TableMeta {
  const parts = REVIEW_OUTCOMES;
  const [review, ...lawsuits] = REVIEW_GROUPS;
  const rows: TableRowMeta[] = [
    {
      kind: "header",
      cells: [
        label(REVIEW_HEADERS.review, "header", 1, parts.length),
        label(REVIEW_HEADERS.lawsuit, "header", 1, parts.length * 2),
      ],
    },
    {
      kind: "header",
      cells: [...parts.map((o) => label(o, "header", 2)), ...lawsuits.map((g) => label(g, "header", 1, parts.length))],
    },
    { kind: "header", cells: lawsuits.flatMap(() => parts.map((o) => label(o, "header"))) },
    {
      kind: "data",
      cells: [review, ...lawsuits].flatMap((g) =>
        parts.map((o) => value(id(edition, ["reviewsAndLawsuits", (g as { key: string }).key, o.key]))),
      ),
    },
  ];
  return placeCells({ id: sectionDef("reviewsAndLawsuits").table as string, columnCount: parts.length * 3, rows });
}

/** The fields outside the tables, both editions alike. */
function headerFields(): HeaderFieldMeta[] {
  const L = TOP_LEVEL_LABELS;
  const field = (id: string, l: Label, kind: HeaderFieldMeta["kind"], optional = false): HeaderFieldMeta => ({
    id,
    path: id.split("."),
    label: l.zh,
    labelEn: l.en,
    kind,
    ...(optional ? { optional } : {}),
  });
  return [
    field("edition", L.edition, "edition"),
    field("year", L.year, "integer"),
    field("agency.name", L.agencyName, "text"),
    field("signature.agency", L.signatureAgency, "text", true),
    field("signature.date", L.signatureDate, "date", true),
  ];
}

function editionForm(edition: Edition): EditionFormMeta {
  const info = EDITION_INFO[edition];
  const fields: Record<string, FieldMeta> = {};
  for (const c of cellsOf(edition)) fields[c.id] = fieldMeta(c);
  const tables: Record<string, () => TableMeta> = {
    proactiveDisclosure: () => proactiveTable(edition),
    applications: () => applicationsTable(edition),
    reviewsAndLawsuits: () => reviewsTable(edition),
  };
  return {
    edition,
    title: info.zh,
    titleEn: info.en,
    document: info.document,
    years: info.years,
    header: headerFields(),
    sections: SECTIONS.map((s) => ({
      key: s.key,
      number: s.number,
      heading: s.heading,
      headingEn: s.en,
      kind: s.kind,
      ...(s.kind === "text" ? { field: s.key } : { table: (tables[s.key] as () => TableMeta)() }),
    })),
    fields,
  };
}

/** Builds the form metadata of both editions. */
export function buildFormMetadata(): FormMetadata {
  return {
    formatVersion: 1,
    editions: { "2019": editionForm("2019"), "2021": editionForm("2021") },
    rules: [...RULE_CATALOG],
  };
}

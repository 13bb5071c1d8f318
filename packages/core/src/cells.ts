/**
 * Every value cell of the report, per edition, derived from the catalog: its model path, its
 * printed labels, its kind, and for 总计 cells the cells it sums. Validation, form metadata,
 * CSV export, aggregation and the parser all walk this list.
 */
import {
  APPLICANT_COLUMNS,
  applicationRows,
  type CellKind,
  EDITIONS,
  type Edition,
  type Label,
  PROACTIVE_BLOCKS,
  REVIEW_GROUPS,
  REVIEW_OUTCOMES,
  SECTIONS,
  type SectionKey,
  sectionDef,
} from "./catalog.js";
import { constraints } from "./constraints.js";

export type Path = readonly (string | number)[];

export interface SumDef {
  /** Rule code of the invariant this sum belongs to. */
  readonly rule: string;
  /** Paths of the cells that add up to this one. */
  readonly of: readonly Path[];
}

export interface CellDef {
  /** Key path from the report root, e.g. ["applications", "outcomes", "total", "naturalPerson"]. */
  readonly path: Path;
  /** `path` joined with dots: a stable id. */
  readonly id: string;
  readonly section: SectionKey;
  /** Printed labels from the table down to the column, e.g. ["表三", "三、本年度办理结果", "（七）总计", "自然人"]. */
  readonly labelPath: readonly string[];
  /** How messages name the cell: "表三 （七）总计 · 自然人". */
  readonly zh: string;
  readonly en: string;
  readonly kind: CellKind;
  readonly maxDecimals?: number;
  /**
   * For 总计 cells: the sum constraints (one per invariant) whose total this cell is, derived from
   * `constraints(edition)`; the first is the one that computes it.
   */
  readonly sums?: readonly SumDef[];
}

const pathId = (p: Path) => p.join(".");

/** The sums of each total cell, by cell id, from the edition's constraints. */
function sumsByTotal(edition: Edition): Map<string, SumDef[]> {
  const out = new Map<string, SumDef[]>();
  for (const c of constraints(edition)) {
    if (!c.total || !c.parts) continue;
    const id = pathId(c.total);
    out.set(id, [...(out.get(id) ?? []), { rule: c.code, of: c.parts }]);
  }
  return out;
}

function textCells(): CellDef[] {
  return SECTIONS.filter((s) => s.kind === "text").map((s) => ({
    path: [s.key],
    id: s.key,
    section: s.key,
    labelPath: [s.heading],
    zh: s.heading,
    en: s.en,
    kind: "text" as const,
  }));
}

function proactiveCells(edition: Edition): CellDef[] {
  const table = sectionDef("proactiveDisclosure").table as string;
  const out: CellDef[] = [];
  for (const block of PROACTIVE_BLOCKS[edition]) {
    for (const r of block.rows) {
      for (const c of block.columns) {
        const path = ["proactiveDisclosure", r.key, c.key];
        out.push({
          path,
          id: pathId(path),
          section: "proactiveDisclosure",
          labelPath: [table, block.caption.zh, r.zh, c.zh],
          zh: `${table} ${r.zh} · ${c.zh}`,
          en: `Table 2, ${r.en}: ${c.en}`,
          kind: c.kind,
          ...(c.maxDecimals === undefined ? {} : { maxDecimals: c.maxDecimals }),
        });
      }
    }
  }
  return out;
}

function applicationCells(edition: Edition, sums: Map<string, SumDef[]>): CellDef[] {
  const table = sectionDef("applications").table as string;
  const rows = applicationRows(edition);
  const out: CellDef[] = [];
  for (const r of rows) {
    const base = ["applications", ...r.path];
    // Messages name the row by its own labels, without the L1 label of 三、本年度办理结果.
    const rowName = (r.labels.length > 1 ? r.labels.slice(1) : r.labels).map((l) => l.zh).join(" ");
    for (const c of APPLICANT_COLUMNS) {
      const path = [...base, c.key];
      const formulas = sums.get(pathId(path));
      out.push({
        path,
        id: pathId(path),
        section: "applications",
        labelPath: [table, ...r.labels.map((l) => l.zh), ...(c.group ? [c.group.zh] : []), c.zh],
        zh: `${table} ${rowName} · ${c.zh}`,
        en: `Table 3, ${r.en}: ${c.en}`,
        kind: "count",
        ...(formulas ? { sums: formulas } : {}),
      });
    }
  }
  return out;
}

function reviewCells(sums: Map<string, SumDef[]>): CellDef[] {
  const table = sectionDef("reviewsAndLawsuits").table as string;
  const out: CellDef[] = [];
  for (const g of REVIEW_GROUPS) {
    const groupLabels = [...(g.parent ? [g.parent.zh] : []), g.zh];
    for (const o of REVIEW_OUTCOMES) {
      const path = ["reviewsAndLawsuits", g.key, o.key];
      out.push({
        path,
        id: pathId(path),
        section: "reviewsAndLawsuits",
        labelPath: [table, ...groupLabels, o.zh],
        zh: `${table} ${groupLabels.join(" ")} · ${o.zh}`,
        en: `Table 4, ${g.en}: ${o.en}`,
        kind: "count",
        ...(sums.has(pathId(path)) ? { sums: sums.get(pathId(path)) as SumDef[] } : {}),
      });
    }
  }
  return out;
}

function buildCells(edition: Edition): readonly CellDef[] {
  const text = textCells();
  const byKey = (k: SectionKey) => text.filter((c) => c.section === k);
  const sums = sumsByTotal(edition);
  return [
    ...byKey("overview"),
    ...proactiveCells(edition),
    ...applicationCells(edition, sums),
    ...reviewCells(sums),
    ...byKey("problemsAndImprovements"),
    ...byKey("otherMatters"),
  ];
}

const CELLS: Record<Edition, readonly CellDef[]> = {
  "2019": buildCells("2019"),
  "2021": buildCells("2021"),
};
const CELL_INDEX: Record<Edition, ReadonlyMap<string, CellDef>> = {
  "2019": new Map(CELLS["2019"].map((c) => [c.id, c])),
  "2021": new Map(CELLS["2021"].map((c) => [c.id, c])),
};

/** Every value cell of an edition (text sections included), in printed order. */
export function cellsOf(edition: Edition): readonly CellDef[] {
  return CELLS[edition];
}

/** Numeric cells only. */
export function numericCellsOf(edition: Edition): readonly CellDef[] {
  return CELLS[edition].filter((c) => c.kind !== "text");
}

/** The cell at a path, or undefined. */
export function cellAt(edition: Edition, path: Path): CellDef | undefined {
  return CELL_INDEX[edition].get(pathId(path));
}

/** The cell of an id (its path joined with "."; the keys of `provenance`), or undefined. */
export function cellById(edition: Edition, id: string): CellDef | undefined {
  return CELL_INDEX[edition].get(id);
}

/** Cells both editions share (same path, same meaning): 三 except （六）, 四, the texts. */
export function sharedCells(): readonly CellDef[] {
  const other = CELL_INDEX["2021"];
  return CELLS["2019"].filter((c) => other.has(c.id) && c.section !== "proactiveDisclosure");
}

export function labelsForPath(path: Path, edition?: Edition): Label | undefined {
  for (const e of edition ? [edition] : EDITIONS) {
    const c = cellAt(e, path);
    if (c) return { zh: c.zh, en: c.en };
  }
  return undefined;
}

/** Reads the value at a path; undefined when any step is missing. */
export function getAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** Writes a value at a path, creating plain objects on the way. */
export function setAt(obj: Record<string, unknown>, path: Path, value: unknown): void {
  let cur: Record<string | number, unknown> = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i] as string | number;
    const next = cur[k];
    if (next === null || typeof next !== "object") {
      const created: Record<string, unknown> = {};
      Object.defineProperty(cur, k, { value: created, enumerable: true, writable: true, configurable: true });
      cur = created;
    } else cur = next as Record<string | number, unknown>;
  }
  Object.defineProperty(cur, path[path.length - 1] as string | number, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * Table 三 收到和处理政府信息公开申请情况. The figures of each printed row are gathered into a
 * group (a line of a PDF or HTML table; seven numbers in a row of text), each group remembers the
 * label text printed before it, and the groups are aligned with the edition's rows by dynamic
 * programming over label similarity. Order decides when labels are unreadable; labels decide
 * which rows a document left out, and whether a 2021 report prints the 2019 single （六） row.
 */
import {
  APPLICANT_COLUMNS,
  type ApplicationRowDef,
  applicationRows,
  type Constraint,
  constraints,
  type Edition,
  labelKeys,
  OUTCOME_CATEGORIES,
  RULE_COLUMN_TOTAL,
  RULE_ROW_TOTAL,
} from "@gov-report/core/lite";
import { rememberPaths } from "../cells/book.js";
import { cellName, rowNameOf, tableName, tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import type { Named } from "../diagnostics.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";
import { weigh } from "../evidence/evidence.js";
import { bigrams, labelKey } from "../normalize.js";
import { choose, type Judge } from "../solve/choose.js";
import { type Locate, narrowRows, rowCheck } from "../solve/rows.js";
import { type Alignment, align, LATER_LABELS_FIRST, laterLabelsFirst } from "../strategies/label-alignment.js";
import { cutIntoRows, readSplitColumns, SHORT_ROWS_IN_ORDER } from "../strategies/row-order.js";
import { meets } from "../strategies/strategy.js";
import { joinBands, WRAPPED_BANDS } from "../strategies/wrapped-bands.js";
import { LabelIndex } from "./applications/label-sims.js";
import { ROW_STRATEGIES } from "./applications/row-candidates.js";
import { centresFromRows, recordReadings, recordToken } from "./common.js";
import { type Group, groupsOf, headerCentres, headerLineOf, WIDTH } from "./groups.js";

const TABLE = "applications";
/** Every table 三 row's total (the same shape for every row), from core's constraints. */
const rowAddsUp = rowCheck(
  constraints("2021"),
  APPLICANT_COLUMNS.map((c) => [TABLE, "received", c.key]),
);

interface RowSpec {
  def: ApplicationRowDef;
  /** Where the values go (the single （六） row goes to other.otherReasons). */
  target: readonly string[];
  /** labelKey of the row's own label. */
  key: string;
  /** Bigrams of the row's own label and of each of its variants (core's catalog). */
  forms: number[][];
  /** The forms as one string: the key of the label similarities memo. */
  formsKey: string;
  single?: boolean;
}

/** The keys of a row's own label: official form first, then its variants. */
function ownForms(def: ApplicationRowDef): string[] {
  const own = def.labels[def.labels.length - 1];
  return own ? [...labelKeys(own)] : [""];
}

/** Row specs depend only on the catalog: built once per (edition, variant). */
const ROW_SPECS = new Map<string, RowSpec[]>();

function rowSpecs(edition: Edition, singleOther: boolean): RowSpec[] {
  const key = `${edition}:${singleOther}`;
  let specs = ROW_SPECS.get(key);
  if (!specs) {
    specs = buildRowSpecs(edition, singleOther);
    ROW_SPECS.set(key, specs);
  }
  return specs;
}

function buildRowSpecs(edition: Edition, singleOther: boolean): RowSpec[] {
  const defs = singleOther ? applicationRows("2019") : applicationRows(edition);
  return defs.map((def) => {
    const own = def.labels[def.labels.length - 1]?.zh ?? "";
    const single = singleOther && def.path.length === 2 && def.path[1] === "other";
    return {
      def,
      target: single ? ["outcomes", "other", "otherReasons"] : def.path,
      key: labelKey(own),
      forms: ownForms(def).map((k) => bigrams(k)),
      formsKey: ownForms(def).join("|"),
      ...(single ? { single } : {}),
    };
  });
}

export interface ApplicationsResult {
  /** Groups seen (a hint for the edition when table 二 does not tell). */
  groups: number;
  singleOther: boolean;
  rowsFound: number;
}

/** Count of groups in table 三, for edition detection before the full read. */
export function countApplicationGroups(doc: SourceDoc, range: [number, number] | undefined): number {
  return range ? groupsOf(doc, range).filter((g) => !g.blank).length : 0;
}

interface Best {
  specs: RowSpec[];
  al: Alignment;
  single: boolean;
}

/** Aligns the groups with each variant's rows; the best-scoring variant wins. */
function bestAlignment(doc: SourceDoc, groups: readonly Group[], edition: Edition): Best {
  const simsOf = labelIndex().over(groups);
  const variants = edition === "2021" ? [false, true] : [false];
  let best: Best | undefined;
  for (const single of variants) {
    const specs = rowSpecs(edition, single);
    // Both variants share most rows: each distinct row label is scored against the groups once.
    const sims = specs.map((s) => simsOf(s.formsKey) as number[]);
    const keys = specs.map((x) => x.key);
    const al = align(
      specs.length,
      groups,
      meets(doc, LATER_LABELS_FIRST) ? laterLabelsFirst(keys, groups, sims) : sims,
    );
    if (!best || al.score > best.al.score + 1e-9) best = { specs, al, single };
  }
  return best as Best;
}

let INDEX: LabelIndex | undefined;

/** The label index over every row of both editions (and the 2019 single （六） in 2021). */
function labelIndex(): LabelIndex {
  INDEX ??= new LabelIndex([...rowSpecs("2019", false), ...rowSpecs("2021", false), ...rowSpecs("2021", true)]);
  return INDEX;
}

export function readApplications(ctx: ReadContext, range: [number, number] | undefined): ApplicationsResult {
  const { doc, diags, edition } = ctx;
  if (!range) {
    diags.emit("table.missing", { table: tableName(TABLE) }, { path: [TABLE] });
    return { groups: 0, singleOther: false, rowsFound: 0 };
  }
  const read = groupsOf(doc, range);
  const groups = meets(doc, WRAPPED_BANDS) ? joinBands(ctx, read, range) : read;
  const best = bestAlignment(doc, groups, edition);
  const { al } = best;
  const extra = al.extraGroups.filter((gi) => !groups[gi]?.blank);
  const clean = !al.missingRows.length && !extra.length && al.pairs.every((p) => p.sim >= 0.25);
  const short =
    meets(doc, SHORT_ROWS_IN_ORDER) && al.pairs.some((p) => (groups[p.group]?.tokens.length ?? WIDTH) < WIDTH);
  if (!clean || short) {
    const variants = (edition === "2021" ? [false, true] : [false]).map((v) => rowSpecs(edition, v));
    const seq = readInRowOrder(ctx, groups, variants, headerLineOf(doc, range));
    if (seq) return putInRowOrder(ctx, groups, seq);
  }
  return readAligned(ctx, groups, best, range);
}

/** What one group gives for its row: its tokens (one per column), or readings to choose from. */
type GroupReading = { tokens: (Token | undefined)[] } | { readings: number[][]; by: string; printed: string };

/** The rows' readings, narrowed by the column equations and the evidence, then recorded. */
function readAligned(
  ctx: ReadContext,
  groups: readonly Group[],
  best: Best,
  range: [number, number],
): ApplicationsResult {
  const { doc } = ctx;
  const { specs, al, single } = best;
  // Column positions from the header words, else from the rows printed in full (positioned tokens only).
  const centres =
    headerCentres(doc, range[0], groups[0]?.line ?? range[1]) ??
    centresFromRows(
      groups.map((g) => g.tokens),
      WIDTH,
    );
  const known = new Map<number, readonly number[]>();
  const open = new Map<number, number[][]>();
  const tokensOf = new Map<number, (Token | undefined)[]>();
  const byOf = new Map<number, string>();
  const pending = new Map<number, { count: number; group: Group; printed: string }>();
  for (const p of al.pairs) {
    const spec = specs[p.row] as RowSpec;
    const g = groups[p.group] as Group;
    if (p.sim < 0.25 && g.before.length > 0)
      ctx.diags.emit(
        "row.by-order",
        { row: rowName(ctx, spec), how: "label" },
        { path: rowPath(spec), source: refOf(doc, g.line) },
      );
    const r = groupReading(ctx, g, spec, centres);
    if ("tokens" in r) {
      tokensOf.set(p.row, r.tokens);
      known.set(
        p.row,
        r.tokens.map((t) => (t?.kind === "num" ? (t.value as number) : 0)),
      );
    } else if (r.readings.length === 1) {
      known.set(p.row, r.readings[0] as number[]);
      byOf.set(p.row, r.by);
    } else if (r.readings.length > 1) {
      open.set(p.row, r.readings);
      byOf.set(p.row, r.by);
      pending.set(p.row, { count: r.readings.length, group: g, printed: r.printed });
    }
  }
  const decided = narrowRows(columnEquations(ctx.edition), locateIn(specs, single), known, open);
  weighOpenRows(ctx, specs, open, byOf, known);
  for (const [row, by] of decided) byOf.set(row, by);
  reportNarrowed(ctx, specs, pending, open, known, byOf);
  recordRows(ctx, specs, { known, open, tokensOf, byOf });
  finishAligned(ctx, groups, best);
  return { groups: groups.length, singleOther: single, rowsFound: al.pairs.length };
}

/** Every equation of the edition except the row totals (which each row's readings already pass). */
function columnEquations(edition: Edition): readonly Constraint[] {
  return constraints(edition).filter((c) => c.code !== RULE_ROW_TOTAL);
}

/** Cells of the equations located in the rows as read; the single （六） row stands for its three sub-rows. */
function locateIn(specs: readonly RowSpec[], single: boolean): Locate {
  const rowOf = new Map(specs.map((s, i) => [rowPath(s).join("."), i]));
  const colOf = new Map(APPLICANT_COLUMNS.map((c, i) => [c.key as string, i]));
  const singleParts = single ? new Set(SINGLE_OTHER_PARTS.map((k) => [TABLE, ...OTHER, k].join("."))) : new Set();
  return (path) => {
    const row = rowOf.get(path.slice(0, -1).join("."));
    const col = colOf.get(String(path[path.length - 1]));
    if (row !== undefined && col !== undefined) return { row, col };
    // The single row holds the sum of the three sub-rows: the other two add nothing to it.
    if (singleParts.has(path.slice(0, -1).join("."))) return { value: 0 };
    return undefined;
  };
}

/** Rows still open after the equations: the evidence (text figures, last year) may choose. */
function weighOpenRows(
  ctx: ReadContext,
  specs: readonly RowSpec[],
  open: Map<number, number[][]>,
  byOf: Map<number, string>,
  known: Map<number, readonly number[]>,
): void {
  for (const [row, cands] of open) {
    const paths = APPLICANT_COLUMNS.map((c) => [...rowPath(specs[row] as RowSpec), c.key]);
    const w = weigh(ctx.evidence, paths, cands, (p) => ctx.cells.value(p));
    if (!w.by) continue;
    byOf.set(row, w.by);
    if (w.readings.length === 1) {
      known.set(row, w.readings[0] as number[]);
      open.delete(row);
    } else open.set(row, w.readings as number[][]);
  }
}

/** Diagnostics of the rows that had several readings: decided (and by what), or still ambiguous. */
function reportNarrowed(
  ctx: ReadContext,
  specs: readonly RowSpec[],
  pending: ReadonlyMap<number, { count: number; group: Group; printed: string }>,
  open: ReadonlyMap<number, number[][]>,
  known: ReadonlyMap<number, readonly number[]>,
  byOf: ReadonlyMap<number, string>,
): void {
  for (const [row, { count, group, printed }] of pending) {
    const spec = specs[row] as RowSpec;
    const where = { path: rowPath(spec), source: refOf(ctx.doc, group.line) };
    const cands = open.get(row);
    if (cands) {
      ctx.diags.emit(
        "split.ambiguous",
        { row: rowName(ctx, spec), candidates: cands },
        { ...where, candidates: cands },
      );
      continue;
    }
    const reading = known.get(row) as readonly number[];
    const by = byOf.get(row) ?? RULE_ROW_TOTAL;
    ctx.diags.emit("split.run-together", { row: rowName(ctx, spec), printed, reading, by, count }, where);
  }
}

function recordRows(
  ctx: ReadContext,
  specs: readonly RowSpec[],
  rows: {
    known: ReadonlyMap<number, readonly number[]>;
    open: ReadonlyMap<number, number[][]>;
    tokensOf: ReadonlyMap<number, (Token | undefined)[]>;
    byOf: ReadonlyMap<number, string>;
  },
): void {
  specs.forEach((spec, row) => {
    const paths = cellPaths(spec);
    const tokens = rows.tokensOf.get(row);
    const by = rows.byOf.get(row) ?? RULE_ROW_TOTAL;
    if (tokens) for (const [i, p] of paths.entries()) recordToken(ctx, p, tokens[i]);
    else if (rows.known.has(row)) recordReadings(ctx, paths, [rows.known.get(row) as number[]], by);
    else if (rows.open.has(row)) recordReadings(ctx, paths, rows.open.get(row) as number[][], by);
  });
}

/** The single （六） row, rows not found and figures left over. */
function finishAligned(ctx: ReadContext, groups: readonly Group[], best: Best): void {
  const { specs, al, single } = best;
  if (single) {
    const at = al.pairs.find((p) => specs[p.row]?.single);
    addSingleOther(ctx, at ? refOf(ctx.doc, (groups[at.group] as Group).line) : undefined);
  }
  for (const r of al.missingRows) {
    const spec = specs[r] as RowSpec;
    ctx.diags.emit("row.missing", { row: rowName(ctx, spec) }, { path: rowPath(spec) });
  }
  for (const gi of al.extraGroups) {
    const g = groups[gi] as Group;
    if (g.blank) continue;
    const figures = g.tokens.map((t) => t.text).join(" ");
    // At the table: figures no row took may be a row's, so every row's reading is in doubt.
    ctx.diags.emit(
      "numbers.unassigned",
      { table: tableTag(TABLE), figures },
      { path: [TABLE], source: refOf(ctx.doc, g.line) },
    );
  }
}

/**
 * Plain PDF-to-text output often prints a wrapped row label after the table, away from its
 * figures, and may print a stretch of rows column by column (each column of a cell block is one
 * text flow: the 自然人 figures of nine rows, then the 商业企业 figures of the same rows…). When
 * the labels cannot be matched, the figures are read in order if there are exactly rows × 7 of
 * them and they cut into pieces — single rows, or blocks of n rows printed column by column — in
 * which every row's 总计 is the sum of its parts, and every column of （七）总计 adds up over the
 * result rows: that many equations leave no doubt about the reading.
 *
 * When the table runs onto a second page, the same output often gives that page's last columns
 * (其他, 总计) after all its other figures: the rows from some row on come with their first m
 * figures only, and their last 7 − m follow, in row order or again in column blocks. That reading
 * is tried for every first short row and every m, and taken only when exactly one fits.
 */
function readInRowOrder(
  ctx: ReadContext,
  groups: readonly Group[],
  variants: readonly RowSpec[][],
  headerLine: number,
) {
  void ctx;
  const all: number[] = [];
  // Figures printed between the section heading and the table's column headers belong to the
  // table before (plain output can carry 表二's last column past the heading of 三).
  let early = 0;
  for (const g of groups) {
    for (const t of g.tokens) {
      if (t.kind !== "num" && t.kind !== "dash") return undefined;
      if (typeof t.value !== "number") return undefined;
      if (t.line < headerLine && early === all.length) early++;
      all.push(t.value);
    }
  }
  for (const specs of variants) {
    const values = all.length === specs.length * WIDTH + early ? all.slice(early) : all;
    if (values.length !== specs.length * WIDTH) continue;
    const total = specs.findIndex((s) => s.def.role === "outcomesTotal");
    const outcomes = specs.map((s, i) => (s.def.role === "outcome" ? i : -1)).filter((i) => i >= 0);
    const columnsAddUp = (rows: readonly number[][]) =>
      (rows[total] as number[]).every(
        (v, c) => outcomes.reduce((a, r) => a + ((rows[r] as number[])[c] as number), 0) === v,
      );
    const whole = cutIntoRows(values, WIDTH, (_, row) => rowAddsUp(row), columnsAddUp);
    if (whole.readings.length === 1 && whole.complete)
      return { specs, rows: whole.readings[0]?.rows as number[][], columnBlocks: whole.readings[0]?.columnBlocks ?? 0 };
    if (whole.readings.length > 1) continue;
    const split = readSplitColumns(values, specs.length, { width: WIDTH, rowAddsUp }, columnsAddUp);
    if (split) return { specs, ...split };
  }
  return undefined;
}

function putInRowOrder(
  ctx: ReadContext,
  groups: readonly Group[],
  seq: { specs: RowSpec[]; rows: number[][]; columnBlocks: number; splits?: { row: number; columns: number }[] },
): ApplicationsResult {
  const single = seq.specs.some((s) => s.single);
  // Accepted only because every row total and every column of （七）总计 then adds up.
  seq.specs.forEach((spec, r) => {
    const paths = APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]);
    recordReadings(ctx, paths, [seq.rows[r] as number[]], RULE_COLUMN_TOTAL);
  });
  const source = groups[0] ? refOf(ctx.doc, groups[0].line) : undefined;
  const table = tableTag(TABLE);
  ctx.diags.emit(
    "row.by-order",
    seq.columnBlocks
      ? { row: table, how: "column-blocks", rows: seq.rows.length, blocks: seq.columnBlocks }
      : { row: table, how: "labels-apart", rows: seq.rows.length },
    { path: [TABLE], ...(source ? { source } : {}) },
  );
  for (const split of seq.splits ?? []) {
    const from = seq.specs[split.row] as RowSpec;
    ctx.diags.emit(
      "row.by-order",
      { row: rowName(ctx, from), how: "page-columns", columns: split.columns },
      { path: rowPath(from), ...(source ? { source } : {}) },
    );
  }
  if (single) addSingleOther(ctx, source);
  return { groups: groups.length, singleOther: single, rowsFound: seq.rows.length };
}

/** The 2021 sub-rows of （六） that the 2019 single row does not split: left unread. */
const OTHER = ["outcomes", "other"] as const;
const SINGLE_OTHER_PARTS: readonly string[] = applicationRows("2021")
  .filter((r) => r.path.length === 3 && r.path[0] === OTHER[0] && r.path[1] === OTHER[1])
  .map((r) => r.path[2] as string)
  .slice(0, -1);

/**
 * The 2019 single （六） row inside a 2021 report: its figures (the sum of the three sub-rows)
 * are in the last sub-row, inferred. Counts are never negative, so where the single row says 0
 * every sub-row is 0; elsewhere the other two sub-rows stay unread.
 */
function addSingleOther(ctx: ReadContext, source: ReturnType<typeof refOf> | undefined): void {
  const subRows = applicationRows("2021").filter((r) => r.path[0] === OTHER[0] && r.path[1] === OTHER[1]);
  const last = subRows.at(-1);
  let unread = false;
  for (const c of APPLICANT_COLUMNS) {
    const path = [TABLE, ...(last?.path ?? []), c.key];
    const v = ctx.cells.value(path);
    if (v === undefined) continue;
    if (ctx.cells.status(path)?.status === "printed") ctx.cells.inferred(path, v, SINGLE_OTHER);
    if (v === 0) for (const r of subRows.slice(0, -1)) ctx.cells.inferred([TABLE, ...r.path, c.key], 0, SINGLE_OTHER);
    else unread = true;
  }
  ctx.diags.emit(
    "row.single-other",
    { unread },
    { path: [TABLE, ...OTHER], ...(source ? { source } : {}), ...(unread ? {} : { severity: "info" as const }) },
  );
}

/** `by` of the single （六） row's figures put in the last 2021 sub-row. */
const SINGLE_OTHER = "row.single-other";

const rowPath = (spec: RowSpec): string[] => [TABLE, ...spec.target];

function rowName(ctx: ReadContext, spec: RowSpec): Named {
  if (spec.single) {
    const t = tableTag(TABLE);
    return { zh: `${t.zh} ${OUTCOME_CATEGORIES.other.zh}`, en: `${t.en}, ${OUTCOME_CATEGORIES.other.en}` };
  }
  return rowNameOf(cellName(ctx.edition, [...rowPath(spec), "total"]));
}

/** The seven cell paths of a row spec, built once (the cell book keys them by identity). */
const CELL_PATHS = new WeakMap<RowSpec, readonly string[][]>();

function cellPaths(spec: RowSpec): readonly string[][] {
  let paths = CELL_PATHS.get(spec);
  if (!paths) {
    paths = APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]);
    rememberPaths(paths);
    CELL_PATHS.set(spec, paths);
  }
  return paths;
}

/** Whether seven figures add up as a row of `spec` (core's row equation): built once per row spec. */
const ROW_FITS = new WeakMap<RowSpec, (row: readonly number[]) => boolean>();

function rowFits(edition: Edition, spec: RowSpec): (row: readonly number[]) => boolean {
  let fits = ROW_FITS.get(spec);
  if (!fits) {
    fits = rowCheck(
      constraints(edition),
      APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]),
    );
    ROW_FITS.set(spec, fits);
  }
  return fits;
}

/** The judge of a row's candidates: its total; the evidence is weighed over the table afterwards. */
const ROW_JUDGES = new WeakMap<(row: readonly number[]) => boolean, Judge>();
const asWeighed = (readings: readonly (readonly number[])[]) => ({ readings: readings as (readonly number[])[] });

function rowJudge(fits: (row: readonly number[]) => boolean): Judge {
  const judge = { fits, weigh: asWeighed };
  ROW_JUDGES.set(fits, judge);
  return judge;
}

/** The row's candidates scored by its total and the share printed (row-candidates.ts); the chosen one's diagnostics. */
function groupReading(ctx: ReadContext, g: Group, spec: RowSpec, centres: number[] | undefined): GroupReading {
  const fits = rowFits(ctx.edition, spec);
  const input = { ctx, g, path: rowPath(spec), row: () => rowName(ctx, spec), centres, fits };
  const chosen = choose(ctx.doc, ROW_STRATEGIES, input, ROW_JUDGES.get(fits) ?? rowJudge(fits));
  if (!chosen) return { readings: [], by: "order", printed: "" };
  const c = chosen.candidate;
  c.report();
  return c.tokens ? { tokens: c.tokens } : { readings: c.readings as number[][], by: c.by, printed: c.text() };
}

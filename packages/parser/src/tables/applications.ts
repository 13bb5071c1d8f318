/**
 * Table 三 收到和处理政府信息公开申请情况. The figures of each printed row are gathered into a
 * group (a line of a PDF or HTML table; seven numbers in a row of text), each group remembers the
 * label text printed before it, and the groups are aligned with the edition's rows by dynamic
 * programming over label similarity. Order decides when labels are unreadable; labels decide
 * which rows a document left out, and whether a 2021 report prints the 2019 single （六） row.
 */
import { APPLICANT_COLUMNS, type Constraint, constraints, type Edition, RULE_ROW_TOTAL } from "@gov-report/core/lite";
import { tableName, tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";
import { weigh } from "../evidence/evidence.js";
import { choose, type Judge } from "../solve/choose.js";
import { type Locate, narrowRows, zeroRows } from "../solve/rows.js";
import {
  type Alignment,
  align,
  LATER_LABELS_FIRST,
  laterLabelsFirst,
  swapCrossed,
} from "../strategies/label-alignment.js";
import { SHORT_ROWS_IN_ORDER } from "../strategies/row-order.js";
import { meets } from "../strategies/strategy.js";
import { joinBands, WRAPPED_BANDS } from "../strategies/wrapped-bands.js";
import { type ApplicationsResult, putInRowOrder, readInRowOrder } from "./applications/in-row-order.js";
import { LabelIndex } from "./applications/label-sims.js";
import { ROW_STRATEGIES } from "./applications/row-candidates.js";
import { addSingleOther, OTHER, SINGLE_OTHER_PARTS } from "./applications/single-other.js";
import { cellPaths, type RowSpec, rowFits, rowName, rowPath, rowSpecs, TABLE } from "./applications/specs.js";
import { STRAY_FIGURES, withoutStrayFigures } from "./applications/stray.js";
import { centresFromRows, recordReadings, recordToken } from "./common.js";
import { centresUnderHeaders, type Group, groupsOf, headerCentres, headerLineOf, WIDTH } from "./groups.js";

/** Count of groups in table 三, for edition detection before the full read. */
export function countApplicationGroups(doc: SourceDoc, range: [number, number] | undefined): number {
  return range ? groupsOf(doc, range).filter((g) => !g.blank).length : 0;
}

interface Best {
  specs: RowSpec[];
  al: Alignment;
  single: boolean;
  /** Rows printed out of order with their labels, matched to their own figures. */
  swapped: number[];
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
    if (!best || al.score > best.al.score + 1e-9) best = { specs, al, single, swapped: swapCrossed(al, sims) };
  }
  return best as Best;
}

let INDEX: LabelIndex | undefined;

/** The label index over every row of both editions (and the 2019 single （六） in 2021). */
function labelIndex(): LabelIndex {
  INDEX ??= new LabelIndex([...rowSpecs("2019", false), ...rowSpecs("2021", false), ...rowSpecs("2021", true)]);
  return INDEX;
}

export type { ApplicationsResult };

export function readApplications(ctx: ReadContext, range: [number, number] | undefined): ApplicationsResult {
  const { doc, diags, edition } = ctx;
  if (!range) {
    diags.emit("table.missing", { table: tableName(TABLE) }, { path: [TABLE] });
    return { groups: 0, singleOther: false, rowsFound: 0 };
  }
  const read = meets(doc, STRAY_FIGURES) ? withoutStrayFigures(ctx, range, groupsOf(doc, range)) : groupsOf(doc, range);
  const groups = meets(doc, WRAPPED_BANDS) ? joinBands(ctx, read, range) : read;
  const best = bestAlignment(doc, groups, edition);
  const { al } = best;
  for (const row of best.swapped) {
    const spec = best.specs[row] as RowSpec;
    diags.emit("row.out-of-order", { row: rowName(ctx, spec) }, { path: rowPath(spec) });
  }
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
    headerCentres(doc, range[0], groups.find((g) => !g.blank)?.line ?? range[1]) ??
    centresFromRows(
      groups.map((g) => g.tokens),
      WIDTH,
    );
  const centresAt = centresUnderHeaders(doc, range, groups, centres);
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
    const r = groupReading(ctx, g, spec, centresAt(g.line));
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
  const blankRows = provenBlankRows(ctx, best, known, byOf);
  recordRows(ctx, specs, { known, open, tokensOf, byOf });
  finishAligned(ctx, groups, best, blankRows);
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

/**
 * Rows with no figures that the column equations prove all zero (a row of zeros printed blank):
 * known, inferred by the equation that proved them, with a diagnostic each.
 */
function provenBlankRows(
  ctx: ReadContext,
  best: Best,
  known: Map<number, readonly number[]>,
  byOf: Map<number, string>,
): ReadonlySet<number> {
  const { specs, al, single } = best;
  const width = APPLICANT_COLUMNS.length;
  const zeros = zeroRows(columnEquations(ctx.edition), locateIn(specs, single), known, al.missingRows, width);
  for (const [row, by] of zeros) {
    const spec = specs[row] as RowSpec;
    known.set(row, new Array<number>(width).fill(0));
    byOf.set(row, by);
    ctx.diags.emit("row.blank-zero", { row: rowName(ctx, spec), by }, { path: rowPath(spec) });
  }
  return new Set(zeros.keys());
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

/** The single （六） row, rows not found (and not proven blank) and figures left over. */
function finishAligned(ctx: ReadContext, groups: readonly Group[], best: Best, blankRows: ReadonlySet<number>): void {
  const { specs, al, single } = best;
  if (single) {
    const at = al.pairs.find((p) => specs[p.row]?.single);
    addSingleOther(ctx, at ? refOf(ctx.doc, (groups[at.group] as Group).line) : undefined);
  }
  for (const r of al.missingRows) {
    if (blankRows.has(r)) continue;
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

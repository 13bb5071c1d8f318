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
import { cellName, rowNameOf, tableName, tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import type { Named } from "../diagnostics.js";
import { splitRuns } from "../digits.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";
import { weigh } from "../evidence/evidence.js";
import { bigrams, coverage, labelKey } from "../normalize.js";
import { type Locate, narrowRows, rowCheck } from "../solve/rows.js";
import { joinBands } from "../strategies/wrapped-bands.js";
import { centresFromRows, orderedPlacements, placeByPosition, recordReadings, recordToken } from "./common.js";
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
      ...(single ? { single } : {}),
    };
  });
}

/**
 * A row whose cells are all blank prints no figures: the next row's figures then follow both
 * labels, and the earlier label, complete, would take them. When the words before a group hold a
 * row's whole label and, after it, the start of the next row's label, the group is the next
 * row's: the earlier row's similarity is cut (positional sources, where labels sit beside their
 * figures).
 */
function laterLabelsFirst(specs: readonly RowSpec[], groups: readonly Group[], sims: number[][]): number[][] {
  const out = sims.map((row) => [...row]);
  for (let r = 0; r + 1 < specs.length; r++) {
    const own = (specs[r] as RowSpec).key;
    const next = (specs[r + 1] as RowSpec).key;
    if (own.length < 3 || next.length < 3) continue;
    groups.forEach((g, gi) => {
      const row = out[r] as number[];
      if ((row[gi] ?? 0) < 0.5 || ((sims[r + 1] as number[])[gi] ?? 0) < 0.5) return;
      const end = labelEnd(g.before, own);
      const start = end >= 0 ? g.before.indexOf(next.slice(0, 2), end + 1) : -1;
      if (start > end) row[gi] = (row[gi] as number) * 0.3;
    });
  }
  return out;
}

/**
 * Where `label` ends in `text`: from the last place its first two characters occur, its
 * characters matched in order, others skipped (a vertical label's characters are interleaved:
 * "禁止公果开"). -1 unless nine in ten of them are found.
 */
function labelEnd(text: string, label: string): number {
  let i = text.lastIndexOf(label.slice(0, 2));
  if (i < 0) return -1;
  let matched = 0;
  let end = -1;
  for (const ch of label) {
    const at = text.indexOf(ch, i);
    if (at < 0) continue;
    matched++;
    end = at;
    i = at + 1;
  }
  return matched >= 0.9 * label.length ? end : -1;
}

const skipCost = (g: Group) => (g.blank ? 0 : 1);

interface Alignment {
  score: number;
  pairs: { row: number; group: number; sim: number }[];
  missingRows: number[];
  extraGroups: number[];
}

/** A blank group is a row only when its label is that row's: a weaker label is someone else's. */
const BLANK_ROW_SIM = 0.5;

/** Score of matching a row with a group; a blank group that is not the row's label cannot match. */
function matchScore(g: Group, sim: number): number {
  if (g.blank && sim < BLANK_ROW_SIM) return Number.NEGATIVE_INFINITY;
  return 1 + 2 * sim;
}

/**
 * Needleman–Wunsch: match = 1 + 2·similarity, a skipped row −1.5, a skipped group −1 (a skipped
 * blank group 0: a label printed apart from its figures is no row).
 */
function align(rows: readonly RowSpec[], groups: readonly Group[], sims: number[][]): Alignment {
  const R = rows.length;
  const G = groups.length;
  const dp: Float64Array[] = [];
  const from: Uint8Array[] = [];
  for (let i = 0; i <= R; i++) {
    dp.push(new Float64Array(G + 1));
    from.push(new Uint8Array(G + 1));
  }
  for (let i = 1; i <= R; i++) {
    (dp[i] as Float64Array)[0] = -1.5 * i;
    (from[i] as Uint8Array)[0] = 1;
  }
  for (let j = 1; j <= G; j++) {
    (dp[0] as Float64Array)[j] = ((dp[0] as Float64Array)[j - 1] as number) - skipCost(groups[j - 1] as Group);
    (from[0] as Uint8Array)[j] = 2;
  }
  for (let i = 1; i <= R; i++) {
    for (let j = 1; j <= G; j++) {
      const m = (dp[i - 1] as Float64Array)[j - 1] as number;
      const match = m + matchScore(groups[j - 1] as Group, (sims[i - 1] as number[])[j - 1] as number);
      const skipRow = ((dp[i - 1] as Float64Array)[j] as number) - 1.5;
      const skipGroup = ((dp[i] as Float64Array)[j - 1] as number) - skipCost(groups[j - 1] as Group);
      let best = match;
      let f = 0;
      if (skipRow > best) {
        best = skipRow;
        f = 1;
      }
      if (skipGroup > best) {
        best = skipGroup;
        f = 2;
      }
      (dp[i] as Float64Array)[j] = best;
      (from[i] as Uint8Array)[j] = f;
    }
  }
  const pairs: Alignment["pairs"] = [];
  const missingRows: number[] = [];
  const extraGroups: number[] = [];
  let i = R;
  let j = G;
  while (i > 0 || j > 0) {
    const f = (from[i] as Uint8Array)[j];
    if (i > 0 && j > 0 && f === 0) {
      pairs.push({ row: i - 1, group: j - 1, sim: (sims[i - 1] as number[])[j - 1] as number });
      i--;
      j--;
    } else if (i > 0 && (j === 0 || f === 1)) {
      missingRows.push(--i);
    } else {
      extraGroups.push(--j);
    }
  }
  pairs.reverse();
  missingRows.reverse();
  extraGroups.reverse();
  return { score: (dp[R] as Float64Array)[G] as number, pairs, missingRows, extraGroups };
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
  const groupGrams = groups.map((g) => new Set(bigrams(g.before)));
  // A label printed right after a label-less row of figures may be that row's (read late).
  const afterGrams = groups.map((g) => (g.after ? new Set(bigrams(g.after)) : undefined));
  const variants = edition === "2021" ? [false, true] : [false];
  let best: Best | undefined;
  // Both variants share most rows: score each distinct row label against the groups once.
  const simsByLabel = new Map<string, number[]>();
  for (const single of variants) {
    const specs = rowSpecs(edition, single);
    const sims = specs.map((s) => {
      const label = s.forms.map((f) => f.join(",")).join("|");
      let row = simsByLabel.get(label);
      if (!row) {
        row = groupGrams.map((g, gi) => {
          const after = afterGrams[gi];
          const own = Math.max(...s.forms.map((f) => coverage(f, g)));
          return after ? Math.max(own, ...s.forms.map((f) => coverage(f, after))) : own;
        });
        simsByLabel.set(label, row);
      }
      return row;
    });
    const al = align(specs, groups, doc.positional ? laterLabelsFirst(specs, groups, sims) : sims);
    if (!best || al.score > best.al.score + 1e-9) best = { specs, al, single };
  }
  return best as Best;
}

export function readApplications(ctx: ReadContext, range: [number, number] | undefined): ApplicationsResult {
  const { doc, diags, edition } = ctx;
  if (!range) {
    diags.emit("table.missing", { table: tableName(TABLE) }, { path: [TABLE] });
    return { groups: 0, singleOther: false, rowsFound: 0 };
  }
  // Only a printed page wraps figures inside cells: an HTML or Word table row is one row.
  const groups = doc.kind === "pdf" ? joinBands(ctx, groupsOf(doc, range), range) : groupsOf(doc, range);
  const best = bestAlignment(doc, groups, edition);
  const { al } = best;
  const extra = al.extraGroups.filter((gi) => !groups[gi]?.blank);
  const clean = !al.missingRows.length && !extra.length && al.pairs.every((p) => p.sim >= 0.25);
  // Rows short of figures in text with labels matched: their last columns may have gone after
  // the table (plain output of a table that runs onto another page).
  const short = !doc.positional && al.pairs.some((p) => (groups[p.group]?.tokens.length ?? WIDTH) < WIDTH);
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
  const centres = doc.positional
    ? (headerCentres(doc, range[0], groups[0]?.line ?? range[1]) ??
      centresFromRows(
        groups.map((g) => g.tokens),
        WIDTH,
      ))
    : undefined;
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
    const paths = APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]);
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
    ctx.diags.emit("numbers.unassigned", { table: tableTag(TABLE), figures }, { source: refOf(ctx.doc, g.line) });
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
    const split = readSplitColumns(values, specs.length, columnsAddUp);
    if (split) return { specs, ...split };
  }
  return undefined;
}

interface SplitReading {
  rows: number[][];
  columnBlocks: number;
  /** Where a page's last columns came after its other figures: first row, and how many columns. */
  splits: { row: number; columns: number }[];
}

/** Readings kept per stretch of rows; the callers need one, and to know if there are more. */
const MAX_PARTIAL = 4;
/** Stretches tried in all (rows × rows × 7 at most; real tables need far fewer). */
const MAX_SPLIT_TRIES = 1500;

/**
 * The table as stretches of rows (one per page): each stretch is either whole rows (across or in
 * column blocks), or the first m figures of each of its rows followed by their last 7 − m (again
 * across or in column blocks). Memoized over the first row of a stretch; the reading is taken
 * when exactly one passes the column totals.
 */
function readSplitColumns(
  values: readonly number[],
  n: number,
  accept: (rows: readonly number[][]) => boolean,
): SplitReading | undefined {
  const memo = new Map<number, SplitReading[]>();
  let budget = MAX_SPLIT_TRIES;
  const solve = (r: number): SplitReading[] => {
    if (r === n) return [{ rows: [], columnBlocks: 0, splits: [] }];
    const hit = memo.get(r);
    if (hit) return hit;
    const out: SplitReading[] = [];
    for (let end = n; end > r && out.length < MAX_PARTIAL && budget > 0; end--) {
      const rest = solve(end);
      if (!rest.length) continue;
      for (let m = WIDTH; m >= 1 && out.length < MAX_PARTIAL && budget-- > 0; m--) {
        for (const piece of stretchPieces(values, r, end - r, m)) {
          for (const tail of rest) {
            if (out.length >= MAX_PARTIAL) break;
            out.push({
              rows: [...piece.rows, ...tail.rows],
              columnBlocks: piece.columnBlocks + tail.columnBlocks,
              splits: [...(m === WIDTH ? [] : [{ row: r, columns: WIDTH - m }]), ...tail.splits],
            });
          }
        }
      }
    }
    memo.set(r, out);
    return out;
  };
  const readings = solve(0);
  if (budget <= 0) return undefined;
  return onlyAccepted(readings, accept);
}

/**
 * Readings of `count` rows from row `r`: whole rows (m = 7), or the first m figures of each row
 * followed by their last 7 − m; each row must add up.
 */
function stretchPieces(
  values: readonly number[],
  r: number,
  count: number,
  m: number,
): { rows: number[][]; columnBlocks: number }[] {
  const at = r * WIDTH;
  if (m === WIDTH)
    return cutIntoRows(
      values.slice(at, at + count * WIDTH),
      WIDTH,
      (_, row) => rowAddsUp(row),
      () => true,
    ).readings;
  const heads = Array.from({ length: count }, (_, i) => values.slice(at + i * m, at + (i + 1) * m));
  const tails = cutIntoRows(
    values.slice(at + count * m, at + count * WIDTH),
    WIDTH - m,
    (i, tail) => rowAddsUp([...(heads[i] as number[]), ...tail]),
    () => true,
  );
  return tails.readings.map((t) => ({
    rows: t.rows.map((tail, i) => [...(heads[i] as number[]), ...tail]),
    columnBlocks: t.columnBlocks,
  }));
}

/** The one distinct reading with a split that `accept` takes, or undefined (none, or several). */
function onlyAccepted(readings: readonly SplitReading[], accept: (rows: readonly number[][]) => boolean) {
  const found: SplitReading[] = [];
  const seen = new Set<string>();
  for (const reading of readings) {
    if (!reading.splits.length || !accept(reading.rows)) continue;
    const key = reading.rows.map((row) => row.join(",")).join(";");
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(reading);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Longest stretch of rows printed column by column that is looked for (table 三 has 26 rows). */
const MAX_BLOCK_ROWS = 32;
/** Bound on the search for a reading (pieces tried); real tables need a few dozen. */
const MAX_STEPS = 20_000;
/** Readings collected before the search stops: the callers want one, and to know if there are more. */
const MAX_READINGS = 4;

/**
 * Cuts figures (rows × width, in text order) into rows: each piece is one row printed across, or
 * k rows printed column by column; every resulting row must pass `rowOk` (e.g. 总计 = the sum of
 * the six) and the whole must pass `accept` (the column totals). Depth-first over the row
 * boundaries, rows printed across tried first, pruned by which boundaries can still reach the
 * end. A block of zeros reads the same either way and is not tried as a block. Returns the
 * distinct readings found (at most MAX_READINGS) and whether the search was complete.
 */
function cutIntoRows(
  values: readonly number[],
  width: number,
  rowOk: (index: number, row: readonly number[]) => boolean,
  accept: (rows: readonly number[][]) => boolean,
): { readings: { rows: number[][]; columnBlocks: number }[]; complete: boolean } {
  const none = { readings: [], complete: true };
  if (values.length % width) return { readings: [], complete: true };
  const n = values.length / width;
  if (!n) return { readings: [{ rows: [], columnBlocks: 0 }], complete: true };
  const v = (i: number) => values[i] as number;
  const across = (r: number) => values.slice(r * width, (r + 1) * width) as number[];
  // A block of k rows starting at row r: column c of its row i is figure r·width + c·k + i.
  const blockRows = (r: number, k: number) =>
    Array.from({ length: k }, (_, i) => Array.from({ length: width }, (_, c) => v(r * width + c * k + i)));
  const blockOk = (r: number, k: number) => {
    const rows = blockRows(r, k);
    return rows.every((row, i) => rowOk(r + i, row)) && rows.some((row) => row.some((x) => x !== 0));
  };
  // reach[r]: the pieces from row r that can still be continued to the end.
  const reach: number[][] = Array.from({ length: n + 1 }, () => []);
  const ok: boolean[] = new Array(n + 1).fill(false);
  ok[n] = true;
  for (let r = n - 1; r >= 0; r--) {
    const steps = reach[r] as number[];
    if (ok[r + 1] && rowOk(r, across(r))) steps.push(1);
    if (width > 1)
      for (let k = 2; k <= MAX_BLOCK_ROWS && r + k <= n; k++) if (ok[r + k] && blockOk(r, k)) steps.push(k);
    ok[r] = steps.length > 0;
  }
  if (!ok[0]) return none;
  const found: { rows: number[][]; columnBlocks: number }[] = [];
  const rows: number[][] = [];
  let budget = MAX_STEPS;
  const same = (a: number[][], b: number[][]) => a.every((row, i) => row.every((x, c) => x === b[i]?.[c]));
  const dfs = (r: number, blocks: number) => {
    if (found.length >= MAX_READINGS || budget-- <= 0) return;
    if (r === n) {
      if (accept(rows) && !found.some((f) => same(f.rows, rows)))
        found.push({ rows: rows.map((x) => [...x]), columnBlocks: blocks });
      return;
    }
    for (const k of reach[r] as number[]) {
      const piece = k === 1 ? [across(r)] : blockRows(r, k);
      rows.push(...piece);
      dfs(r + k, blocks + (k === 1 ? 0 : 1));
      rows.length -= k;
    }
  };
  dfs(0, 0);
  return { readings: found, complete: budget > 0 && found.length < MAX_READINGS };
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

/** The seven cells of a group, or the readings to choose from when its figures do not say. */
function groupReading(ctx: ReadContext, g: Group, spec: RowSpec, centres: number[] | undefined): GroupReading {
  const tokens = g.tokens;
  const where = { path: rowPath(spec), source: refOf(ctx.doc, g.line) };
  const printed = tokens.map((t) => t.text).join(" ");
  const fits = rowCheck(
    constraints(ctx.edition),
    APPLICANT_COLUMNS.map((c) => [...rowPath(spec), c.key]),
  );
  if (tokens.length === WIDTH) return { tokens };
  // A row printed with its label and every cell blank.
  if (g.blank) return { tokens: new Array<Token | undefined>(WIDTH).fill(undefined) };
  if (tokens.length < WIDTH && centres) {
    const placed = placeByPosition(tokens, centres);
    if (placed) return { tokens: placed };
  }
  if (tokens.length < WIDTH && tokens.some((t) => t.digits)) {
    const split = splitRuns(
      tokens.map((t) => ({ value: t.value ?? 0, digits: t.digits, signed: t.signed, frac: t.frac })),
      WIDTH,
      fits,
    );
    if (!split.candidates.length) ctx.diags.emit("split.impossible", { row: rowName(ctx, spec), printed }, where);
    else if (split.candidates.length === 1)
      ctx.diags.emit(
        "split.run-together",
        { row: rowName(ctx, spec), printed, reading: split.candidates[0] as number[], by: RULE_ROW_TOTAL },
        where,
      );
    return { readings: split.candidates, by: RULE_ROW_TOTAL, printed };
  }
  if (tokens.length > WIDTH) {
    ctx.diags.emit("cell.extra", { row: rowName(ctx, spec), width: WIDTH }, where);
    return { tokens: tokens.slice(0, WIDTH) };
  }
  // Fewer figures than columns, no positions: every placement in order that passes the row total.
  ctx.diags.emit("cell.position-unknown", { row: rowName(ctx, spec), count: tokens.length, width: WIDTH }, where);
  const values = tokens.map((t) => (t.kind === "num" ? (t.value as number) : 0));
  const readings = orderedPlacements(values, WIDTH, fits);
  return readings.length
    ? { readings, by: RULE_ROW_TOTAL, printed }
    : { readings: orderedPlacements(values, WIDTH, () => true), by: "order", printed };
}

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
  type Edition,
  OUTCOME_CATEGORIES,
} from "@gov-report/core/lite";
import type { Diagnostics } from "../diagnostics.js";
import { lastIsSum, splitRuns } from "../digits.js";
import { refOf, type SourceDoc, type Token } from "../doc.js";
import { bigrams, coverage, labelKey } from "../normalize.js";
import { centresFromRows, isValue, placeByPosition, put, stackColumns, tokenValue } from "./common.js";

const WIDTH = APPLICANT_COLUMNS.length;
const CONTEXT = 80;

interface Group {
  tokens: Token[];
  /** Label text (keys) printed since the previous group. */
  before: string;
  line: number;
}

interface RowSpec {
  def: ApplicationRowDef;
  /** Where the values go (the single （六） row goes to other.otherReasons). */
  target: readonly string[];
  /** labelKey of the row's own label. */
  key: string;
  grams: number[];
  single?: boolean;
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
      grams: bigrams(labelKey(own)),
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

/** Header positions of the seven applicant columns (自然人 … 总计), when all are found in order. */
function headerCentres(doc: SourceDoc, from: number, to: number): number[] | undefined {
  // Two characters each: a narrow header cell wraps "自然人" as "自然" over "人".
  const prefixes = ["自然", "商业", "科研", "社会", "法律", "其他", "总计"];
  const out: number[] = [];
  for (const p of prefixes) {
    let found: number | undefined;
    for (let i = from; i < to && found === undefined; i++) {
      for (const t of (doc.lines[i] as { tokens: Token[] }).tokens) {
        if (t.kind === "text" && t.pos !== undefined && labelKey(t.text).startsWith(p)) {
          found = t.pos;
          break;
        }
      }
    }
    if (found === undefined) return undefined;
    out.push(found);
  }
  for (let i = 1; i < out.length; i++) if ((out[i] as number) <= (out[i - 1] as number)) return undefined;
  return out;
}

/** Lines a row's figures may spread over (a figure wrapped in its cell, others centred between). */
const MAX_BAND = 4;
/** Characters of label a continuation line may carry: the last line of a wrapped row label. */
const MAX_LABEL_TAIL = 8;

/**
 * A row whose cells are too narrow for its figures prints them over several lines: "2598" on the
 * first, "82" under it, the short figures of the row centred between. Each such line is a group
 * of its own, short of figures. Consecutive groups are joined into one row when, column by column
 * (figures stacked in one column are one figure, digits top first; an empty column is a blank
 * cell), they give a row whose 总计 is the sum of its parts — when the first line did not add up
 * alone, or, when it did, only under the stricter conditions below. PDF sources only.
 */
function joinBands(doc: SourceDoc, groups: Group[], range: [number, number], diags: Diagnostics): Group[] {
  const centres =
    headerCentres(doc, range[0], groups[0]?.line ?? range[1]) ??
    centresFromRows(
      groups.map((g) => g.tokens),
      WIDTH,
    );
  if (!centres) return groups;
  // Blank cells (undefined) count as 0; a row needs its 总计 printed.
  const addsUp = (tokens: readonly (Token | undefined)[]) =>
    tokens.length === WIDTH &&
    tokens[WIDTH - 1] !== undefined &&
    tokens.every((t) => t?.kind !== "num" || Number.isInteger(t.value)) &&
    lastIsSum(tokens.map((t) => t?.value ?? 0));
  const defined = (tokens: readonly (Token | undefined)[]) => tokens.filter((t): t is Token => t !== undefined);
  const out: Group[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    const alone = g.tokens.some((t) => t.pos === undefined) ? undefined : stackColumns([g.tokens], centres, true);
    if (g.tokens.length > WIDTH || !alone || alone.wrapped.length) {
      out.push(g);
      continue;
    }
    // A row that adds up by itself can still be wrapped: "646 … 646" when its only large figure
    // and its 总计 both wrap. Sums cannot tell (what is left of a row that adds up adds up too),
    // so its continuation must stack under figures of three or more digits, in lines short of a
    // full row, and the band may hold one row label (beyond the tail of a wrapped one).
    const fine = addsUp(alone.tokens);
    let labelled = g.before.length > MAX_LABEL_TAIL;
    let joined: { tokens: Token[]; last: number; wrapped: string[] } | undefined;
    for (let j = i + 1; j < groups.length && j < i + MAX_BAND && !joined; j++) {
      const next = groups[j] as Group;
      if (next.line - (groups[j - 1] as Group).line > 2 || next.tokens.length > (fine ? WIDTH - 1 : WIDTH)) break;
      // One label per row: on the first line, or (centred) on a later one when the first has none.
      if (fine && next.before.length > MAX_LABEL_TAIL) {
        if (labelled) break;
        labelled = true;
      }
      const stacked = stackColumns(
        groups.slice(i, j + 1).map((x) => x.tokens),
        centres,
        true,
      );
      if (!stacked || !addsUp(stacked.tokens)) continue;
      if (fine && !(stacked.wrapped.length && stacked.wrapped.every((w) => w.indexOf("/") >= 3))) continue;
      joined = { tokens: defined(stacked.tokens), wrapped: stacked.wrapped, last: j };
    }
    // A row that adds up only once its last line is left out ("9446 9446" over "8 8").
    const after = joined ? groups[joined.last + 1] : undefined;
    if (
      joined &&
      after &&
      after.line - (groups[joined.last] as Group).line <= 2 &&
      after.tokens.length <= 3 &&
      after.before.length <= MAX_LABEL_TAIL
    ) {
      const more = stackColumns(
        groups.slice(i, joined.last + 2).map((x) => x.tokens),
        centres,
        true,
      );
      if (
        more &&
        more.wrapped.length > joined.wrapped.length &&
        more.wrapped.every((w) => w.indexOf("/") >= 3 || joined?.wrapped.includes(w.slice(0, w.lastIndexOf("/")))) &&
        addsUp(more.tokens)
      )
        joined = { tokens: defined(more.tokens), wrapped: more.wrapped, last: joined.last + 1 };
    }
    if (!joined) {
      out.push(g);
      continue;
    }
    const parts = groups.slice(i, joined.last + 1);
    out.push({ tokens: joined.tokens, before: parts.map((p) => p.before).join(""), line: g.line });
    if (joined.wrapped.length) wrappedNote(doc, diags, g.line, parts.length, joined.wrapped);
    i = joined.last;
  }
  return out;
}

function wrappedNote(doc: SourceDoc, diags: Diagnostics, line: number, lines: number, wrapped: readonly string[]) {
  diags.add(
    "cell.wrapped",
    "info",
    `表三 一行的数字印在 ${lines} 行里，折行的数字已接上（${wrapped.join("，")}），接上后该行合计相符`,
    `Table 3: a row's figures are printed over ${lines} lines; figures wrapped in their cells were joined (${wrapped.join(", ")}) and the row then adds up`,
    { source: refOf(doc, line) },
  );
}

/** The line of the applicant column headers (自然人, or 自然 when the header cell wraps), or the start of the range. */
function headerLineOf(doc: SourceDoc, range: [number, number]): number {
  for (let i = range[0]; i < range[1]; i++) if (doc.lines[i]?.key.includes("自然")) return i;
  return range[0];
}

function groupsOf(doc: SourceDoc, range: [number, number]): Group[] {
  const groups: Group[] = [];
  let before = "";
  const push = (tokens: Token[], line: number) => {
    groups.push({ tokens, before: before.slice(-CONTEXT), line });
    before = "";
  };
  if (doc.positional) {
    for (let i = range[0]; i < range[1]; i++) {
      const l = doc.lines[i];
      if (!l) continue;
      const values: Token[] = [];
      for (const t of l.tokens) {
        if (isValue(t)) values.push(t);
        else before = tail(before + labelKey(t.text));
      }
      if (values.length) push(values, i);
    }
    return groups;
  }
  // Text: seven figures make a row; a run of digits followed by a label may be a row run together.
  let cur: Token[] = [];
  let line = -1;
  for (let i = range[0]; i < range[1]; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    for (const t of l.tokens) {
      if (isValue(t)) {
        if (!cur.length) line = i;
        cur.push(t);
        if (cur.length === WIDTH) {
          push(cur, line);
          cur = [];
        }
        continue;
      }
      const k = labelKey(t.text);
      // Rules and separators of text tables ("|", "+----+") are not labels.
      if (!k) continue;
      if (cur.length && looksRunTogether(cur)) {
        push(cur, line);
        cur = [];
      }
      before = tail(before + k);
    }
  }
  if (cur.length) push(cur, line);
  return groups;
}

/** Only the last words before a group can be its label: keep the context bounded. */
const tail = (s: string) => (s.length > 4 * CONTEXT ? s.slice(-CONTEXT) : s);

function looksRunTogether(tokens: readonly Token[]): boolean {
  let digits = 0;
  for (const t of tokens) digits += t.digits ? t.digits.length : 1;
  return digits >= WIDTH && tokens.some((t) => t.digits);
}

interface Alignment {
  score: number;
  pairs: { row: number; group: number; sim: number }[];
  missingRows: number[];
  extraGroups: number[];
}

/** Needleman–Wunsch: match = 1 + 2·similarity, a skipped row −1.5, a skipped group −1. */
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
    (dp[0] as Float64Array)[j] = -1 * j;
    (from[0] as Uint8Array)[j] = 2;
  }
  for (let i = 1; i <= R; i++) {
    for (let j = 1; j <= G; j++) {
      const m = (dp[i - 1] as Float64Array)[j - 1] as number;
      const match = m + 1 + 2 * ((sims[i - 1] as number[])[j - 1] as number);
      const skipRow = ((dp[i - 1] as Float64Array)[j] as number) - 1.5;
      const skipGroup = ((dp[i] as Float64Array)[j - 1] as number) - 1;
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
  return range ? groupsOf(doc, range).length : 0;
}

export function readApplications(
  doc: SourceDoc,
  range: [number, number] | undefined,
  edition: Edition,
  report: Record<string, unknown>,
  diags: Diagnostics,
): ApplicationsResult {
  if (!range) {
    diags.add(
      "table.missing",
      "error",
      "未找到表三（收到和处理政府信息公开申请情况），其数值按 0 处理",
      "Table 3 not found; its cells are 0",
      { path: ["applications"] },
    );
    return { groups: 0, singleOther: false, rowsFound: 0 };
  }
  // Only a printed page wraps figures inside cells: an HTML or Word table row is one row.
  const groups = doc.kind === "pdf" ? joinBands(doc, groupsOf(doc, range), range, diags) : groupsOf(doc, range);
  const groupGrams = groups.map((g) => new Set(bigrams(g.before)));
  const variants = edition === "2021" ? [false, true] : [false];
  let best: { specs: RowSpec[]; al: Alignment; single: boolean } | undefined;
  // Both variants share most rows: score each distinct row label against the groups once.
  const simsByLabel = new Map<string, number[]>();
  for (const single of variants) {
    const specs = rowSpecs(edition, single);
    const sims = specs.map((s) => {
      const label = s.grams.join("|");
      let row = simsByLabel.get(label);
      if (!row) {
        row = groupGrams.map((g) => coverage(s.grams, g));
        simsByLabel.set(label, row);
      }
      return row;
    });
    const al = align(specs, groups, doc.positional ? laterLabelsFirst(specs, groups, sims) : sims);
    if (!best || al.score > best.al.score + 1e-9) best = { specs, al, single };
  }
  const { specs, al, single } = best as { specs: RowSpec[]; al: Alignment; single: boolean };
  const clean = !al.missingRows.length && !al.extraGroups.length && al.pairs.every((p) => p.sim >= 0.25);
  // Rows short of figures in text with labels matched: their last columns may have gone after
  // the table (plain output of a table that runs onto another page).
  const short = !doc.positional && al.pairs.some((p) => (groups[p.group]?.tokens.length ?? WIDTH) < WIDTH);
  if (!clean || short) {
    const seq = readInRowOrder(
      groups,
      variants.map((v) => rowSpecs(edition, v)),
      headerLineOf(doc, range),
    );
    if (seq) return putInRowOrder(doc, groups, seq, report, diags);
  }

  const centres = doc.positional
    ? (headerCentres(doc, range[0], groups[0]?.line ?? range[1]) ??
      centresFromRows(
        groups.map((g) => g.tokens),
        WIDTH,
      ))
    : undefined;

  // Values of each matched row; ambiguous run-together rows keep their candidates for now.
  const rowValues = new Map<number, number[]>();
  const ambiguous = new Map<number, { candidates: number[][]; group: Group }>();
  for (const p of al.pairs) {
    const spec = specs[p.row] as RowSpec;
    const g = groups[p.group] as Group;
    const name = rowName(spec);
    if (p.sim < 0.25 && g.before.length > 0) {
      diags.add(
        "row.by-order",
        "info",
        `表三 “${name.zh}”行的标签未能识别，按行序取值`,
        `Table 3, ${name.en}: label not recognised; figures taken by row order`,
        { path: ["applications", ...spec.target], source: refOf(doc, g.line) },
      );
    }
    const v = groupValues(doc, g, spec, centres, diags);
    if (Array.isArray(v)) rowValues.set(p.row, v);
    else ambiguous.set(p.row, { candidates: v.candidates, group: g });
  }
  const undecided = new Map([...ambiguous].map(([row, a]) => [row, { count: a.candidates.length, group: a.group }]));
  resolveByColumns(specs, rowValues, ambiguous);
  for (const [row, { count, group }] of undecided) {
    if (ambiguous.has(row)) continue;
    const spec = specs[row] as RowSpec;
    const name = rowName(spec);
    const v = (rowValues.get(row) as number[]).join("|");
    diags.add(
      "split.run-together",
      "info",
      `表三 “${name.zh}”行的数字无分隔，符合本行合计的拆分有 ${count} 种，按各列合计（一+二=（七）+四，（七）=各项之和）确定为 ${v}`,
      `Table 3, ${name.en}: figures with no separator admit ${count} splits by the row total; the column totals (1+2 = (7)+4, (7) = the sum of the outcomes) leave ${v}`,
      { path: ["applications", ...spec.target], source: refOf(doc, group.line) },
    );
  }
  for (const [row, { candidates, group }] of ambiguous) {
    const spec = specs[row] as RowSpec;
    const name = rowName(spec);
    const list = candidates.map((c) => c.join("|"));
    diags.add(
      "split.ambiguous",
      "warning",
      `表三 “${name.zh}”行的数字连在一起，有多种拆分符合合计关系，暂取第一种：${list.join("；")}`,
      `Table 3, ${name.en}: figures run together admit several splits that satisfy the totals; the first is used: ${list.join("; ")}`,
      { path: ["applications", ...spec.target], source: refOf(doc, group.line), candidates },
    );
    rowValues.set(row, candidates[0] as number[]);
  }

  for (const [row, values] of rowValues) {
    const spec = specs[row] as RowSpec;
    APPLICANT_COLUMNS.forEach((c, i) => {
      put(report, ["applications", ...spec.target, c.key], values[i] ?? 0);
    });
  }
  if (single) {
    for (const k of ["overdueCorrection", "unpaidFees"]) {
      for (const c of APPLICANT_COLUMNS) put(report, ["applications", "outcomes", "other", k, c.key], 0);
    }
    const at = al.pairs.find((p) => specs[p.row]?.single);
    addSingleOther(diags, at ? refOf(doc, (groups[at.group] as Group).line) : undefined);
  }
  for (const r of al.missingRows) {
    const spec = specs[r] as RowSpec;
    const name = rowName(spec);
    for (const c of APPLICANT_COLUMNS) put(report, ["applications", ...spec.target, c.key], 0);
    diags.add(
      "row.missing",
      "error",
      `表三 未找到“${name.zh}”行的数字，按 0 处理`,
      `Table 3: no figures found for ${name.en}; read as 0`,
      { path: ["applications", ...spec.target] },
    );
  }
  for (const gi of al.extraGroups) {
    const g = groups[gi] as Group;
    diags.add(
      "numbers.unassigned",
      "warning",
      `表三 有一组数字（${g.tokens.map((t) => t.text).join(" ")}）不属于任何可识别的行，已忽略`,
      `Table 3: figures (${g.tokens.map((t) => t.text).join(" ")}) belong to no recognised row and were ignored`,
      { source: refOf(doc, g.line) },
    );
  }
  return { groups: groups.length, singleOther: single, rowsFound: al.pairs.length };
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
function readInRowOrder(groups: readonly Group[], variants: readonly RowSpec[][], headerLine: number) {
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
    const whole = cutIntoRows(values, WIDTH, (_, row) => lastIsSum(row), columnsAddUp);
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
  const rowSum = (_: number, row: readonly number[]) => lastIsSum(row);
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
      const count = end - r;
      const at = r * WIDTH;
      for (let m = WIDTH; m >= 1 && out.length < MAX_PARTIAL && budget-- > 0; m--) {
        let pieces: { rows: number[][]; columnBlocks: number }[];
        if (m === WIDTH) {
          const whole = cutIntoRows(values.slice(at, at + count * WIDTH), WIDTH, rowSum, () => true);
          pieces = whole.readings;
        } else {
          const heads = Array.from({ length: count }, (_, i) => values.slice(at + i * m, at + (i + 1) * m));
          const tails = cutIntoRows(
            values.slice(at + count * m, at + count * WIDTH),
            WIDTH - m,
            (i, tail) => lastIsSum([...(heads[i] as number[]), ...tail]),
            () => true,
          );
          pieces = tails.readings.map((t) => ({
            rows: t.rows.map((tail, i) => [...(heads[i] as number[]), ...tail]),
            columnBlocks: t.columnBlocks,
          }));
        }
        for (const piece of pieces) {
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
  doc: SourceDoc,
  groups: readonly Group[],
  seq: { specs: RowSpec[]; rows: number[][]; columnBlocks: number; splits?: { row: number; columns: number }[] },
  report: Record<string, unknown>,
  diags: Diagnostics,
): ApplicationsResult {
  const single = seq.specs.some((s) => s.single);
  seq.specs.forEach((spec, r) => {
    APPLICANT_COLUMNS.forEach((c, i) => {
      put(report, ["applications", ...spec.target, c.key], (seq.rows[r] as number[])[i] ?? 0);
    });
  });
  if (single) {
    for (const k of ["overdueCorrection", "unpaidFees"]) {
      for (const c of APPLICANT_COLUMNS) put(report, ["applications", "outcomes", "other", k, c.key], 0);
    }
  }
  const source = groups[0] ? refOf(doc, groups[0].line) : undefined;
  diags.add(
    "row.by-order",
    "info",
    seq.columnBlocks
      ? `表三 的行标签与数字分开印出，且有 ${seq.columnBlocks} 段数字按列印出；已按行序还原 ${seq.rows.length} 行数字（每行合计与（七）总计各列均相符）`
      : `表三 的行标签与数字分开印出，按行序读取 ${seq.rows.length} 行数字（每行合计与（七）总计各列均相符）`,
    seq.columnBlocks
      ? `Table 3: labels are printed apart from the figures, and ${seq.columnBlocks} stretch(es) of rows come column by column; ${seq.rows.length} rows restored in row order (every row total and every column of (7) Total add up)`
      : `Table 3: labels are printed apart from the figures; ${seq.rows.length} rows read in row order (every row total and every column of (7) Total add up)`,
    { path: ["applications"], ...(source ? { source } : {}) },
  );
  for (const split of seq.splits ?? []) {
    const from = seq.specs[split.row] as RowSpec;
    const name = rowName(from);
    diags.add(
      "row.by-order",
      "info",
      `表三 自“${name.zh}”行起，该页每行最后 ${split.columns} 栏的数字印在其余数字之后（表格跨页），已按每行合计与各列合计归位`,
      `Table 3: from ${name.en} on, the last ${split.columns} column(s) of each row on that page come after its other figures (the table runs across pages); put back by the row and column totals`,
      { path: ["applications", ...from.target], ...(source ? { source } : {}) },
    );
  }
  if (single) addSingleOther(diags, source);
  return { groups: groups.length, singleOther: single, rowsFound: seq.rows.length };
}

/** The 2019 single （六） row inside a 2021 report: where its figures went, and that the split is unknown. */
function addSingleOther(diags: Diagnostics, source: ReturnType<typeof refOf> | undefined): void {
  diags.add(
    "row.single-other",
    "warning",
    "表三 按 2019 版格式只印了一行“（六）其他处理”，未分列 2021 版的三个子项：该行数字记入“3.其他”，“1.申请人无正当理由逾期不补正…”与“2.申请人逾期未按收费通知要求缴纳费用…”记为 0（原文未拆分，并非确认为 0）",
    'Table 3 prints the 2019 single "(6) Otherwise handled" row instead of the three 2021 sub-rows: its figures are stored in other.otherReasons, overdueCorrection and unpaidFees are 0 (the document does not split the row; this is not a statement that they were zero)',
    { path: ["applications", "outcomes", "other"], ...(source ? { source } : {}) },
  );
}

function rowName(spec: RowSpec): { zh: string; en: string } {
  const l = spec.def.labels;
  const own = l[l.length - 1]?.zh ?? "";
  const cat = l.length === 3 ? `${l[1]?.zh ?? ""} ` : "";
  return { zh: spec.single ? OUTCOME_CATEGORIES.other.zh : `${cat}${own}`, en: spec.def.en };
}

/** The seven values of a group, or the candidate splits when figures ran together. */
function groupValues(
  doc: SourceDoc,
  g: Group,
  spec: RowSpec,
  centres: number[] | undefined,
  diags: Diagnostics,
): number[] | { candidates: number[][] } {
  const name = rowName(spec);
  const base = ["applications", ...spec.target];
  const ctxOf = (i: number) => {
    const c = APPLICANT_COLUMNS[i] as (typeof APPLICANT_COLUMNS)[number];
    return { doc, diags, path: [...base, c.key], zh: `表三 ${name.zh} · ${c.zh}`, en: `Table 3, ${name.en}: ${c.en}` };
  };
  const tokens = g.tokens;
  if (tokens.length === WIDTH) return tokens.map((t, i) => tokenValue(t, ctxOf(i)));
  if (tokens.length < WIDTH && centres) {
    const placed = placeByPosition(tokens, centres);
    if (placed) return placed.map((t, i) => tokenValue(t, ctxOf(i)));
  }
  if (tokens.length < WIDTH && tokens.some((t) => t.digits)) {
    const split = splitRuns(
      tokens.map((t) => ({ value: t.value ?? 0, digits: t.digits, signed: t.signed, frac: t.frac })),
      WIDTH,
      lastIsSum,
    );
    if (split.candidates.length === 1) {
      diags.add(
        "split.run-together",
        "info",
        `表三 “${name.zh}”行的数字无分隔（${tokens.map((t) => t.text).join(" ")}），按“总计=各栏之和”拆分为 ${(split.candidates[0] as number[]).join("|")}`,
        `Table 3, ${name.en}: figures with no separator (${tokens.map((t) => t.text).join(" ")}) split by the row total as ${(split.candidates[0] as number[]).join("|")}`,
        { path: base, source: refOf(doc, g.line) },
      );
      return split.candidates[0] as number[];
    }
    if (split.candidates.length > 1) return { candidates: split.candidates };
    diags.add(
      "split.impossible",
      "error",
      `表三 “${name.zh}”行的数字无分隔（${tokens.map((t) => t.text).join(" ")}），找不到符合“总计=各栏之和”的拆分`,
      `Table 3, ${name.en}: figures with no separator (${tokens.map((t) => t.text).join(" ")}) admit no split that satisfies the row total`,
      { path: base, source: refOf(doc, g.line) },
    );
  }
  if (tokens.length > WIDTH) {
    diags.add(
      "cell.extra",
      "warning",
      `表三 “${name.zh}”行的数字多于 7 个，多余的已忽略`,
      `Table 3, ${name.en}: more than 7 figures; the extra ones were ignored`,
      { path: base, source: refOf(doc, g.line) },
    );
    return tokens.slice(0, WIDTH).map((t, i) => tokenValue(t, ctxOf(i)));
  }
  diags.add(
    "cell.position-unknown",
    "warning",
    `表三 “${name.zh}”行只有 ${tokens.length} 个数字，无法确定空格位置，按顺序填入，其余按 0 处理`,
    `Table 3, ${name.en}: only ${tokens.length} figures and no positions; placed in order, the rest read as 0`,
    { path: base, source: refOf(doc, g.line) },
  );
  return APPLICANT_COLUMNS.map((_, i) => (i < tokens.length ? tokenValue(tokens[i], ctxOf(i)) : 0));
}

/**
 * Narrows ambiguous rows with the column rules: 一+二 = （七）+四, and （七） = the sum of the
 * outcome rows. A rule decides a row when that row is the only undecided one in it.
 */
function resolveByColumns(
  specs: readonly RowSpec[],
  values: Map<number, number[]>,
  ambiguous: Map<number, { candidates: number[][] }>,
): void {
  const idx = (role: ApplicationRowDef["role"]) => specs.findIndex((s) => s.def.role === role);
  const received = idx("received");
  const carriedOver = idx("carriedOver");
  const total = idx("outcomesTotal");
  const forward = idx("carriedForward");
  const outcomes = specs.map((s, i) => (s.def.role === "outcome" ? i : -1)).filter((i) => i >= 0);
  // Each rule: rows with sign (+1 left side, -1 right side); sum over rows of sign·value = 0.
  const rules: [number, number][][] = [
    [
      [received, 1],
      [carriedOver, 1],
      [total, -1],
      [forward, -1],
    ],
    [[total, 1], ...outcomes.map((o) => [o, -1] as [number, number])],
  ];
  let changed = true;
  let guard = 0;
  while (changed && ambiguous.size && guard++ < 50) {
    changed = false;
    for (const rule of rules) {
      const open = rule.filter(([r]) => ambiguous.has(r));
      if (open.length !== 1) continue;
      const [row, sign] = open[0] as [number, number];
      if (rule.some(([r]) => r < 0 || (!values.has(r) && !ambiguous.has(r)))) continue;
      const entry = ambiguous.get(row) as { candidates: number[][] };
      const keep = entry.candidates.filter((cand) =>
        APPLICANT_COLUMNS.every((_, c) => {
          let s = 0;
          for (const [r, sg] of rule) s += sg * ((r === row ? cand[c] : values.get(r)?.[c]) ?? 0);
          return s === 0;
        }),
      );
      void sign;
      if (keep.length === 1) {
        values.set(row, keep[0] as number[]);
        ambiguous.delete(row);
        changed = true;
      } else if (keep.length > 1 && keep.length < entry.candidates.length) {
        entry.candidates = keep;
        changed = true;
      }
    }
  }
  if (ambiguous.size > 1) resolveJointly(rules, values, ambiguous);
}

/** Most combinations of candidate rows tried together (rows × candidates multiply quickly). */
const MAX_COMBINATIONS = 100_000;

/**
 * Several undecided rows in one rule (three outcome rows that each split two ways): tries every
 * combination of their candidates, keeps only the candidates that take part in a combination
 * satisfying every rule, and decides the rows left with one. When no combination fits (the
 * printed totals are themselves wrong), nothing changes.
 */
function resolveJointly(
  rules: readonly (readonly [number, number])[][],
  values: Map<number, number[]>,
  ambiguous: Map<number, { candidates: number[][] }>,
): void {
  const rows = [...ambiguous.keys()];
  let product = 1;
  for (const r of rows) {
    product *= (ambiguous.get(r) as { candidates: number[][] }).candidates.length;
    if (product > MAX_COMBINATIONS) return;
  }
  const usable = rules.filter((rule) => rule.every(([r]) => r >= 0 && (values.has(r) || ambiguous.has(r))));
  // A rule is checked as soon as its last undecided row has a candidate.
  const position = new Map(rows.map((r, i) => [r, i]));
  const checkAt = rows.map(() => [] as (readonly [number, number])[][]);
  for (const rule of usable) {
    const last = Math.max(...rule.map(([r]) => position.get(r) ?? -1));
    if (last >= 0) checkAt[last]?.push(rule);
  }
  const chosen: number[][] = [];
  const used = rows.map(() => new Set<number>());
  let fits = 0;
  const holds = (rule: readonly (readonly [number, number])[]) =>
    APPLICANT_COLUMNS.every((_, c) => {
      let s = 0;
      for (const [r, sg] of rule) {
        const at = position.get(r);
        s += sg * ((at === undefined ? values.get(r)?.[c] : chosen[at]?.[c]) ?? 0);
      }
      return s === 0;
    });
  const picks: number[] = [];
  const walk = (i: number): void => {
    if (i === rows.length) {
      fits++;
      for (const [j, k] of picks.entries()) used[j]?.add(k);
      return;
    }
    const { candidates } = ambiguous.get(rows[i] as number) as { candidates: number[][] };
    candidates.forEach((cand, k) => {
      chosen[i] = cand;
      picks[i] = k;
      if ((checkAt[i] ?? []).every(holds)) walk(i + 1);
    });
  };
  walk(0);
  if (!fits) return;
  rows.forEach((r, i) => {
    const entry = ambiguous.get(r) as { candidates: number[][] };
    const keep = entry.candidates.filter((_, k) => used[i]?.has(k));
    if (keep.length === 1) {
      values.set(r, keep[0] as number[]);
      ambiguous.delete(r);
    } else entry.candidates = keep;
  });
}

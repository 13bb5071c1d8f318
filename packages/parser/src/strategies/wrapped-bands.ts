/**
 * Strategy "wrapped bands" (PDF pages): a table 三 row whose cells are too narrow for its figures
 * prints them over several lines — "2598" on the first, "82" under it, the short figures of the
 * row centred between. Each such line is a group of its own, short of figures. Consecutive
 * groups are joined into one row when, column by column (figures stacked in one column are one
 * figure, digits top first; an empty column is a blank cell), they give a row whose 总计 is the
 * sum of its parts — when the first line did not add up alone, or, when it did, only under the
 * stricter conditions of `bandFrom`.
 */
import { APPLICANT_COLUMNS, constraints, type Path } from "@gov-report/core/lite";
import { tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import { refOf, type Token } from "../doc.js";
import { rowCheck } from "../solve/rows.js";
import { centresFromRows, stackColumns } from "../tables/common.js";
import { type Group, headerCentres, WIDTH } from "../tables/groups.js";
import type { StrategyInfo } from "./strategy.js";

/** Lines a row's figures may spread over (a figure wrapped in its cell, others centred between). */
const MAX_BAND = 4;
/** Characters of label a continuation line may carry: the last line of a wrapped row label. */
const MAX_LABEL_TAIL = 8;
/** Lines between two lines of one band at most. */
const MAX_GAP = 2;

/** The row total of any table 三 row (they all have the same shape), from core's constraints. */
const ROW_PATHS: readonly Path[] = APPLICANT_COLUMNS.map((c) => ["applications", "received", c.key]);
const rowAddsUp = rowCheck(constraints("2021"), ROW_PATHS);

interface Band {
  tokens: Token[];
  last: number;
  wrapped: string[];
}

/** Blank cells (undefined) count as 0; a row needs its 总计 printed and integer figures. */
function addsUp(tokens: readonly (Token | undefined)[]): boolean {
  return (
    tokens.length === WIDTH &&
    tokens[WIDTH - 1] !== undefined &&
    tokens.every((t) => t?.kind !== "num" || Number.isInteger(t.value)) &&
    rowAddsUp(tokens.map((t) => t?.value ?? 0))
  );
}

const defined = (tokens: readonly (Token | undefined)[]) => tokens.filter((t): t is Token => t !== undefined);

/** Only a printed page wraps figures inside cells: an HTML or Word table row is one row. */
export const WRAPPED_BANDS: StrategyInfo = { name: "wrapped-bands", needs: ["printed-page"] };

export function joinBands(ctx: ReadContext, groups: Group[], range: [number, number]): Group[] {
  const centres =
    headerCentres(ctx.doc, range[0], groups[0]?.line ?? range[1]) ??
    centresFromRows(
      groups.map((g) => g.tokens),
      WIDTH,
    );
  if (!centres) return groups;
  const out: Group[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    const band = bandFrom(groups, i, centres);
    if (!band) {
      out.push(g);
      continue;
    }
    const parts = groups.slice(i, band.last + 1);
    out.push({ tokens: band.tokens, before: parts.map((p) => p.before).join(""), line: g.line });
    if (band.wrapped.length)
      ctx.diags.emit(
        "cell.wrapped",
        { table: tableTag("applications"), lines: parts.length, wrapped: band.wrapped },
        { source: refOf(ctx.doc, g.line) },
      );
    i = band.last;
  }
  return out;
}

/**
 * The band starting at group `i`, if its lines join into a row that adds up. A row that adds up
 * by itself can still be wrapped: "646 … 646" when its only large figure and its 总计 both wrap.
 * Sums cannot tell (what is left of a row that adds up adds up too), so its continuation must
 * stack under figures of three or more digits, in lines short of a full row, and the band may hold
 * one row label (beyond the tail of a wrapped one).
 */
function bandFrom(groups: readonly Group[], i: number, centres: readonly number[]): Band | undefined {
  const g = groups[i] as Group;
  const alone = g.tokens.some((t) => t.pos === undefined) ? undefined : stackColumns([g.tokens], centres, true);
  if (g.tokens.length > WIDTH || !alone || alone.wrapped.length) return undefined;
  const fine = addsUp(alone.tokens);
  let labelled = g.before.length > MAX_LABEL_TAIL;
  let joined: Band | undefined;
  for (let j = i + 1; j < groups.length && j < i + MAX_BAND && !joined; j++) {
    const next = groups[j] as Group;
    if (next.line - (groups[j - 1] as Group).line > MAX_GAP || next.tokens.length > (fine ? WIDTH - 1 : WIDTH)) break;
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
  return joined ? withLastLine(groups, i, joined, centres) : undefined;
}

/** A row that adds up only once its last line is joined too ("9446 9446" over "8 8"). */
function withLastLine(groups: readonly Group[], i: number, joined: Band, centres: readonly number[]): Band {
  const after = groups[joined.last + 1];
  if (
    !after ||
    after.line - (groups[joined.last] as Group).line > MAX_GAP ||
    after.tokens.length > 3 ||
    after.before.length > MAX_LABEL_TAIL
  )
    return joined;
  const more = stackColumns(
    groups.slice(i, joined.last + 2).map((x) => x.tokens),
    centres,
    true,
  );
  const extends_ =
    more &&
    more.wrapped.length > joined.wrapped.length &&
    more.wrapped.every((w) => w.indexOf("/") >= 3 || joined.wrapped.includes(w.slice(0, w.lastIndexOf("/")))) &&
    addsUp(more.tokens);
  return extends_ ? { tokens: defined(more.tokens), wrapped: more.wrapped, last: joined.last + 1 } : joined;
}

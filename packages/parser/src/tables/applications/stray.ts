/**
 * Stray figures in 表三 of a text with no positions: a page number printed bare ("2" on a line
 * of its own, as many PDFs print it, with pdftotext putting every cell on a line of its own too)
 * lands among the figures and shifts every row after it by one cell. Every row of 表三 has its
 * total (core's row equation), so a shift shows: from the stray figure on, the rows stop adding
 * up. A figure printed alone on its line is taken out when that, and nothing else, makes the
 * rows after it add up again; otherwise the figures stay as printed.
 */
import { APPLICANT_COLUMNS, constraints, RULE_ROW_TOTAL } from "@gov-report/core/lite";
import { tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { refOf, type Token } from "../../doc.js";
import { rowCheck } from "../../solve/rows.js";
import type { StrategyInfo } from "../../strategies/strategy.js";
import { type Group, textGroups, WIDTH } from "../groups.js";
import { TABLE } from "./specs.js";

/** Only where figures come as a flow of text: a positioned source keeps a page number apart. */
export const STRAY_FIGURES: StrategyInfo = { name: "stray-figures", needs: ["text-flow"] };

/** Most stray figures taken out of one table (every page footer of a long table). */
const MAX_STRAY = 8;

let ROW_TOTAL: ((row: readonly number[]) => boolean) | undefined;

/** The row equation of 表三 (the same in every row and both editions), from core. */
function rowTotal(): (row: readonly number[]) => boolean {
  const paths = APPLICANT_COLUMNS.map((c) => [TABLE, "received", c.key]);
  ROW_TOTAL ??= rowCheck(
    constraints("2021").filter((c) => c.code === RULE_ROW_TOTAL),
    paths,
  );
  return ROW_TOTAL;
}

const values = (g: Group) => g.tokens.map((t) => (t.kind === "num" ? (t.value as number) : 0));

/** Rows of seven figures that do not add up. */
const failing = (groups: readonly Group[]): number => {
  const fits = rowTotal();
  return groups.filter((g) => g.tokens.length === WIDTH && !fits(values(g))).length;
};

const full = (groups: readonly Group[]) => groups.filter((g) => g.tokens.length === WIDTH).length;
const short = (groups: readonly Group[]) => groups.length - full(groups);

const sameFigures = (a: readonly Group[], b: readonly Group[]) =>
  a.length === b.length && a.every((g, i) => values(g).join() === values(b[i] as Group).join());

/** The figures of the first row that does not add up that are printed alone on their line. */
function suspects(ctx: ReadContext, groups: readonly Group[]): Token[] {
  const fits = rowTotal();
  const first = groups.find((g) => g.tokens.length === WIDTH && !fits(values(g)));
  return (first?.tokens ?? []).filter((t) => t.kind === "num" && ctx.doc.lines[t.line]?.tokens.length === 1);
}

/**
 * The text groups of 表三 with stray figures taken out, each reported (`numbers.stray`): only when
 * taking them out makes every row add up. A table whose rows still fail (its own faults, or a
 * layout the other strategies read) keeps its figures as printed.
 */
export function withoutStrayFigures(ctx: ReadContext, range: [number, number], groups: Group[]): Group[] {
  const skip: Token[] = [];
  let current = groups;
  let fails = failing(current);
  for (let round = 0; round < MAX_STRAY && fails > 0; round++) {
    let best: { token: Token; groups: Group[]; fails: number } | undefined;
    let tie = false;
    for (const token of suspects(ctx, current)) {
      const next = textGroups(ctx.doc, range, new Set([...skip, token]));
      // Taking a figure out must not leave a row short: that would hide a row's own fault.
      if (short(next) > short(current) || full(next) < full(current)) continue;
      const n = failing(next);
      if (!best || n < best.fails) [best, tie] = [{ token, groups: next, fails: n }, false];
      // Two figures of one value side by side read the same whichever goes: no doubt between them.
      else if (n === best.fails && !sameFigures(next, best.groups)) tie = true;
    }
    if (!best || tie || best.fails >= fails) break;
    skip.push(best.token);
    [current, fails] = [best.groups, best.fails];
  }
  if (fails > 0 || !skip.length) return groups;
  for (const token of skip) {
    const where = { path: [TABLE], source: refOf(ctx.doc, token.line) };
    ctx.diags.emit("numbers.stray", { table: tableTag(TABLE), figure: token.text }, where);
  }
  return current;
}

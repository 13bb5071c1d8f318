/**
 * Stray figures in 表二 of a text with no positions: a bare page number ("2" on a line of its own,
 * pdftotext putting every cell on a line of its own too) lands among the figures and a row takes
 * it, leaving the row's own figure with no row (`numbers.unassigned`). Table 二 has no totals to
 * prove which figure is the stray one; the row count does half of it — only without one of the
 * figures printed alone does every figure fall in a row — and the page sequence the rest: the
 * figure taken out must be its page's number (`src/pages.ts`). When the two agree on one figure
 * it is taken out (`numbers.page-number`); when they do not, the cells on which the readings with
 * and without the suspects differ are ambiguous (`numbers.stray-undecided`), never a silent guess.
 */
import { numericCellsOf, type Path } from "@gov-report/core/lite";
import { CellBook } from "../../cells/book.js";
import { tableTag } from "../../cells/names.js";
import type { ReadContext } from "../../context.js";
import { Diagnostics } from "../../diagnostics.js";
import { refOf, type SourceDoc } from "../../doc.js";
import { bareFigure, isPageNumber } from "../../pages.js";
import { meets, type StrategyInfo } from "../../strategies/strategy.js";
import { ProactiveScan } from "./scan.js";

/** Only where figures come as a flow of text: a positioned source keeps a page number apart. */
export const PROACTIVE_STRAY: StrategyInfo = { name: "stray-figures", needs: ["text-flow"] };

const TABLE = "proactiveDisclosure";
/** Figures printed alone tried at most (表二 has 22 cells at most, and a page number or two). */
const MAX_SUSPECTS = 32;

interface Trial {
  ctx: ReadContext;
  /** The line left out, or -1 for the table as printed. */
  line: number;
}

/** The table read into a book and diagnostics of its own. */
function trial(ctx: ReadContext, range: [number, number], doc: SourceDoc, line: number): Trial {
  const t: ReadContext = { ...ctx, doc, cells: new CellBook(ctx.edition), diags: new Diagnostics() };
  new ProactiveScan(t, range).run();
  return { ctx: t, line };
}

const unassigned = (t: Trial) => t.ctx.diags.list.some((d) => d.code === "numbers.unassigned");
const faults = (t: Trial) => t.ctx.diags.list.filter((d) => d.severity !== "info").length;

/** The document with line `index` holding nothing (its figure taken out). */
function without(doc: SourceDoc, index: number): SourceDoc {
  const lines = doc.lines.slice();
  const l = lines[index];
  if (l) lines[index] = { ...l, text: "", key: "", tokens: [] };
  return { ...doc, lines };
}

/** The lines of figures printed alone in the table, at most MAX_SUSPECTS (page numbers first). */
function suspects(doc: SourceDoc, range: [number, number]): number[] {
  const out: number[] = [];
  for (let i = range[0]; i < range[1]; i++) if (bareFigure(doc.lines[i])) out.push(i);
  if (out.length <= MAX_SUSPECTS) return out;
  return out.filter((i) => isPageNumber(doc, i)).slice(0, MAX_SUSPECTS);
}

/**
 * Reads table 二 (the segment scan), taking out a stray figure only when the row count and the
 * page sequence prove it, and saying the cells are ambiguous when a stray figure may be there.
 */
export function scanProactive(ctx: ReadContext, range: [number, number]): number {
  if (!meets(ctx.doc, PROACTIVE_STRAY)) return new ProactiveScan(ctx, range).run();
  const printed = trial(ctx, range, ctx.doc, -1);
  if (!unassigned(printed)) return new ProactiveScan(ctx, range).run();
  const fitting = suspects(ctx.doc, range)
    .map((i) => trial(ctx, range, without(ctx.doc, i), i))
    .filter((t) => !unassigned(t) && faults(t) < faults(printed));
  const pages = fitting.filter((t) => isPageNumber(ctx.doc, t.line));
  if (pages.length === 1) {
    const t = pages[0] as Trial;
    const found = new ProactiveScan({ ...ctx, doc: t.ctx.doc }, range).run();
    const figure = ctx.doc.lines[t.line]?.text.trim() ?? "";
    const source = refOf(ctx.doc, t.line);
    ctx.diags.emit(
      "numbers.page-number",
      { table: tableTag(TABLE), figure, where: "rows" },
      { path: [TABLE], ...(source ? { source } : {}) },
    );
    return found;
  }
  const found = new ProactiveScan(ctx, range).run();
  if (fitting.length) undecided(ctx, [printed, ...(pages.length ? pages : fitting)]);
  return found;
}

/** The cells on which the readings differ: ambiguous, with every reading's value. */
function undecided(ctx: ReadContext, trials: readonly Trial[]): void {
  const rows = new Set<string>();
  for (const cell of numericCellsOf(ctx.edition)) {
    if (cell.path[0] !== TABLE) continue;
    const values = new Set<number>();
    for (const t of trials) {
      const v = t.ctx.cells.value(cell.path as Path);
      if (v !== undefined) values.add(v);
    }
    if (values.size < 2) continue;
    ctx.cells.ambiguous(cell.path as Path, [...values]);
    rows.add(String(cell.path[1]));
  }
  const figures = trials
    .filter((t) => t.line >= 0)
    .map((t) => ctx.doc.lines[t.line]?.text.trim() ?? "")
    .join(" ");
  for (const row of rows)
    ctx.diags.emit("numbers.stray-undecided", { table: tableTag(TABLE), figures }, { path: [TABLE, row] });
}

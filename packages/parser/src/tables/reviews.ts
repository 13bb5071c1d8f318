/**
 * Table 四 政府信息公开行政复议、行政诉讼情况: one data row of 15 figures after the header
 * (行政复议 · 行政诉讼 / 未经复议直接起诉 · 复议后起诉 / 结果维持 … 总计). The header is searched
 * from table 三 to the end of the document, since extraction can float the table after 六. The
 * figures are read by the candidates of src/tables/reviews/candidates.ts, scored by `choose`.
 */
import { constraints, type Path, REVIEW_GROUPS, REVIEW_OUTCOMES } from "@gov-report/core/lite";
import { tableName, tableTag } from "../cells/names.js";
import type { ReadContext } from "../context.js";
import { refOf, type SourceDoc } from "../doc.js";
import { weigh } from "../evidence/evidence.js";
import { headingOf } from "../sections.js";
import { type Chosen, choose } from "../solve/choose.js";
import { prefixCheck, rowCheck } from "../solve/rows.js";
import { isValue, recordReadings, recordToken } from "./common.js";
import { type Gathered, REVIEWS_STRATEGIES, type ReviewsCandidate, type ReviewsInput } from "./reviews/candidates.js";
import { isBetweenParts, WIDTH } from "./reviews/header.js";
import { STATED_NONE, statedNoCases } from "./reviews/stated-none.js";

const TABLE = "reviewsAndLawsuits" as const;
const PATHS: readonly Path[] = REVIEW_GROUPS.flatMap((g) => REVIEW_OUTCOMES.map((o) => [TABLE, g.key, o.key]));
/** Table 四's equations (each group's 总计) on its 15 figures in printed order, from core. Both editions share them. */
const groupsAddUp = rowCheck(constraints("2021"), PATHS);
const groupsSoFar = prefixCheck(constraints("2021"), PATHS);

export interface ReviewsResult {
  /** Last line of the table (the data row), so narrative can skip it. */
  end: number;
  found: boolean;
}

export function readReviews(ctx: ReadContext, found: number | undefined): ReviewsResult {
  const { doc, diags } = ctx;
  // The header line, or the section's heading when no header words are printed (findLayout).
  const header = found;
  if (header === undefined) {
    diags.emit("table.missing", { table: tableName(TABLE) }, { path: [TABLE] });
    return { end: -1, found: false };
  }
  const g = gather(doc, header);
  const source = refOf(doc, g.firstValueLine >= 0 ? g.firstValueLine : header);
  const where = { path: [TABLE], source };
  const input: ReviewsInput = { ctx, header, g, where, addsUp: groupsAddUp, soFar: groupsSoFar };
  const chosen = choose(doc, REVIEWS_STRATEGIES, input, {
    fits: groupsAddUp,
    weigh: (readings) => weigh(ctx.evidence, PATHS, readings, (p) => ctx.cells.value(p)),
  });
  if (!chosen) return noRow(ctx, header, g, where);
  record(ctx, chosen);
  const end = chosen.candidate.end;
  return end !== undefined ? { end: Math.max(g.end, end), found: true } : { end: g.end, found: g.values.length > 0 };
}

/** No row of figures: the section's sentence that no case arose (fifteen 0s, inferred), else the row is missing. */
function noRow(ctx: ReadContext, header: number, g: Gathered, where: { path: string[] }): ReviewsResult {
  const stated = g.values.length ? undefined : statedNoCases(ctx.doc, header);
  if (!stated) {
    ctx.diags.emit("row.missing", { row: tableTag(TABLE) }, where);
    return { end: g.end, found: false };
  }
  for (const p of PATHS) ctx.cells.inferred(p, 0, STATED_NONE);
  const source = refOf(ctx.doc, stated.line, stated.text);
  ctx.diags.emit("table.stated-none", { table: tableTag(TABLE), text: stated.text }, { path: [TABLE], source });
  return { end: stated.line, found: true };
}

/** The chosen reading into the cells: tokens as printed, else the readings the evidence left. */
function record(ctx: ReadContext, chosen: Chosen<ReviewsCandidate>): void {
  const c = chosen.candidate;
  const by = chosen.by ?? c.by;
  c.report(chosen.readings, by);
  const tokens = c.tokens;
  if (tokens)
    PATHS.forEach((p, i) => {
      recordToken(ctx, p, tokens[i]);
    });
  else if (chosen.readings.length) recordReadings(ctx, PATHS, chosen.readings, by);
}

function gather(doc: SourceDoc, header: number): Gathered {
  const g: Gathered = { values: [], runOf: [], headerTokens: [], end: header, firstValueLine: -1 };
  let run = 0;
  let wordsSince = false;
  for (let i = header; i < doc.lines.length && g.values.length < WIDTH; i++) {
    const l = doc.lines[i];
    if (!l) continue;
    if (i > header && (headingOf(l.key) || (l.key.length > 60 && !l.tableRow))) break;
    // The data row printed with every cell blank (all zeros), in a table grid: the row, read blank.
    if ((l.emptyCells ?? 0) >= WIDTH && g.firstValueLine < 0) {
      g.blankRow = i;
      g.end = i;
      break;
    }
    // Figures of one row: once they started, a line of words ends them — except a stray column
    // header (plain PDF-to-text output can print "总计" between the 14th and the 15th figure) or
    // the caption and header of the table's second part (表四 printed as two tables).
    const vals = l.tokens.filter(isValue);
    if (!vals.length && g.firstValueLine >= 0) {
      if (isBetweenParts(l.key)) {
        wordsSince = true;
        continue;
      }
      break;
    }
    if (vals.length && g.firstValueLine < 0) g.firstValueLine = i;
    for (const t of l.tokens) {
      if (isValue(t)) {
        if (wordsSince && g.values.length) run++;
        wordsSince = false;
        g.values.push(t);
        g.runOf.push(run);
      } else {
        if (t.pos !== undefined) g.headerTokens.push(t);
        wordsSince = true;
      }
    }
    g.end = i;
  }
  return g;
}

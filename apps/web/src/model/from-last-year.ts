/**
 * This year's report started from last year's, as the cross-year rules 7–9 of the format say the
 * figures carry over: 上年结转 = last year's 结转下年度 column by column (rule 7), 2019 上一年项目数量 =
 * last year's 上一年项目数量 + 本年增/减 (rule 8), 2021 现行有效件数 starting from last year's (rule 9,
 * before this year's 本年制发 and 本年废止 are typed). Every cell and column comes from core's catalog
 * and cell list; nothing is named here. A figure that last year's document left unread or ambiguous
 * (its provenance) is not carried: the cell starts blank for the clerk to fill in, never as a guess.
 */
import {
  APPLICANT_COLUMNS,
  cellAt,
  computeTotals,
  createEmptyReport,
  type Edition,
  editionForYear,
  getAt,
  type Path,
  PROACTIVE_BLOCKS,
  type Report,
  setAt,
} from "@gov-report/core/lite";
import type { DraftReport } from "./draft.js";
import { META } from "./meta.js";

type Carry = { to: Path; from: readonly Path[] };

/** The cells of this year that last year's figures give, and the cells of last year they add up. */
export function carriedCells(last: Edition, next: Edition): Carry[] {
  const out: Carry[] = APPLICANT_COLUMNS.map((c) => ({
    to: ["applications", "carriedOver", c.key],
    from: [["applications", "carriedForward", c.key]],
  }));
  if (last !== next) return out;
  for (const block of PROACTIVE_BLOCKS[next]) {
    const keys = new Set(block.columns.map((c) => c.key));
    for (const row of block.rows) {
      const p = (col: string): Path => ["proactiveDisclosure", row.key, col];
      if (next === "2019" && keys.has("previousCount") && keys.has("change"))
        out.push({ to: p("previousCount"), from: [p("previousCount"), p("change")] });
      if (next === "2021" && keys.has("inForce")) out.push({ to: p("inForce"), from: [p("inForce")] });
    }
  }
  return out.filter((c) => cellAt(next, c.to) && c.from.every((f) => cellAt(last, f)));
}

const needsReading = (report: unknown, path: Path) => {
  const id = path.join(".");
  const status = (getAt(report, ["provenance", id, "status"]) ?? "") as string;
  return status === "unread" || status === "ambiguous";
};

/** A new draft of year + 1 for the same agency, with what last year's report carries into it. */
export function startFromLastYear(last: Report): { report: DraftReport; carried: number; blank: string[] } {
  const year = last.year + 1;
  const edition = editionForYear(year);
  const report = createEmptyReport({ year, edition, agencyName: last.agency.name }) as unknown as DraftReport;
  const signer = getAt(last, ["signature", "agency"]);
  const signs = META.editions[edition].header.some((h) => h.path.join(".") === "signature.agency");
  if (signs && typeof signer === "string" && signer.trim()) {
    setAt(report, ["signature", "agency"], signer);
    setAt(report, ["signature", "date"], "");
  }
  const blank: string[] = [];
  const cells = carriedCells(last.edition, edition);
  for (const c of cells) {
    const values = c.from.map((f) => getAt(last, f));
    if (c.from.some((f) => needsReading(last, f)) || !values.every((v) => typeof v === "number")) {
      setAt(report, c.to, null);
      blank.push(c.to.join("."));
    } else
      setAt(
        report,
        c.to,
        (values as number[]).reduce((a, b) => a + b, 0),
      );
  }
  const filled = computeTotals(report as unknown as Report) as unknown as DraftReport;
  return { report: filled, carried: cells.length - blank.length, blank };
}

/** fast-check generators of reports: random consistent reports of either edition. */
import fc from "fast-check";
import {
  APPLICANT_PARTS,
  applicationRows,
  cellsOf,
  computeTotals,
  createEmptyReport,
  type Edition,
  getAt,
  REVIEW_GROUPS,
  REVIEW_PARTS,
  type Report,
  setAt,
} from "../src/index.js";

const small = fc.integer({ min: 0, max: 500 });

/**
 * A report whose every invariant holds: random parts, totals computed, and per column
 * received = (七)总计 + carried forward − carried over, with carried over ≤ that sum.
 */
export const consistentReport = (edition?: Edition): fc.Arbitrary<Report> =>
  fc
    .record({
      edition: edition ? fc.constant(edition) : fc.constantFrom<Edition>("2019", "2021"),
      seed: fc.array(small, { minLength: 400, maxLength: 400 }),
      money: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ edition: ed, seed, money }) => {
      let i = 0;
      const next = () => seed[i++ % seed.length] as number;
      const r = createEmptyReport({ edition: ed, year: ed === "2019" ? 2020 : 2024, agencyName: "某某局" }) as Report;
      const obj = r as unknown as Record<string, unknown>;
      for (const c of cellsOf(ed)) {
        if (c.section !== "proactiveDisclosure") continue;
        setAt(
          obj,
          c.path,
          c.kind === "amountWanYuan" ? money / 10_000 : c.kind === "signedCount" ? next() - 250 : next(),
        );
      }
      for (const row of applicationRows(ed)) {
        if (row.role !== "outcome" && row.role !== "carriedForward") continue;
        for (const k of APPLICANT_PARTS) setAt(obj, ["applications", ...row.path, k], next());
      }
      for (const g of REVIEW_GROUPS) for (const k of REVIEW_PARTS) setAt(obj, ["reviewsAndLawsuits", g.key, k], next());
      const withTotals = computeTotals(r) as unknown as Record<string, unknown>;
      for (const k of APPLICANT_PARTS) {
        const out = getAt(withTotals, ["applications", "outcomes", "total", k]) as number;
        const fwd = getAt(withTotals, ["applications", "carriedForward", k]) as number;
        const over = next() % (out + fwd + 1);
        setAt(withTotals, ["applications", "carriedOver", k], over);
        setAt(withTotals, ["applications", "received", k], out + fwd - over);
      }
      const done = computeTotals(withTotals as unknown as Report);
      done.overview = "本年度政府信息公开工作有序推进。";
      done.problemsAndImprovements = "一是公开质量有待提高。";
      done.otherMatters = "全年未收取信息处理费。";
      return done;
    });

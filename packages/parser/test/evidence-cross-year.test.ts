/** Last year's report as evidence: the facts are core's crossYearConstraints, nothing of the parser's own. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crossYearConstraints, type Report } from "@gov-report/core/lite";
import { describe, expect, it } from "vitest";
import { buildEvidence } from "../src/evidence/facts.js";
import { parseText } from "../src/index.js";
import { expected, FIXTURES } from "./helpers.js";

const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
/** 表二's 行政许可 row printed with no separators: 22 +3 2 → "2232", several splits. */
const runTogether = seed.replace("行政许可 22 +3 2", "行政许可2232");
const lastYear = () => {
  const r = structuredClone(expected("seed-2020")) as unknown as Report;
  r.year = 2019;
  (r.proactiveDisclosure as Record<string, unknown>).licensing = { previousCount: 19, change: 3, decisions: 1 };
  return r;
};
const licensing = (r: ReturnType<typeof parseText>) =>
  Object.fromEntries(
    Object.entries(r.report.provenance ?? {}).filter(([k]) => k.startsWith("proactiveDisclosure.licensing.")),
  );

describe("evidence from last year's report", () => {
  it("one fact per equation of crossYearConstraints whose figures last year were read", () => {
    const prev = expected("hongze-2023") as unknown as Report;
    const facts = buildEvidence("2021", {}, prev).facts;
    const list = crossYearConstraints("2021", "2021");
    expect(facts.map((f) => f.terms)).toEqual(list.map((c) => c.current));
    expect(facts.map((f) => Boolean(f.approximate))).toEqual(list.map((c) => c.approximate));
    const carried = facts.find((f) => f.terms[0]?.path.join(".") === "applications.carriedOver.total");
    expect(carried?.value).toBe((prev.applications.carriedForward as Record<string, number>).total);
    expect(facts.every((f) => f.by === "previous")).toBe(true);
  });

  it("across editions only 上年结转 (rule 7) is evidence", () => {
    const prev = expected("seed-2020") as unknown as Report;
    const facts = buildEvidence("2021", {}, prev).facts;
    expect(facts.length).toBe(crossYearConstraints("2019", "2021").length);
    expect(facts.every((f) => f.terms[0]?.path.slice(0, 2).join(".") === "applications.carriedOver")).toBe(true);
  });

  it("rule 8 decides a run-together 表二 row the document alone leaves ambiguous", () => {
    const alone = parseText(runTogether);
    expect(licensing(alone)["proactiveDisclosure.licensing.previousCount"]?.status).toBe("ambiguous");
    const r = parseText(runTogether, { previous: lastYear() });
    expect(r.report.proactiveDisclosure.licensing).toEqual({ previousCount: 22, change: 3, decisions: 2 });
    expect(licensing(r)["proactiveDisclosure.licensing.previousCount"]).toEqual({ status: "inferred", by: "previous" });
  });

  it("a figure last year's document left unread or ambiguous is no evidence (its 0 is a placeholder)", () => {
    const prev = lastYear();
    prev.provenance = { "proactiveDisclosure.licensing.change": { status: "unread" } };
    expect(buildEvidence("2019", {}, prev).facts.some((f) => f.terms[0]?.path[1] === "licensing")).toBe(false);
    const r = parseText(runTogether, { previous: prev });
    expect(licensing(r)["proactiveDisclosure.licensing.previousCount"]?.status).toBe("ambiguous");
  });
});

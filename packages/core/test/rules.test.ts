import { describe, expect, it } from "vitest";
import {
  AgencyIndex,
  compareYears,
  type Report,
  type Report2019,
  type Report2021,
  RULE_CATALOG,
  RULES,
  sameAgency,
  validateReport,
} from "../src/index.js";
import { clone, fixture } from "./helpers.js";

/** A consistent 2021 report with non-zero figures and every section written. */
function base2021(): Report2021 {
  const r = clone(fixture("huaian-2024")) as Report2021;
  r.overview =
    "2024年，全市共收到政府信息公开申请3119件，上年结转34件。全年发生政府信息公开行政复议351件、行政诉讼46件。";
  r.problemsAndImprovements = "存在问题：一是主动公开的精准度有待提高。";
  r.otherMatters = "全年收取政府信息公开信息处理费0元。";
  return r;
}
function base2019(): Report2019 {
  return clone(fixture("seed-2020")) as Report2019;
}

type Case = {
  code: string;
  /** Report (or any value) that breaks the rule. */
  failing: () => unknown;
  /** Where the issue is reported. */
  path: (string | number)[];
};

const CASES: Case[] = [
  { code: RULES.notObject.code, failing: () => [1, 2], path: [] },
  {
    code: RULES.edition.code,
    failing: () => ({ ...base2021(), edition: "2022" }),
    path: ["edition"],
  },
  {
    code: RULES.missing.code,
    failing: () => {
      const r = base2021() as unknown as { applications: { received: Record<string, unknown> } };
      delete r.applications.received.research;
      return r;
    },
    path: ["applications", "received", "research"],
  },
  {
    code: RULES.unknownKey.code,
    failing: () => {
      const r = base2021() as unknown as { reviewsAndLawsuits: Record<string, unknown> };
      r.reviewsAndLawsuits.withdrawn = { upheld: 0 };
      return r;
    },
    path: ["reviewsAndLawsuits", "withdrawn"],
  },
  {
    code: RULES.wrongType.code,
    failing: () => {
      const r = base2021() as unknown as { applications: { received: Record<string, unknown> } };
      r.applications.received.naturalPerson = "3001";
      return r;
    },
    path: ["applications", "received", "naturalPerson"],
  },
  {
    code: RULES.notInteger.code,
    failing: () => {
      const r = base2021();
      r.reviewsAndLawsuits.lawsuitAfterReview.pending = 1.5;
      return r;
    },
    path: ["reviewsAndLawsuits", "lawsuitAfterReview", "pending"],
  },
  {
    code: RULES.negative.code,
    failing: () => {
      const r = base2021();
      r.proactiveDisclosure.fees.amountWanYuan = -1;
      return r;
    },
    path: ["proactiveDisclosure", "fees", "amountWanYuan"],
  },
  { code: RULES.outOfRange.code, failing: () => ({ ...base2021(), year: 1999 }), path: ["year"] },
  {
    code: RULES.balance.code,
    failing: () => {
      const r = base2021();
      r.applications.carriedForward.naturalPerson += 1;
      r.applications.carriedForward.total += 1;
      return r;
    },
    path: ["applications", "carriedForward", "naturalPerson"],
  },
  {
    code: RULES.columnTotal.code,
    failing: () => {
      // A result row moved between columns' totals only: row totals still add up.
      const r = base2021();
      r.applications.outcomes.withheld.stateSecret.naturalPerson += 1;
      r.applications.outcomes.withheld.stateSecret.total += 1;
      return r;
    },
    path: ["applications", "outcomes", "total", "naturalPerson"],
  },
  {
    code: RULES.rowTotal.code,
    failing: () => {
      const r = base2021();
      r.applications.received.total = 3000;
      return r;
    },
    path: ["applications", "received", "total"],
  },
  {
    code: RULES.reviewTotal.code,
    failing: () => {
      const r = base2021();
      r.reviewsAndLawsuits.lawsuitWithoutReview.total = 0;
      return r;
    },
    path: ["reviewsAndLawsuits", "lawsuitWithoutReview", "total"],
  },
  {
    code: RULES.cellUnread.code,
    failing: () => ({ ...base2021(), provenance: { "applications.received.research": { status: "unread" } } }),
    path: ["applications", "received", "research"],
  },
  {
    code: RULES.cellAmbiguous.code,
    failing: () => ({
      ...base2021(),
      provenance: { "proactiveDisclosure.licensing.decisions": { status: "ambiguous", candidates: [12, 120] } },
    }),
    path: ["proactiveDisclosure", "licensing", "decisions"],
  },
  {
    code: RULES.signatureDate.code,
    failing: () => ({ ...base2021(), signature: { agency: "淮安市人民政府", date: "2025-02-30" } }),
    path: ["signature", "date"],
  },
  {
    code: RULES.signatureLate.code,
    failing: () => ({ ...base2021(), signature: { agency: "淮安市人民政府", date: "2025-04-15" } }),
    path: ["signature", "date"],
  },
  { code: RULES.editionYear.code, failing: () => ({ ...base2021(), year: 2020 }), path: ["edition"] },
  {
    code: RULES.emptySection.code,
    failing: () => ({ ...base2021(), problemsAndImprovements: "  " }),
    path: ["problemsAndImprovements"],
  },
  {
    code: RULES.decimals.code,
    failing: () => {
      const r = base2019();
      r.proactiveDisclosure.procurement.amountWanYuan = 25.68351;
      return r;
    },
    path: ["proactiveDisclosure", "procurement", "amountWanYuan"],
  },
  {
    code: RULES.textFigure.code,
    failing: () => ({ ...base2021(), overview: "2024年，全市共收到政府信息公开申请 258 件。" }),
    path: ["overview"],
  },
  {
    code: RULES.feesNotReported.code,
    failing: () => ({ ...base2021(), otherMatters: "无。" }),
    path: ["otherMatters"],
  },
  {
    code: RULES.invalidChar.code,
    failing: () => ({ ...base2021(), problemsAndImprovements: "无\uFFFE" }),
    path: ["problemsAndImprovements"],
  },
];

describe("every validation rule", () => {
  it("has a case here, so no rule goes untested", () => {
    const compareCodes = new Set([
      RULES.carriedForward.code,
      RULES.projectCount.code,
      RULES.inForce.code,
      RULES.textOverlap.code,
      RULES.sequence.code,
      RULES.unchecked.code,
      RULES.invalidPrevious.code,
    ]);
    const tested = new Set(CASES.map((c) => c.code));
    // aggregate.* codes are tested with sumReports in aggregate.test.ts.
    for (const r of RULE_CATALOG)
      if (!compareCodes.has(r.code) && !r.code.startsWith("aggregate.")) expect(tested, r.code).toContain(r.code);
  });

  it.each([
    ["2021", base2021],
    ["2019", base2019],
  ])("passes on a consistent %s report", (_, make) => {
    const result = validateReport(make());
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(CASES.map((c) => [c.code, c] as const))("%s: reported at the right cell", (code, c) => {
    const result = validateReport(c.failing());
    const hit = result.issues.find((i) => i.code === code);
    expect(hit, JSON.stringify(result.issues.map((i) => i.code))).toBeDefined();
    expect(hit?.path).toEqual(c.path);
    expect(hit?.severity).toBe(RULE_CATALOG.find((r) => r.code === code)?.severity);
    expect(hit?.message.length).toBeGreaterThan(0);
    expect(hit?.messageEn.length).toBeGreaterThan(0);
    if (hit?.severity === "error") expect(result.ok).toBe(false);
  });
});

describe("invariant 10: figures quoted in the overview", () => {
  it("reads 收到/受理 申请, 行政复议 and 行政诉讼 and accepts matching figures", () => {
    const r = base2021();
    r.overview = "全年受理政府信息公开申请 3,119 件，其中予以公开 1362 件。行政复议 351 件，行政诉讼 46 件。";
    expect(validateReport(r).issues).toEqual([]);
  });
  it("flags a lawsuit count that differs from 直接起诉 + 复议后起诉", () => {
    const r = base2021();
    r.overview = "发生政府信息公开行政诉讼 26 件。";
    const issue = validateReport(r).issues.find((i) => i.code === "text.figure-mismatch");
    expect(issue).toMatchObject({ expected: 46, actual: 26 });
  });
  it("reads full-width digits and ignores years", () => {
    const r = base2021();
    r.overview = "２０２４年共收到政府信息公开申请２５８件。";
    expect(validateReport(r).issues.find((i) => i.code === "text.figure-mismatch")).toMatchObject({ actual: 258 });
  });
  it("treats 未收到…申请 as zero", () => {
    const r = base2019();
    expect(r.overview).toContain("未收到政府");
    expect(validateReport(r).issues).toEqual([]);
    r.applications.received.naturalPerson = 1;
    r.applications.received.total = 1;
    r.applications.carriedForward.naturalPerson = 1;
    r.applications.carriedForward.total = 1;
    expect(validateReport(r).issues.map((i) => i.code)).toEqual(["text.figure-mismatch"]);
  });
});

describe("edition handling", () => {
  it("checks a report without an edition as the shape it has, and says so", () => {
    const r = base2021() as Partial<Report>;
    delete r.edition;
    const result = validateReport(r);
    expect(result.issues.map((i) => i.code)).toEqual(["structure.missing"]);
    expect(result.issues[0]?.message).toContain("按 2021 版核对");
  });
  it("flags the 2021 （六） sub-rows inside a 2019 report as unknown keys", () => {
    const r = base2019() as unknown as { applications: { outcomes: { other: Record<string, unknown> } } };
    r.applications.outcomes.other.unpaidFees = 0;
    expect(validateReport(r).issues.map((i) => `${i.code} ${i.path.join(".")}`)).toContain(
      "structure.unknown-key applications.outcomes.other.unpaidFees",
    );
  });
});

describe("compareYears", () => {
  const h23 = () => clone(fixture("hongze-2023"));
  const h24 = () => clone(fixture("hongze-2024"));

  it("passes on consecutive consistent reports (Hongze 2023 → 2024)", () => {
    const result = compareYears(h23(), h24());
    // 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024) are one agency.
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("takes a name with the higher region in front as the same agency", () => {
    expect(sameAgency("洪泽区人民政府", "淮安市洪泽区人民政府")).toBe(true);
    expect(sameAgency("洪泽区人民政府", "淮安市人民政府")).toBe(false);
    expect(sameAgency("", "淮安市人民政府")).toBe(false);
    expect(sameAgency("县人民政府", "某某县人民政府")).toBe(false); // 某某 is not a region
    expect(sameAgency("人民政府", "淮安市人民政府")).toBe(false); // too short to name an agency
  });

  it("groups the names of one agency with AgencyIndex, whichever comes first", () => {
    const a = new AgencyIndex();
    const k1 = a.key("洪泽区人民政府");
    expect(a.key("淮安市洪泽区人民政府")).toBe(k1);
    expect(a.key(" 洪泽区人民政府 ")).toBe(k1);
    expect(a.key("淮安市人民政府")).not.toBe(k1);
    const b = new AgencyIndex();
    const k2 = b.key("淮安市洪泽区人民政府");
    expect(b.key("洪泽区人民政府")).toBe(k2);
  });

  it("invariant 7: carried forward N−1 = carried over N, per column", () => {
    const cur = h24();
    cur.applications.carriedOver.business = 2;
    const issue = compareYears(h23(), cur).issues.find((i) => i.code === "years.carried-forward");
    expect(issue).toMatchObject({
      path: ["applications", "carriedOver", "business"],
      related: [["previous", "applications", "carriedForward", "business"]],
      expected: 0,
      actual: 2,
    });
  });

  it("a cross-year check over a cell that was not read is said, as a warning, not passed", () => {
    const cur = h24();
    cur.provenance = { "applications.carriedOver.business": { status: "unread" } };
    const result = compareYears(h23(), cur);
    const unchecked = result.issues.filter((i) => i.code === "years.unchecked");
    expect(unchecked.map((i) => [i.severity, i.path.join(".")])).toEqual([
      ["warning", "applications.carriedOver.business"],
    ]);
    expect(unchecked[0]?.message).toContain("本年");
    const prev = h23();
    prev.provenance = { "applications.carriedForward.total": { status: "ambiguous", candidates: [0, 1] } };
    const fromPrevious = compareYears(prev, h24()).issues.filter((i) => i.code === "years.unchecked");
    expect(fromPrevious.map((i) => i.related)).toEqual([[["previous", "applications", "carriedForward", "total"]]]);
  });

  it("invariant 8: 2019 上一年项目数量(N) = 上一年项目数量(N−1) + 本年增/减(N−1)", () => {
    const prev = clone(fixture("seed-2020")) as Report2019;
    prev.year = 2019;
    const cur = clone(fixture("seed-2020")) as Report2019;
    cur.proactiveDisclosure.licensing.previousCount = 25; // 22 + 3
    cur.proactiveDisclosure.otherServices.previousCount = 44; // 25 + 19
    cur.proactiveDisclosure.penalties.previousCount = 15; // 14 + 1
    expect(compareYears(prev, cur).issues.filter((i) => i.code === "years.project-count")).toEqual([]);
    cur.proactiveDisclosure.penalties.previousCount = 14;
    const issue = compareYears(prev, cur).issues.find((i) => i.code === "years.project-count");
    expect(issue).toMatchObject({
      path: ["proactiveDisclosure", "penalties", "previousCount"],
      expected: 15,
      actual: 14,
    });
  });

  it("invariant 9: 现行有效件数 drift is a warning, not an error", () => {
    const cur = h24() as Report2021;
    cur.proactiveDisclosure.normativeDocuments.inForce = 9;
    const result = compareYears(h23(), cur);
    const issue = result.issues.find((i) => i.code === "years.in-force");
    expect(issue).toMatchObject({ severity: "warning", expected: 8, actual: 9 });
    expect(result.ok).toBe(true);
  });

  it("warns when more than half of the text repeats last year's", () => {
    const prev = base2021();
    prev.year = 2023;
    const cur = base2021();
    const result = compareYears(prev, cur);
    expect(result.textOverlap).toBe(1);
    expect(result.issues.map((i) => i.code)).toContain("years.text-overlap");
    cur.overview = "本年度我们重写了全部文字，介绍了新的平台建设与监督保障情况，并新增了培训安排。";
    cur.problemsAndImprovements = "问题在于新系统上线较晚，改进措施为加快迁移。";
    cur.otherMatters = "本年度未收取信息处理费。";
    expect(compareYears(prev, cur).issues.map((i) => i.code)).not.toContain("years.text-overlap");
  });

  it("warns when the reports are not consecutive years of one agency", () => {
    const result = compareYears(fixture("hongze-2023"), fixture("huaian-2024"));
    expect(result.issues.map((i) => i.code)).toContain("years.sequence");
  });

  it("refuses to compare a value that is not a report", () => {
    const result = compareYears({ edition: "2021" }, h24());
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(["years.invalid-input"]);
  });
});

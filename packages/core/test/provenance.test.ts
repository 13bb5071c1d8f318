import { describe, expect, it } from "vitest";
import {
  cellStatus,
  cellsNeedingReading,
  type Provenance,
  type Report,
  report2019Schema,
  report2021Schema,
  reportJsonSchema,
  validateReport,
} from "../src/index.js";
import { clone, errorsOf, fixture } from "./helpers.js";

const withProvenance = (r: Report, provenance: unknown) =>
  ({ ...clone(r), provenance }) as unknown as Record<string, unknown>;

describe("provenance", () => {
  it("a report without provenance validates exactly as before; printed/blank/inferred entries add nothing", () => {
    for (const name of ["seed-2020", "huaian-2024", "hongze-2023"] as const) {
      const r = fixture(name);
      const plain = validateReport(r).issues;
      const p: Provenance = {
        "applications.received.naturalPerson": { status: "printed" },
        "applications.received.business": { status: "blank" },
        "reviewsAndLawsuits.administrativeReview.total": { status: "inferred", by: "reviews.group-total" },
      };
      expect(validateReport(withProvenance(r, p)).issues).toEqual(plain);
      expect(validateReport(withProvenance(r, {})).issues).toEqual(plain);
    }
  });

  it("an unread cell is an error at the cell, named by its printed labels, and its placeholder takes part in no sum", () => {
    const r = clone(fixture("huaian-2024"));
    const path = ["proactiveDisclosure", "normativeDocuments", "issued"];
    const result = validateReport(withProvenance(r, { [path.join(".")]: { status: "unread" } }));
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.code === "cell.unread");
    expect(issue?.path).toEqual(path);
    expect(issue?.severity).toBe("error");
    expect(issue?.message).toBe("表二 行政规范性文件 · 本年制发件数：原文未能读取");
    expect(issue?.messageEn).toContain("could not be read");

    // A placeholder 0 in a 表三 cell breaks no total: the constraint cannot be checked.
    const r3 = clone(fixture("huaian-2024"));
    r3.applications.received.naturalPerson = 0;
    const errors = errorsOf(
      validateReport(withProvenance(r3, { "applications.received.naturalPerson": { status: "unread" } })).issues,
    );
    expect(errors).toEqual(["cell.unread applications.received.naturalPerson"]);
    // Without the provenance, the same 0 is a printed figure and breaks its row and column.
    expect(errorsOf(validateReport(r3).issues).length).toBeGreaterThan(1);
  });

  it("unread cells are reported, and kept out of the sums, when other cells are broken too", () => {
    const r = clone(fixture("huaian-2024")) as unknown as { applications: { received: Record<string, unknown> } };
    r.applications.received.business = "12";
    r.applications.received.naturalPerson = 0;
    const errors = errorsOf(
      validateReport(
        withProvenance(r as unknown as Report, { "applications.received.naturalPerson": { status: "unread" } }),
      ).issues,
    );
    expect(errors).toEqual([
      "structure.wrong-type applications.received.business",
      "cell.unread applications.received.naturalPerson",
    ]);
  });

  it("an ambiguous cell is an error listing its candidates", () => {
    const r = clone(fixture("seed-2020"));
    const id = "reviewsAndLawsuits.lawsuitAfterReview.upheld";
    const result = validateReport(withProvenance(r, { [id]: { status: "ambiguous", candidates: [3, 30] } }));
    const issue = result.issues.find((i) => i.code === "cell.ambiguous");
    expect(issue?.path.join(".")).toBe(id);
    expect(issue?.message).toBe("表四 行政诉讼 复议后起诉 · 结果维持：原文有多种读法（可能为 3、30），需核对原文");
    expect(result.ok).toBe(false);
  });

  it("keys must be cells of the edition and entries well-formed, like the zod schema", () => {
    const r = fixture("huaian-2024");
    const bad: [unknown, string][] = [
      [[], "structure.wrong-type provenance"],
      [
        { "proactiveDisclosure.rules.newlyMade": { status: "printed" } },
        "structure.unknown-key provenance.proactiveDisclosure.rules.newlyMade",
      ],
      [
        { "applications.received.total": { status: "guessed" } },
        "structure.wrong-type provenance.applications.received.total.status",
      ],
      [{ "applications.received.total": {} }, "structure.missing provenance.applications.received.total.status"],
      [
        { "applications.received.total": { status: "ambiguous", candidates: ["3"] } },
        "structure.wrong-type provenance.applications.received.total.candidates",
      ],
      [
        { "applications.received.total": { status: "inferred", by: 4 } },
        "structure.wrong-type provenance.applications.received.total.by",
      ],
      [
        { "applications.received.total": { status: "printed", extra: 1 } },
        "structure.unknown-key provenance.applications.received.total.extra",
      ],
      [{ "applications.received.total": "unread" }, "structure.wrong-type provenance.applications.received.total"],
    ];
    for (const [p, error] of bad) {
      const input = withProvenance(r, p);
      const result = validateReport(input);
      expect(errorsOf(result.issues)).toEqual([error]);
      expect(result.report).toBeUndefined();
      expect(report2021Schema.safeParse(input).success).toBe(false);
    }
    const good = withProvenance(r, {
      "applications.received.total": { status: "ambiguous", candidates: [1, 2], note: "其中修订5件" },
    });
    expect(report2021Schema.safeParse(good).success).toBe(true);
    expect(
      report2019Schema.safeParse(
        withProvenance(fixture("seed-2020"), { "proactiveDisclosure.rules.newlyMade": { status: "printed" } }),
      ).success,
    ).toBe(true);
  });

  it("the JSON Schema lists the provenance key with the edition's cell ids", () => {
    const s = (reportJsonSchema("2021") as { $defs: Record<string, unknown> }).$defs.Report2021 as {
      properties: Record<string, { propertyNames?: { enum: string[] } }>;
      required: string[];
    };
    const names = s.properties.provenance?.propertyNames?.enum ?? [];
    expect(names).toContain("applications.outcomes.other.unpaidFees.total");
    expect(names).not.toContain("proactiveDisclosure.rules.newlyMade");
    expect(s.required).not.toContain("provenance");
  });

  it("cellsNeedingReading lists unread and ambiguous cells in printed order, never throws", () => {
    const r = withProvenance(fixture("huaian-2024"), {
      "reviewsAndLawsuits.administrativeReview.upheld": { status: "ambiguous", candidates: [1, 10] },
      "applications.received.naturalPerson": { status: "unread" },
      "applications.received.business": { status: "printed" },
    });
    expect(cellsNeedingReading(r)).toEqual([
      {
        id: "applications.received.naturalPerson",
        path: ["applications", "received", "naturalPerson"],
        status: "unread",
      },
      {
        id: "reviewsAndLawsuits.administrativeReview.upheld",
        path: ["reviewsAndLawsuits", "administrativeReview", "upheld"],
        status: "ambiguous",
      },
    ]);
    expect(cellStatus(r, "applications.received.business")).toBe("printed");
    for (const v of [
      null,
      1,
      "x",
      [],
      {},
      { provenance: 3 },
      { provenance: { a: null } },
      { edition: "1999", provenance: {} },
    ])
      expect(cellsNeedingReading(v)).toEqual([]);
    expect(cellsNeedingReading(fixture("seed-2020"))).toEqual([]);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no");
        },
      },
    );
    expect(cellsNeedingReading(hostile)).toEqual([]);
    expect(cellsNeedingReading({ edition: "2021", provenance: hostile })).toEqual([]);
    expect(cellStatus(hostile, "applications.received.total")).toBeUndefined();
  });
});

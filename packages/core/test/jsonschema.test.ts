import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportJsonSchema } from "../src/index.js";
import { consistentReport } from "./arbitraries.js";
import { clone, FIXTURE_NAMES, fixture } from "./helpers.js";

const generated = (file: string) => JSON.parse(readFileSync(join(__dirname, "../generated", file), "utf8"));

describe("generated JSON Schema", () => {
  it("is committed exactly as the code generates it", () => {
    expect(generated("report.schema.json")).toEqual(reportJsonSchema());
    expect(generated("report-2019.schema.json")).toEqual(reportJsonSchema("2019"));
    expect(generated("report-2021.schema.json")).toEqual(reportJsonSchema("2021"));
  });

  it("is draft 2020-12 with the printed labels as titles", () => {
    const s = reportJsonSchema("2021");
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(JSON.stringify(s)).toContain("本年新收政府信息公开申请数量");
    expect(JSON.stringify(s)).toContain('"additionalProperties":false');
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(reportJsonSchema());
  const validate2019 = ajv.compile(reportJsonSchema("2019"));
  const validate2021 = ajv.compile(reportJsonSchema("2021"));

  it.each(FIXTURE_NAMES)("accepts the fixture %s (union and its edition)", (name) => {
    const r = fixture(name);
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    expect((r.edition === "2019" ? validate2019 : validate2021)(r)).toBe(true);
    expect((r.edition === "2019" ? validate2021 : validate2019)(r)).toBe(false);
  });

  it("accepts random consistent reports", () => {
    fc.assert(
      fc.property(consistentReport(), (r) => validate(r) === true),
      { numRuns: 100 },
    );
  }, 60_000);

  it("rejects wrong types, negatives, fractions, missing cells and extra keys", () => {
    const mutations: ((r: any) => void)[] = [
      (r) => {
        r.applications.received.naturalPerson = "3";
      },
      (r) => {
        r.applications.received.naturalPerson = -1;
      },
      (r) => {
        r.reviewsAndLawsuits.administrativeReview.total = 1.5;
      },
      (r) => {
        delete r.applications.outcomes.withheld.stateSecret.total;
      },
      (r) => {
        delete r.otherMatters;
      },
      (r) => {
        r.applications.outcomes.withheld.extra = r.applications.received;
      },
      (r) => {
        r.extra = 1;
      },
      (r) => {
        r.edition = "2020";
      },
      (r) => {
        r.year = "2024";
      },
    ];
    for (const m of mutations) {
      const r = clone(fixture("huaian-2024"));
      m(r);
      expect(validate(r), m.toString()).toBe(false);
    }
  });

  it("allows extra agency fields by design", () => {
    const r = clone(fixture("huaian-2024")) as any;
    r.agency.code = "11320800014";
    expect(validate(r)).toBe(true);
  });
});

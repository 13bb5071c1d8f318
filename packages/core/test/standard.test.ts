import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Report,
  type Report2019,
  type Report2021,
  report2019StandardSchema,
  report2021StandardSchema,
  reportSchema,
  reportStandardSchema,
  reportStandardSchemaFor,
  type StandardSchemaV1,
  validateReport,
} from "../src/index.js";
import { clone, fixture } from "./helpers.js";

/** What a Standard Schema consumer (a form library, an RPC framework) does with any schema. */
async function parseWith<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
): Promise<
  { ok: true; value: StandardSchemaV1.InferOutput<S> } | { ok: false; issues: { message: string; path: string }[] }
> {
  let result = schema["~standard"].validate(value);
  if (result instanceof Promise) result = await result;
  if (result.issues) {
    const path = (i: StandardSchemaV1.Issue) =>
      (i.path ?? []).map((k) => (typeof k === "object" ? String(k.key) : String(k))).join(".");
    return { ok: false, issues: result.issues.map((i) => ({ message: i.message, path: path(i) })) };
  }
  return { ok: true, value: result.value as StandardSchemaV1.InferOutput<S> };
}

describe("Standard Schema v1", () => {
  it("declares version 1 and vendor gov-report", () => {
    for (const s of [reportStandardSchema, report2019StandardSchema, report2021StandardSchema]) {
      expect(s["~standard"].version).toBe(1);
      expect(s["~standard"].vendor).toBe("gov-report");
    }
    expectTypeOf<StandardSchemaV1.InferOutput<typeof reportStandardSchema>>().toEqualTypeOf<Report>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof report2021StandardSchema>>().toEqualTypeOf<Report2021>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof report2019StandardSchema>>().toEqualTypeOf<Report2019>();
  });

  it("a consumer gets the value of a report with no error, the same object, warnings allowed", async () => {
    const r = fixture("seed-2020");
    const late = { ...clone(r), signature: { agency: r.agency.name, date: "2021-06-01" } };
    expect(validateReport(late).issues.some((i) => i.severity === "warning")).toBe(true);
    for (const v of [r, late]) {
      const out = await parseWith(reportStandardSchema, v);
      expect(out).toEqual({ ok: true, value: v });
      if (out.ok) expect(out.value).toBe(v);
    }
    expect((await parseWith(report2019StandardSchema, r)).ok).toBe(true);
  });

  it("a consumer gets validateReport's errors, with their paths, for a report that breaks the 勾稽 rules", async () => {
    const r = fixture("hongze-2023"); // its 表四 totals were printed as 0
    const errors = validateReport(r).issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const out = await parseWith(reportStandardSchema, r);
    expect(out).toEqual({
      ok: false,
      issues: errors.map((i) => ({ message: i.message, path: i.path.join(".") })),
    });
    const raw = reportStandardSchema["~standard"].validate(r) as StandardSchemaV1.FailureResult;
    expect(raw.issues.map((i) => i.path)).toEqual(errors.map((i) => i.path));
    const en = reportStandardSchemaFor({ lang: "en" })["~standard"].validate(r) as StandardSchemaV1.FailureResult;
    expect(en.issues.map((i) => i.message)).toEqual(errors.map((i) => i.messageEn));
  });

  it("an edition's schema refuses the other edition at `edition`; anything else never throws", async () => {
    const out = await parseWith(report2021StandardSchema, fixture("seed-2020"));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues[0]?.path).toBe("edition");
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no");
        },
      },
    );
    for (const v of [null, 1, "x", [], {}, { edition: "2021" }, hostile]) {
      const res = await parseWith(reportStandardSchema, v);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.issues.length).toBeGreaterThan(0);
    }
  });

  it("the same consumer accepts the zod schema too: both agree on a structurally valid report", async () => {
    const r = fixture("huaian-2024");
    expect((await parseWith(reportSchema, r)).ok).toBe(true);
    expect((await parseWith(reportStandardSchema, r)).ok).toBe(true);
    // zod checks structure only; the Standard Schema of gov-report adds the 勾稽 rules.
    const broken = clone(r);
    broken.applications.received.total += 1;
    expect((await parseWith(reportSchema, broken)).ok).toBe(true);
    expect((await parseWith(reportStandardSchema, broken)).ok).toBe(false);
  });
});

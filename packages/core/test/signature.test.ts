import { describe, expect, it } from "vitest";
import {
  buildFormMetadata,
  createEmptyReport,
  isGovernmentReport,
  isIsoDate,
  publicationDeadline,
  type Report,
  reportJsonSchema,
  reportSchema,
  validateReport,
} from "../src/index.js";
import { clone, errorsOf, fixture } from "./helpers.js";

const signed = (r: Report, signature: unknown) => ({ ...clone(r), signature }) as unknown as Record<string, unknown>;
const codes = (input: unknown) => validateReport(input).issues.map((i) => `${i.code} ${i.path.join(".")}`);

describe("signature", () => {
  it("is optional: createEmptyReport leaves it out and a report without it is unchanged", () => {
    expect("signature" in createEmptyReport({ year: 2024 })).toBe(false);
    const r = fixture("huaian-2024");
    expect(validateReport(signed(r, { agency: "淮安市人民政府办公室", date: "2025-01-20" })).issues).toEqual(
      validateReport(r).issues,
    );
  });

  it("validates agency and a real ISO date, agreeing with the zod schema", () => {
    const r = fixture("huaian-2024");
    const cases: [unknown, string][] = [
      ["2025-01-20", "structure.wrong-type signature"],
      [{ agency: "某局" }, "structure.missing signature.date"],
      [{ date: "2025-01-20" }, "structure.missing signature.agency"],
      [{ agency: 1, date: "2025-01-20" }, "structure.wrong-type signature.agency"],
      [{ agency: "某局", date: "2025-02-30" }, "signature.invalid-date signature.date"],
      [{ agency: "某局", date: "2025-1-20" }, "signature.invalid-date signature.date"],
      [{ agency: "某局", date: 20250120 }, "signature.invalid-date signature.date"],
      [{ agency: "某局", date: "2025-01-20", seal: true }, "structure.unknown-key signature.seal"],
    ];
    for (const [s, error] of cases) {
      const input = signed(r, s);
      expect(errorsOf(validateReport(input).issues)).toEqual([error]);
      expect(reportSchema.safeParse(input).success).toBe(false);
    }
    expect(reportSchema.safeParse(signed(r, { agency: "某局", date: "2024-02-29" })).success).toBe(true);
  });

  it("isIsoDate knows the calendar", () => {
    expect(["2024-02-29", "2000-02-29", "2025-12-31"].map(isIsoDate)).toEqual([true, true, true]);
    expect(
      ["2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-01-1", " 2025-01-01", 1].map(
        isIsoDate,
      ),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });

  it("tells a government's consolidated report from a department's by the agency name", () => {
    expect(isGovernmentReport("淮安市人民政府")).toBe(true);
    expect(isGovernmentReport("洪泽区人民政府 ")).toBe(true);
    expect(isGovernmentReport("淮安市人民政府办公室")).toBe(false);
    expect(isGovernmentReport("江苏省人民政府办公厅")).toBe(false);
    expect(isGovernmentReport("淮安市发展和改革委员会")).toBe(false);
    expect(publicationDeadline(2024, "淮安市人民政府")).toBe("2025-03-31");
    expect(publicationDeadline(2024, "淮安市交通运输局")).toBe("2025-01-31");
  });

  it("warns when the date is after the deadline, at signature.date", () => {
    const gov = fixture("huaian-2024"); // 淮安市人民政府: 3月31日
    expect(codes(signed(gov, { agency: "淮安市人民政府", date: "2025-03-31" }))).not.toContain(
      "signature.late signature.date",
    );
    const late = validateReport(signed(gov, { agency: "淮安市人民政府", date: "2025-04-01" }));
    const issue = late.issues.find((i) => i.code === "signature.late");
    expect(issue).toMatchObject({ severity: "warning", path: ["signature", "date"] });
    expect(issue?.message).toBe("落款日期：2025-04-01 晚于发布期限 2025年3月31日");
    expect(late.ok).toBe(validateReport(gov).ok);
    const dept = { ...clone(gov), agency: { name: "淮安市人民政府办公室" } } as Report;
    expect(codes(signed(dept, { agency: "淮安市人民政府办公室", date: "2025-02-01" }))).toContain(
      "signature.late signature.date",
    );
    expect(codes(signed(dept, { agency: "淮安市人民政府办公室", date: "2025-01-31" }))).not.toContain(
      "signature.late signature.date",
    );
  });

  it("is in the JSON Schema and in the form metadata's header fields", () => {
    const s = (reportJsonSchema("2019") as { $defs: Record<string, unknown> }).$defs.Report2019 as {
      properties: Record<string, { properties?: Record<string, { format?: string }> }>;
    };
    expect(s.properties.signature?.properties?.date?.format).toBe("date");
    const header = buildFormMetadata().editions["2021"].header;
    expect(header.filter((h) => h.optional).map((h) => [h.id, h.label, h.kind])).toEqual([
      ["signature.agency", "落款机关", "text"],
      ["signature.date", "落款日期", "date"],
    ]);
  });
});

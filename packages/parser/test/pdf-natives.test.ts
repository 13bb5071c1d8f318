import { describe, expect, it } from "vitest";
import { parseReport } from "../src/index.js";
import { pdfBytes } from "./helpers.js";

describe("reading a PDF leaves the built-ins alone", () => {
  it("Array.prototype.push, JSON.parse and JSON.stringify stay the natives after pdf.js is loaded", async () => {
    const natives = [Array.prototype.push, JSON.parse, JSON.stringify];
    const result = await parseReport({ pdf: pdfBytes("hongze-2024") });
    expect(result.report).toBeDefined();
    expect([Array.prototype.push, JSON.parse, JSON.stringify]).toEqual(natives);
    expect(Object.getOwnPropertyDescriptor(Array.prototype, "push")?.enumerable).toBe(false);
  }, 120_000);
});

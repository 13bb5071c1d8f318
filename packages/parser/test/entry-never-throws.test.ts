import { describe, expect, it } from "vitest";
import { parseDocx, parseHtml, parseReport, parseText } from "../src/index.js";

const trap = new Proxy(
  {},
  {
    has() {
      throw new Error("has trap");
    },
    get() {
      throw new Error("get trap");
    },
  },
);
const hostileToString = {
  toString() {
    throw new Error("toString");
  },
};

describe("the entry points never throw or reject", () => {
  it.each([
    ["null", null],
    ["a number", 42],
    ["a Proxy whose every access throws", trap],
    ["html that is not a string", { html: hostileToString }],
    ["text that is a symbol", { text: Symbol("x") }],
    ["pdf that is not bytes", { pdf: "not bytes" }],
  ])("parseReport(%s) resolves with input.unreadable", async (_name, input) => {
    const result = await parseReport(input as never);
    expect(result.diagnostics.some((d) => d.code === "input.unreadable")).toBe(true);
    expect(result.confidence).toBe(0);
    expect(Object.values(result.report.provenance ?? {}).every((p) => p?.status === "unread")).toBe(true);
  });

  it("the synchronous entry points return a result for values that are not strings or bytes", () => {
    for (const r of [
      parseText(hostileToString as never),
      parseHtml(trap as never),
      parseDocx(trap as never),
      parseDocx(null as never),
    ]) {
      expect(r.diagnostics.some((d) => d.code === "input.unreadable")).toBe(true);
    }
  });
});

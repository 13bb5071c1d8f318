import { describe, expect, it } from "vitest";
import {
  cleanNumberText,
  isGridPaste,
  isPartialNumber,
  parseNumberText,
  splitPastedGrid,
} from "../src/model/numbers.js";

describe("numbers as typed and pasted", () => {
  it("reads thousands separators and full-width digits", () => {
    expect(parseNumberText("1,234", "count")).toEqual({ ok: true, value: 1234 });
    expect(parseNumberText("１２", "count")).toEqual({ ok: true, value: 12 });
    expect(parseNumberText("１，２３４", "count")).toEqual({ ok: true, value: 1234 });
    expect(parseNumberText(" 96171.6 ", "amountWanYuan")).toEqual({ ok: true, value: 96171.6 });
    expect(parseNumberText("２５．６８３５", "amountWanYuan")).toEqual({ ok: true, value: 25.6835 });
  });

  it("reads printed signed changes of 本年增/减, and only there", () => {
    expect(parseNumberText("+3", "signedCount")).toEqual({ ok: true, value: 3 });
    expect(parseNumberText("-18", "signedCount")).toEqual({ ok: true, value: -18 });
    expect(parseNumberText("－18", "signedCount")).toEqual({ ok: true, value: -18 });
    expect(parseNumberText("-18", "count")).toEqual({ ok: false });
    expect(parseNumberText("-0", "signedCount")).toEqual({ ok: true, value: 0 });
  });

  it("a blank cell is null, not 0", () => {
    expect(parseNumberText("", "count")).toEqual({ ok: true, value: null });
    expect(parseNumberText("  ", "amountWanYuan")).toEqual({ ok: true, value: null });
    expect(parseNumberText("-", "signedCount")).toEqual({ ok: true, value: null });
  });

  it("refuses what is not a number of the cell's kind", () => {
    for (const bad of ["1.5", "12a", "/", "1e3", "0x10", "１２件", "99999999999999999999"]) {
      expect(parseNumberText(bad, "count")).toEqual({ ok: false });
    }
    expect(parseNumberText("1.2.3", "amountWanYuan")).toEqual({ ok: false });
  });

  it("accepts the states a number passes through while typed", () => {
    expect(isPartialNumber("12.", "amountWanYuan")).toBe(true);
    expect(isPartialNumber("-", "signedCount")).toBe(true);
    expect(isPartialNumber("", "count")).toBe(true);
    expect(isPartialNumber("12.", "count")).toBe(false);
    expect(isPartialNumber("1a", "count")).toBe(false);
    expect(cleanNumberText("1 234\u3000")).toBe("1234");
  });

  it("splits a spreadsheet copy into rows and cells", () => {
    expect(splitPastedGrid("1\t2\t3\n")).toEqual([["1", "2", "3"]]);
    expect(splitPastedGrid("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(isGridPaste("1\t2")).toBe(true);
    expect(isGridPaste("1234\n")).toBe(false);
    expect(isGridPaste("1,234")).toBe(false);
  });

  it("stays linear on a long hostile paste", () => {
    const long = `${"1".repeat(200_000)}x`;
    expect(parseNumberText(long, "amountWanYuan")).toEqual({ ok: false });
    expect(isPartialNumber(`${"1.".repeat(100_000)}`, "amountWanYuan")).toBe(false);
  });
});

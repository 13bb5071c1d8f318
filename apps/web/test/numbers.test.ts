import { buildFormMetadata, type FieldConstraints } from "@gov-report/core/lite";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanNumberText, formatCellValue, isGridPaste, readCellText, splitPastedGrid } from "../src/model/numbers.js";

const meta = buildFormMetadata();
/** The constraints of real cells, from core's metadata: a count, a 2019 本年增/减, the 2019 procurement amount, a 2021 fee amount. */
const COUNT = meta.editions["2021"].fields["applications.received.naturalPerson"]!.constraints;
const SIGNED = meta.editions["2019"].fields["proactiveDisclosure.licensing.change"]!.constraints;
const PROCUREMENT = meta.editions["2019"].fields["proactiveDisclosure.procurement.amountWanYuan"]!.constraints;
const AMOUNT = meta.editions["2021"].fields["proactiveDisclosure.fees.amountWanYuan"]!.constraints;

describe("figures as typed and pasted", () => {
  it("takes the cell kinds and limits from core's metadata", () => {
    expect(COUNT).toEqual({ type: "integer", minimum: 0 });
    expect(SIGNED.type).toBe("integer");
    expect(SIGNED.minimum).toBeUndefined();
    expect(PROCUREMENT.maxDecimals).toBe(4);
  });

  it("reads thousands separators and full-width digits", () => {
    expect(readCellText("1,234", COUNT)).toEqual({ ok: true, value: 1234 });
    expect(readCellText("１２", COUNT)).toEqual({ ok: true, value: 12 });
    expect(readCellText("１，２３４", COUNT)).toEqual({ ok: true, value: 1234 });
    expect(readCellText(" 96171.6 ", AMOUNT)).toEqual({ ok: true, value: 96171.6 });
    expect(readCellText("２５．６８３５", PROCUREMENT)).toEqual({ ok: true, value: 25.6835 });
  });

  it("never reads a text as another number", () => {
    expect(readCellText("1.5", COUNT)).toEqual({ ok: false, reason: "decimal" });
    expect(readCellText("-5", COUNT)).toEqual({ ok: false, reason: "negative" });
    expect(readCellText("12,34", COUNT)).toEqual({ ok: false, reason: "not-a-number" });
    expect(readCellText("25.68351", PROCUREMENT)).toEqual({ ok: false, reason: "too-many-decimals" });
    expect(readCellText("25.68350", PROCUREMENT)).toEqual({ ok: true, value: 25.6835 });
    for (const bad of ["12a", "/", "1e3", "0x10", "１２件", "1 234", "1.2.3", "--1", "+"])
      expect(readCellText(bad, AMOUNT).ok).toBe(false);
    expect(readCellText("99999999999999999999", COUNT)).toEqual({ ok: false, reason: "too-large" });
  });

  it("reads signed changes of 本年增/减 and shows them with their sign", () => {
    expect(readCellText("+3", SIGNED)).toEqual({ ok: true, value: 3 });
    expect(readCellText("-18", SIGNED)).toEqual({ ok: true, value: -18 });
    expect(readCellText("－18", SIGNED)).toEqual({ ok: true, value: -18 });
    expect(readCellText("\u221218", SIGNED)).toEqual({ ok: true, value: -18 });
    expect(readCellText("-0", SIGNED)).toEqual({ ok: true, value: 0 });
    expect(formatCellValue(3, SIGNED)).toBe("+3");
    expect(formatCellValue(-18, SIGNED)).toBe("-18");
    expect(formatCellValue(0, SIGNED)).toBe("0");
    expect(formatCellValue(3, COUNT)).toBe("3");
  });

  it("a blank cell is null, not 0", () => {
    expect(readCellText("", COUNT)).toEqual({ ok: true, value: null });
    expect(readCellText("  ", AMOUNT)).toEqual({ ok: true, value: null });
    expect(formatCellValue(null, COUNT)).toBe("");
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
    expect(readCellText(`${"1".repeat(200_000)}x`, AMOUNT)).toEqual({ ok: false, reason: "too-large" });
    expect(readCellText("1,".repeat(100_000), COUNT).ok).toBe(false);
  });
});

/**
 * The number a text denotes, worked out independently of the reader: the text is a number when,
 * after full-width forms, the minus sign and outer spaces, it is an optional sign, digits (with
 * commas only between groups of three) and an optional fraction.
 */
function denoted(text: string): number | undefined {
  const s = cleanNumberText(text);
  const m = /^([+-]?)([0-9,]+)(?:\.([0-9]*))?$/.exec(s);
  if (!m) return undefined;
  const [, sign, whole = "", frac = ""] = m;
  const groups = whole.split(",");
  if (
    groups.length > 1 &&
    (groups.some((g, i) => (i === 0 ? g.length < 1 || g.length > 3 : g.length !== 3)) || whole === "")
  )
    return undefined;
  if (whole.replace(/,/g, "") === "") return undefined;
  const n = Number(`${whole.replace(/,/g, "")}.${frac || "0"}`);
  return sign === "-" ? -n : n;
}

function allowed(n: number, text: string, c: FieldConstraints): boolean {
  const frac = (cleanNumberText(text).split(".")[1] ?? "").replace(/0+$/, "");
  if (c.type === "integer" && frac !== "") return false;
  if (c.maxDecimals !== undefined && frac.length > c.maxDecimals) return false;
  return c.minimum === undefined || n >= c.minimum;
}

const pieces = fc.constantFrom(
  "0",
  "1",
  "2",
  "9",
  "5",
  ",",
  ".",
  "-",
  "+",
  " ",
  "１",
  "，",
  "．",
  "－",
  "a",
  "e",
  "\t",
  "\u2212",
);
const typed = fc.oneof(
  fc.string(),
  fc.array(pieces, { maxLength: 12 }).map((a) => a.join("")),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 })).map(([d, k]) => d.toFixed(k)),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString("en-US")),
);

describe("property: a typed text is stored as exactly the number it denotes, or as nothing with a message", () => {
  for (const [name, c] of [
    ["count", COUNT],
    ["signed", SIGNED],
    ["procurement", PROCUREMENT],
    ["amount", AMOUNT],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(typed, (text) => {
          const r = readCellText(text, c);
          if (r.ok) {
            if (r.value === null) return cleanNumberText(text) === "";
            const d = denoted(text);
            return d !== undefined && Object.is(d === 0 ? 0 : d, r.value === 0 ? 0 : r.value) && allowed(d, text, c);
          }
          // Refused: the text is not a number, or one this cell does not take (never silently another).
          const d = denoted(text);
          return d === undefined || !allowed(d, text, c) || cleanNumberText(text).replace(/[^0-9]/g, "").length > 15;
        }),
        { numRuns: 3000 },
      );
    });
  }
});

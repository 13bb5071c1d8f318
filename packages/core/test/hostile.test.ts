/**
 * The public functions documented for untrusted input never throw, whatever they are given —
 * getters that throw, Proxies, objects with no prototype, Symbol messages, a throwing toString,
 * cycles — and the functions over text stay linear on huge or repetitive input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AgencyIndex,
  compareReports,
  compareYears,
  createEmptyReport,
  extractQuotedFigures,
  type Report,
  sameAgency,
  sumReports,
  textOverlap,
  validateReport,
} from "../src/lite.js";
import { safeDescribe } from "../src/text.js";

/** Things a hostile value throws: none of them has a usable message. */
const thrown = (): unknown[] => {
  const noProto = Object.create(null);
  const badToString = {
    toString: () => {
      throw new Error("toString");
    },
  };
  const symbolMessage = new Error("x");
  Object.defineProperty(symbolMessage, "message", { value: Symbol("message") });
  const getterMessage = new Error("x");
  Object.defineProperty(getterMessage, "message", {
    get: () => {
      throw badToString;
    },
  });
  return [Symbol("thrown"), noProto, badToString, symbolMessage, getterMessage, trapProxy(), null, undefined];
};

/** A Proxy every trap of which throws `what` (a Symbol by default). */
function trapProxy(what: unknown = Symbol("trap")): object {
  const fail = () => {
    throw what;
  };
  return new Proxy(
    {},
    {
      get: fail,
      has: fail,
      ownKeys: fail,
      getOwnPropertyDescriptor: fail,
      getPrototypeOf: fail,
      set: fail,
      defineProperty: fail,
      deleteProperty: fail,
    },
  );
}

function revoked(): object {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
}

/**
 * A valid report with one value (or the getter of one key) replaced by something hostile. The
 * arbitraries give thunks: fast-check inspects the values it generates, and a hostile value
 * would break fast-check itself before reaching the function under test.
 */
const hostileReport = fc
  .tuple(
    fc.constantFrom("2019", "2021"),
    fc.constantFrom(
      [] as string[],
      ["agency"],
      ["agency", "name"],
      ["overview"],
      ["applications"],
      ["applications", "received"],
      ["applications", "received", "naturalPerson"],
      ["reviewsAndLawsuits", "administrativeReview", "total"],
      ["proactiveDisclosure"],
      ["year"],
      ["edition"],
    ),
    fc.nat({ max: 7 }),
    fc.constantFrom("getter", "value", "flaky", "cycle"),
  )
  .map(([edition, path, k, how]) => () => {
    const report = createEmptyReport({ edition: edition as "2019" | "2021", year: edition === "2019" ? 2020 : 2023 });
    if (path.length === 0) return how === "cycle" ? cyclic(report) : trapProxy(thrown()[k]);
    let obj = report as unknown as Record<string, unknown>;
    for (const key of path.slice(0, -1)) obj = obj[key] as Record<string, unknown>;
    const last = path[path.length - 1] as string;
    const bad = thrown()[k];
    if (how === "getter")
      Object.defineProperty(obj, last, {
        enumerable: true,
        get: () => {
          throw bad;
        },
      });
    else if (how === "value") obj[last] = k % 2 ? trapProxy(bad) : revoked();
    else if (how === "flaky") {
      // Right the first time it is read, then wrong: a check must not trust a second read.
      const good = obj[last];
      let reads = 0;
      Object.defineProperty(obj, last, {
        enumerable: true,
        get: () => {
          if (reads++ === 0) return good;
          if (k % 2) throw bad;
          return "not what was validated";
        },
      });
    } else obj[last] = report;
    return report;
  });

function cyclic(report: Report): unknown {
  const r = report as unknown as Record<string, unknown>;
  r.agency = r;
  (r.applications as Record<string, unknown>).received = r;
  return r;
}

const anyValue: fc.Arbitrary<() => unknown> = fc.oneof(
  fc
    .anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withDate: true })
    .map((v) => () => v),
  hostileReport,
  fc.nat({ max: 8 }).map((k) => () => (k < 8 ? thrown()[k] : revoked())),
);

const wellFormed = (r: { ok: boolean; issues: readonly { message: unknown; messageEn: unknown }[] }) => {
  expect(typeof r.ok).toBe("boolean");
  for (const i of r.issues) {
    expect(typeof i.message).toBe("string");
    expect(typeof i.messageEn).toBe("string");
  }
};

const RUNS = { numRuns: 300 };

describe("never throws on untrusted values", () => {
  it("validateReport", () => {
    fc.assert(
      fc.property(anyValue, (make) => {
        const r = validateReport(make());
        wellFormed(r);
        if (!r.ok) expect(r.issues.some((i) => i.severity === "error")).toBe(true);
      }),
      RUNS,
    );
  }, 60_000);

  it("sumReports, whatever the list and the options", () => {
    const good = createEmptyReport({ year: 2023 });
    fc.assert(
      fc.property(anyValue, anyValue, (make, options) => {
        wellFormed(sumReports([good, make(), good]));
        wellFormed(sumReports(make() as unknown[], options() as never));
      }),
      RUNS,
    );
  }, 60_000);

  it("a report whose cells change after validation is not summed", () => {
    const good = createEmptyReport({ year: 2023 });
    const flaky = createEmptyReport({ year: 2023 }) as unknown as {
      applications: { received: Record<string, unknown> };
    };
    let reads = 0;
    Object.defineProperty(flaky.applications.received, "naturalPerson", {
      enumerable: true,
      get: () => (reads++ === 0 ? 0 : "12"),
    });
    const r = sumReports([good, flaky]);
    expect(r.count).toBe(1);
    expect(r.issues.some((i) => i.code === "aggregate.not-a-report" && i.input === 1)).toBe(true);
  });

  it("compareYears and compareReports", () => {
    const prev = createEmptyReport({ year: 2022 });
    const cur = createEmptyReport({ year: 2023 });
    fc.assert(
      fc.property(anyValue, (make) => {
        wellFormed(compareYears(make(), cur));
        wellFormed(compareYears(prev, make()));
        wellFormed(compareReports(make() as Report, cur));
        wellFormed(compareReports(prev, make() as Report));
      }),
      RUNS,
    );
  }, 60_000);

  it("AgencyIndex, sameAgency, extractQuotedFigures, textOverlap, safeDescribe", () => {
    fc.assert(
      fc.property(anyValue, anyValue, (makeA, makeB) => {
        const a = makeA();
        const b = makeB();
        const index = new AgencyIndex();
        expect(typeof index.key(a as string)).toBe("string");
        expect(typeof sameAgency(a as string, b as string)).toBe("boolean");
        expect(Array.isArray(extractQuotedFigures(a as string))).toBe(true);
        expect(textOverlap(a as string, b as string)).toBeGreaterThanOrEqual(0);
        expect(typeof safeDescribe(a)).toBe("string");
      }),
      RUNS,
    );
  }, 60_000);

  it("an error's message is quoted, a hostile error only named by its type", () => {
    expect(safeDescribe(new Error("磁盘已满"))).toBe("磁盘已满");
    expect(safeDescribe(Symbol("x"))).toBe("symbol");
    expect(safeDescribe(trapProxy())).toBe("object");
    expect(safeDescribe("x".repeat(1000)).length).toBe(200);
    const r = validateReport(trapProxy(Symbol("boom")));
    expect(r.ok).toBe(false);
  });
});

describe("linear on huge and repetitive text", () => {
  it("an agency name of 80,000 region characters", () => {
    const name = `${"市".repeat(80_000)}人民政府`;
    const index = new AgencyIndex();
    expect(index.key(name)).toBe(name);
    expect(index.key(name.slice(1))).toBe(name);
    expect(sameAgency(name.slice(3), name)).toBe(true);
    expect(sameAgency(name.slice(40_000), name)).toBe(false); // more leading regions than any real name
  }, 60_000);

  it("shorter forms: the regions in front, as sameAgency and AgencyIndex agree", () => {
    const names = ["江苏省淮安市洪泽区人民政府", "淮安市洪泽区人民政府", "洪泽区人民政府", "淮安市市场监督管理局"];
    const index = new AgencyIndex();
    const keys = names.map((n) => index.key(n));
    expect(keys.slice(0, 3)).toEqual([names[0], names[0], names[0]]);
    expect(keys[3]).toBe(names[3]);
    expect(sameAgency("市场监督管理局", "淮安市市场监督管理局")).toBe(true);
    expect(sameAgency("场监督管理局", "淮安市市场监督管理局")).toBe(false);
  });

  it("an overview of 未收到 repeated 600,000 times", () => {
    expect(extractQuotedFigures("未收到".repeat(600_000))).toEqual([]);
    const figures = extractQuotedFigures(`${"未收到".repeat(1000)}政府信息公开申请。`);
    expect(figures.at(-1)).toMatchObject({ metric: "received", value: 0 });
  }, 60_000);

  it("textOverlap of two 16 MB narratives, estimated from a sample by hash", () => {
    let seed = 7;
    /** Random ideographs (xorshift): trigrams of a real vocabulary's size, not a saturated alphabet. */
    const text = (n: number) => {
      const codes = new Uint16Array(n);
      for (let i = 0; i < n; i++) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        codes[i] = 0x4e00 + ((seed >>> 0) % 20_000);
      }
      return new TextDecoder("utf-16le").decode(codes);
    };
    const shared = text(4_000_000);
    const a = shared + text(4_000_000);
    const b = shared + text(4_000_000);
    const overlap = textOverlap(a, b);
    expect(overlap).toBeGreaterThan(0.45);
    expect(overlap).toBeLessThan(0.55);
    expect(textOverlap(a, a)).toBe(1);
    expect(textOverlap(text(1000), a)).toBeLessThan(0.01);
  }, 60_000);
});

/**
 * The report list cuts its page before counting decisions, then sorts the page again: the pages,
 * put end to end, must be the whole list in the order asked for, with each row's counts.
 */
import { validateReport } from "@gov-report/core/lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../src/db/connect.js";
import { storeVersion } from "../src/ingest/store.js";
import { decide, findingsOf } from "../src/review/findings.js";
import { type ListItem, type ListQuery, listReports, SORT_KEYS } from "../src/review/queries.js";
import { DIALECTS, fixture, freshDb, type TestDb } from "./helpers.js";

const N = 23;
const PAGE = 5;

async function fill(store: Db) {
  const base = JSON.parse(fixture("hongze-2023.expected.json").toString("utf8"));
  const issues = validateReport(base).issues;
  for (let i = 0; i < N; i++) {
    base.agency.name = `列表县第${(i * 7) % N}单位`;
    base.year = 2020 + (i % 3);
    const json = JSON.stringify(base);
    await storeVersion(store, {
      bytes: Buffer.from(json),
      sha: `list-test-${i}`,
      filename: `l${i}.json`,
      actor: "test",
      analysis: {
        kind: "json",
        agency: base.agency.name,
        year: base.year,
        edition: "2021",
        reportJson: json,
        issues,
        // Ties on purpose: rows with the same count are ordered by id.
        errors: i % 4,
        warnings: (i * 5) % 3,
        unread: i % 2,
      },
    });
  }
}

const keyOf = (item: ListItem, sort: ListQuery["sort"]) =>
  sort === "updated" ? item.updatedAt : item[sort as Exclude<ListQuery["sort"], "updated">];

describe.each(DIALECTS)("report list on %s", (dialect) => {
  let db: TestDb;
  let store: Db;
  beforeAll(async () => {
    db = await freshDb(dialect);
    store = await openDb(db.target);
    await fill(store);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    db?.cleanup();
  });

  it("gives the whole list page by page, in the order asked for, for every sort key", async () => {
    for (const sort of SORT_KEYS)
      for (const order of ["asc", "desc"] as const) {
        const q = { sort, order, limit: 1000, offset: 0 };
        const all = await listReports(store.db, q);
        expect(all.total).toBe(N);
        expect(all.items).toHaveLength(N);
        const keys = all.items.map((i) => keyOf(i, sort));
        for (let k = 1; k < keys.length; k++) {
          const [a, b] = [keys[k - 1]!, keys[k]!];
          if (typeof a === "number" && typeof b === "number") expect(order === "asc" ? a <= b : a >= b).toBe(true);
          if (a === b) expect(all.items[k - 1]!.id).toBeLessThan(all.items[k]!.id);
        }
        const pages: ListItem[] = [];
        for (let offset = 0; offset < N; offset += PAGE) {
          const page = await listReports(store.db, { ...q, limit: PAGE, offset });
          expect(page.total).toBe(N);
          pages.push(...page.items);
        }
        expect(pages).toEqual(all.items);
      }
  }, 60_000);

  it("counts a row's decisions on its page, and filters by them", async () => {
    const q = { sort: "agency", order: "asc", limit: PAGE, offset: PAGE } as const;
    const target = (await listReports(store.db, q)).items[2]!;
    expect(target).toMatchObject({ decided: 0 });
    const open = (await findingsOf(store.db, target.id)).filter((f) => !f.resolvedIn);
    expect(open.length).toBeGreaterThan(1);
    expect(await decide(store.db, target.id, open[0]!.fingerprint, { decision: "confirmed" }, "test")).toBe(true);
    const after = (await listReports(store.db, q)).items[2]!;
    expect(after).toMatchObject({ id: target.id, decided: 1, status: "pending" });
    for (const f of open.slice(1))
      await decide(store.db, target.id, f.fingerprint, { decision: "dismissed", reason: "原文如此" }, "test");
    const reviewed = await listReports(store.db, { ...q, offset: 0, status: "reviewed" });
    expect(reviewed.items.map((i) => i.id)).toEqual([target.id]);
    expect(reviewed.items[0]).toMatchObject({ decided: open.length, status: "reviewed" });
    const pending = await listReports(store.db, { ...q, offset: 0, limit: 1000, status: "pending" });
    expect(pending.items.map((i) => i.id)).not.toContain(target.id);
  }, 60_000);
});

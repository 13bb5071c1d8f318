/**
 * Benchmark: validateReport on a full 2021 report, against ajv (compiled from the generated JSON
 * Schema) plus the same invariants written plainly, in the same run. Prints ops/s and the ratio.
 * Run: npm run bench -w @gov-report/core
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { extractQuotedFigures, type Report2021, reportJsonSchema, validateReport } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const report = JSON.parse(
  readFileSync(join(here, "../../../fixtures/huaian-2024.expected.json"), "utf8"),
) as Report2021;
report.overview =
  "2024年，全市共收到政府信息公开申请3119件，上年结转34件。全年发生政府信息公开行政复议351件、行政诉讼46件。";
report.problemsAndImprovements = "存在问题：一是主动公开的精准度有待提高。";
report.otherMatters = "全年收取政府信息公开信息处理费0元。";

const ajv = new Ajv2020({ strict: false });
const schemaCheck = ajv.compile(reportJsonSchema());

type C = Record<string, number>;
const PARTS = ["naturalPerson", "business", "research", "nonprofit", "legalServices", "otherOrganization"];
const sum = (c: C) => PARTS.reduce((s, k) => s + (c[k] as number), 0);

/** The baseline: ajv's structural check, then invariants 1, 3, 4, 5, 10, 11 and the warnings, written by hand. */
function ajvPair(r: Report2021): number {
  if (!schemaCheck(r)) return -1;
  let problems = 0;
  const a = r.applications;
  const o = a.outcomes;
  const rows: C[] = [
    a.received,
    a.carriedOver,
    o.disclosed,
    o.partiallyDisclosed,
    ...Object.values(o.withheld),
    ...Object.values(o.unavailable),
    ...Object.values(o.notProcessed),
    ...Object.values(o.other),
    o.total,
    a.carriedForward,
  ];
  for (const row of rows) if (sum(row) !== row.total) problems++; // invariant 4
  const results: C[] = [
    o.disclosed,
    o.partiallyDisclosed,
    ...Object.values(o.withheld),
    ...Object.values(o.unavailable),
    ...Object.values(o.notProcessed),
    ...Object.values(o.other),
  ];
  for (const k of [...PARTS, "total"]) {
    let s = 0;
    for (const row of results) s += row[k] as number;
    if (s !== (o.total as C)[k]) problems++; // invariant 3
    if ((a.received as C)[k]! + (a.carriedOver as C)[k]! !== (o.total as C)[k]! + (a.carriedForward as C)[k]!)
      problems++; // invariant 1
  }
  for (const g of Object.values(r.reviewsAndLawsuits)) {
    if (g.upheld + g.corrected + g.other + g.pending !== g.total) problems++; // invariant 5
  }
  if (r.year < 2021) problems++;
  for (const t of [r.overview, r.problemsAndImprovements, r.otherMatters]) if (!t.trim()) problems++;
  for (const f of extractQuotedFigures(r.overview)) {
    if (f.metric === "received" && f.value !== a.received.total) problems++; // invariant 10
    if (f.metric === "review" && f.value !== r.reviewsAndLawsuits.administrativeReview.total) problems++;
  }
  if (o.other.unpaidFees.total > 0 && !r.otherMatters.includes("信息处理费")) problems++; // invariant 11
  return problems;
}

function measure(name: string, fn: () => unknown, ms = 2000): number {
  for (let i = 0; i < 2000; i++) fn(); // warm up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 500; i++) fn();
    n += 500;
    now = performance.now();
  }
  const ops = (n / (now - start)) * 1000;
  console.log(`${name.padEnd(44)} ${Math.round(ops).toLocaleString("en-US").padStart(10)} ops/s`);
  return ops;
}

if (!validateReport(report).ok || ajvPair(report) !== 0) throw new Error("benchmark report must be valid for both");
console.log(`node ${process.version}, full 2021 report (huaian-2024 with narratives), one core\n`);
const ours = measure("validateReport (@gov-report/core)", () => validateReport(report));
const base = measure("ajv (generated schema) + invariants by hand", () => ajvPair(report));
measure("  of which ajv schema check alone", () => schemaCheck(report));
console.log(`\nratio validateReport / ajv pair: ${(ours / base).toFixed(2)} (target ≥ 1.00; ≥ 20,000 ops/s)`);

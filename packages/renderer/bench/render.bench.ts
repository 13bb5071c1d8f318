/**
 * Rendering benchmark (npm run bench -w @gov-report/renderer): renderHtml reports/s on one core
 * against two baselines measured in the same run, and PDF reports/s with one browser.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cellsOf, getAt, type Report } from "@gov-report/core/lite";
import { escapeHtml, renderHtml } from "../src/index.js";
import { PdfRenderer } from "../src/pdf.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures");
const load = (name: string) => JSON.parse(readFileSync(join(fixtures, `${name}.expected.json`), "utf8")) as Report;

// A full 2021 report: Huaian's tables with the seed's narratives (the PDF fixtures leave text empty).
const seed = load("seed-2020");
const full = {
  ...load("huaian-2024"),
  overview: seed.overview,
  problemsAndImprovements: seed.problemsAndImprovements,
  otherMatters: seed.otherMatters,
} as Report;

/** Runs fn repeatedly for about `ms` and returns operations per second. */
function opsPerSecond(fn: () => unknown, ms = 2000): number {
  for (let i = 0; i < 200; i++) fn(); // warm-up
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

// Baseline: the least any HTML renderer must do — one escaped <td> per cell, no layout.
const cells = cellsOf("2021");
function naiveCells(report: Report): string {
  let s = "<table>";
  for (const c of cells) s += `<td>${escapeHtml(String(getAt(report, c.path) ?? ""))}</td>`;
  return `${s}</table>`;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on this machine`,
);

const html = opsPerSecond(() => renderHtml(full));
const json = opsPerSecond(() => JSON.stringify(full));
const naive = opsPerSecond(() => naiveCells(full));
const annotated = opsPerSecond(() => renderHtml(full, { annotate: true }), 1000);
console.log("renderHtml, full 2021 report (one core)");
console.log(`  renderHtml                 ${fmt(html)} reports/s  (target ≥ 5,000)`);
console.log(`  renderHtml annotate        ${fmt(annotated)} reports/s  (runs validateReport too)`);
console.log(`  baseline JSON.stringify    ${fmt(json)} /s   ratio renderHtml/baseline ${(html / json).toFixed(2)}`);
console.log(`  baseline naive cell concat ${fmt(naive)} /s   ratio renderHtml/baseline ${(html / naive).toFixed(2)}`);

const reports = Array.from({ length: 100 }, (_, i) =>
  i % 2 ? full : ({ ...full, agency: { name: `测试机关${i}` } } as Report),
);
const renderer = await PdfRenderer.launch();
try {
  await renderer.render(full); // warm-up: browser pages and fonts
  let t = performance.now();
  const single = 3;
  for (let i = 0; i < single; i++) await renderer.render(reports[i] as Report);
  const oneByOne = (single * 1000) / (performance.now() - t);
  t = performance.now();
  const pdfs = await renderer.renderMany(reports);
  const batched = (pdfs.length * 1000) / (performance.now() - t);
  console.log("PDF with one browser (Chromium + pdf-lib split)");
  console.log(`  renderMany, ${pdfs.length} reports        ${batched.toFixed(2)} reports/s  (target ≥ 5)`);
  console.log(
    `  baseline render() one by one ${oneByOne.toFixed(2)} reports/s   ratio ${(batched / oneByOne).toFixed(2)}`,
  );
} finally {
  await renderer.close();
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} after the run`,
);

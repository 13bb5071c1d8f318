/**
 * Parser throughput on one core (run: npm run bench -w @gov-report/parser).
 *   text  : fixtures/seed-2020.txt (PDF-extracted text)          target ≥ 500 reports/s
 *   html  : test/corpus/huaian-2024.rendered.html (official layout) target ≥ 500 reports/s
 *   pdf   : parseReport({ pdf }) against pdf.js alone (getDocument + getTextContent of every page)
 *           on the same bytes, measured in the same run, alternating; target ratio ≤ 1.3×
 * `--no-pdf` leaves the PDF loops out. It measures the built package (dist/, what users run): the bench script builds first. Text, HTML
 * and the DOM baseline run in alternating rounds (median round); each figure is given per second
 * of elapsed time and per second of the process's CPU time, with the load average before and after.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHtml, parseReport, parseText } from "@gov-report/parser";
import { parseDocument } from "htmlparser2";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
const html = readFileSync(join(here, "../test/corpus/huaian-2024.rendered.html"), "utf8");

interface Rate {
  /** Operations per second of elapsed time. */
  wall: number;
  /** Operations per second of this process's CPU time (less sensitive to other jobs on the machine). */
  cpu: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One timed loop of `ms` milliseconds (after a warm-up). */
function rate(fn: () => void, ms: number): Rate {
  for (let i = 0; i < 20; i++) fn(); // warm-up
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  let t = t0;
  while (t - t0 < ms) {
    fn();
    n++;
    if (n % 10 === 0) t = performance.now();
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = (cpuMs() - c0) / 1000;
  return { wall: n / wall, cpu: n / cpu };
}

/**
 * Rates of several functions measured in alternating rounds (a change of machine load bears on
 * all of them alike), the median round of each.
 */
function rates(fns: Record<string, () => void>, rounds = 5, ms = 600): Record<string, Rate> {
  const seen: Record<string, Rate[]> = {};
  for (const k of Object.keys(fns)) seen[k] = [];
  for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(fns)) seen[k]?.push(rate(fn, ms));
  const out: Record<string, Rate> = {};
  for (const [k, xs] of Object.entries(seen))
    out[k] = { wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) };
  return out;
}

const fmt = (r: Rate) => `${r.wall.toFixed(0).padStart(6)}/s (CPU time: ${r.cpu.toFixed(0)}/s)`;

async function pdfjsAlone(bytes: Uint8Array): Promise<number> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  let items = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

async function main() {
  const lines: string[] = [
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} on ${cpus().length} cores`,
  ];
  // Baseline in the same rounds: the HTML parser's DOM build of the same page, which every HTML
  // report needs; the ratio says how the machine's speed at the moment bears on the figures.
  const r = rates({
    text: () => parseText(seed),
    html: () => parseHtml(html),
    dom: () => parseDocument(html, { withStartIndices: true, decodeEntities: true }),
  });
  const { text, html: h, dom } = r as Record<"text" | "html" | "dom", Rate>;
  lines.push(`text  seed-2020.txt                 ${fmt(text)} reports  (target ≥ 500)`);
  lines.push(`html  huaian-2024.rendered.html     ${fmt(h)} reports  (target ≥ 500)`);
  lines.push(
    `      htmlparser2 DOM alone         ${fmt(dom)} pages    (parseHtml takes ${(dom.wall / h.wall).toFixed(1)}× its time, ${(dom.cpu / h.cpu).toFixed(1)}× its CPU time)`,
  );
  // `--no-pdf`: text and HTML only (the PDF loops take a minute on a loaded machine).
  const stems = process.argv.includes("--no-pdf") ? [] : ["huaian-2024", "hongze-2023", "hongze-2024"];
  for (const stem of stems) {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, `${stem}.pdf`)));
    await pdfjsAlone(bytes);
    await parseReport({ pdf: bytes });
    const base: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 15; i++) {
      let t = performance.now();
      await pdfjsAlone(bytes);
      base.push(performance.now() - t);
      t = performance.now();
      await parseReport({ pdf: bytes });
      full.push(performance.now() - t);
    }
    const b = median(base);
    const f = median(full);
    lines.push(
      `pdf   ${`${stem}.pdf`.padEnd(28)} pdf.js alone ${b.toFixed(1)} ms, parseReport ${f.toFixed(1)} ms, ratio ${(f / b).toFixed(2)}× (target ≤ 1.3×)`,
    );
  }
  lines.push(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

/**
 * Parser throughput on one core (run: npm run bench -w @gov-report/parser).
 *   text  : fixtures/seed-2020.txt (PDF-extracted text)          target ≥ 500 reports/s
 *   html  : test/corpus/huaian-2024.rendered.html (official layout) target ≥ 500 reports/s
 *   pdf   : parseReport({ pdf }) against pdf.js alone (getDocument + getTextContent of every page)
 *           on the same bytes, measured in the same run, alternating; target ratio ≤ 1.3×
 * It measures the built package (dist/, what users run): the bench script builds first.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHtml, parseReport, parseText } from "@gov-report/parser";
import { parseDocument } from "htmlparser2";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const seed = readFileSync(join(FIXTURES, "seed-2020.txt"), "utf8");
const html = readFileSync(join(here, "../test/corpus/huaian-2024.rendered.html"), "utf8");

function opsPerSecond(fn: () => void, ms = 2000): number {
  for (let i = 0; i < 20; i++) fn(); // warm-up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    fn();
    n++;
    if (n % 10 === 0) t = performance.now();
  }
  return n / ((performance.now() - t0) / 1000);
}

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
  const lines: string[] = [];
  const text = opsPerSecond(() => parseText(seed));
  lines.push(`text  seed-2020.txt                 ${text.toFixed(0).padStart(6)} reports/s  (target ≥ 500)`);
  const h = opsPerSecond(() => parseHtml(html));
  lines.push(`html  huaian-2024.rendered.html     ${h.toFixed(0).padStart(6)} reports/s  (target ≥ 500)`);
  // Baseline in the same run: the HTML parser's DOM build of the same page, which every HTML
  // report needs; the ratio says how the machine's speed at the moment bears on the figure above.
  const dom = opsPerSecond(() => parseDocument(html, { withStartIndices: true, decodeEntities: true }));
  lines.push(
    `      htmlparser2 DOM alone         ${dom.toFixed(0).padStart(6)} pages/s    (parseHtml takes ${(dom / h).toFixed(1)}× its time)`,
  );
  for (const stem of ["huaian-2024", "hongze-2023", "hongze-2024"]) {
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
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

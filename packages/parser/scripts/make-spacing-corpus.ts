/**
 * Writes the corpus PDFs of letter-spaced tables and vertical group labels (test/corpus/README.md):
 *   huaian-2024.letterspaced.pdf   labels 1pt and figures 2pt apart (CSS letter-spacing): pdf.js
 *                                  gives one item per cell with a space between characters
 *   seed-2020.letterspaced.pdf     labels 0.6em and figures 0.4em apart: one item per label character
 *   huaian-2024.vertical-labels.pdf  the group labels of 表三 one character per line (11 pt table text)
 * each beside its expected report (the fixture's). Needs Chromium (Debian's, as the renderer uses it).
 * Run: npx tsx --conditions=@gov-report/source scripts/make-spacing-corpus.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderHtml } from "@gov-report/renderer";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const CORPUS = resolve(here, "../test/corpus");

/** Each group label of 表三 one character per line, as many reports print them. */
const VERTICAL_GROUPS = `for (const th of document.querySelectorAll('table.gr-applications th.gr-group')) th.innerHTML = [...th.textContent].join('<br>'); document.querySelector('table.gr-applications').style.fontSize = '11pt';`;

const DOCUMENTS = [
  {
    stem: "huaian-2024",
    variant: "letterspaced",
    css: ".gov-report th{letter-spacing:1pt}.gov-report td{letter-spacing:2pt}",
  },
  {
    stem: "seed-2020",
    variant: "letterspaced",
    css: ".gov-report th{letter-spacing:0.6em}.gov-report td{letter-spacing:0.4em}",
  },
  { stem: "huaian-2024", variant: "vertical-labels", css: "", dom: VERTICAL_GROUPS },
];

async function main() {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM_ARGS, findChromium } = await import("@gov-report/renderer/pdf");
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    for (const d of DOCUMENTS) {
      const expected = readFileSync(join(FIXTURES, `${d.stem}.expected.json`), "utf8");
      const html = await renderHtml(JSON.parse(expected));
      const page = await browser.newPage();
      await page.setContent(html.replace("</head>", `<style>${d.css}</style></head>`));
      if (d.dom) await page.evaluate(d.dom);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      await page.close();
      writeFileSync(join(CORPUS, `${d.stem}.${d.variant}.pdf`), pdf);
      writeFileSync(join(CORPUS, `${d.stem}.${d.variant}.expected.json`), expected);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

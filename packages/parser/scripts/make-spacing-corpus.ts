/**
 * Writes the corpus PDFs of letter-spaced tables and vertical group labels (test/corpus/README.md):
 *   huaian-2024.letterspaced.pdf   labels 1pt and figures 2pt apart (CSS letter-spacing): pdf.js
 *                                  gives one item per cell with a space between characters
 *   seed-2020.letterspaced.pdf     labels 0.6em and figures 0.4em apart: one item per label character
 *   huaian-2024.vertical-labels.pdf  the group labels of 表三 one character per line (11 pt table text)
 *   huaian-2024.blank-cells.pdf    every 0 cell of the tables left blank, as many agencies print them
 *   huaian-2024.mixed-blanks.pdf   0 cells printed 0, —, / or left blank in turn
 *   huaian-2024.uneven-right.pdf   columns of uneven widths, figures right-aligned: 表四's 178
 *                                  wraps as 17 over 8 in its narrow cell, away from its header
 *   huaian-2024.cell-notes.pdf     notes printed after figures in 表二's first and middle cells
 *                                  (8（含修订2件）) and in a narrow 表三 cell, where the note wraps
 * each beside its expected report (the fixture's), and of the last three their text as
 * `pdftotext -layout` gives it (<stem>.<variant>-layout.txt: blank cells are only spaces there).
 * Needs Chromium (Debian's, as the renderer uses it) and pdftotext (poppler-utils).
 * Run: npx tsx --conditions=@gov-report/source scripts/make-spacing-corpus.ts [VARIANT]
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, type Printed, printFixture, run, withChromium } from "./corpus-print.js";

/** Each group label of 表三 one character per line, as many reports print them. */
const VERTICAL_GROUPS = `for (const th of document.querySelectorAll('table.gr-applications th.gr-group')) th.innerHTML = [...th.textContent].join('<br>'); document.querySelector('table.gr-applications').style.fontSize = '11pt';`;

/** Column widths of every table set unevenly (in turn 7, 13, 5, 11 … parts). */
const UNEVEN_COLUMNS = `for (const t of document.querySelectorAll('table.gr-table')) { const cs = [...t.querySelectorAll('col')]; const w = cs.map((c, i) => [7, 13, 5, 11, 17, 6, 9, 15, 4, 12, 8, 14, 10, 5, 16][i % 15]); const s = w.reduce((a, b) => a + b, 0); cs.forEach((c, i) => { c.style.width = (100 * w[i] / s) + '%'; }); }`;

/** Every 0 cell of the tables printed as the list says in turn ("" leaves it blank). */
const zeroCells = (marks: readonly string[]) =>
  `let n = 0; const marks = ${JSON.stringify(marks)}; for (const td of document.querySelectorAll('td.gr-v')) if (td.textContent.trim() === '0') td.textContent = marks[n++ % marks.length];`;

/** Notes printed after figures inside 表二's and 表三's cells, first and middle cells of a row too. */
const CELL_NOTES = `const note = (k, s) => { const td = document.querySelector('td[data-field="' + k + '"]'); td.textContent += s; }; note('proactiveDisclosure.normativeDocuments.issued', '（含修订2件）'); note('proactiveDisclosure.normativeDocuments.repealed', '（含自然失效12件）'); note('proactiveDisclosure.licensing.decisions', '（含告知承诺制1200件）'); note('applications.received.legalServices', '(含律师事务所58件)');`;

const DOCUMENTS: (Printed & { layout?: boolean })[] = [
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
  { stem: "huaian-2024", variant: "blank-cells", css: "", dom: zeroCells([""]), layout: true },
  { stem: "huaian-2024", variant: "mixed-blanks", css: "", dom: zeroCells(["0", "—", "/", ""]), layout: true },
  {
    stem: "huaian-2024",
    variant: "uneven-right",
    css: ".gov-report td{text-align:right}",
    dom: UNEVEN_COLUMNS,
    layout: true,
  },
  { stem: "huaian-2024", variant: "cell-notes", css: "", dom: CELL_NOTES },
];

/** The PDF's text as `pdftotext -layout` gives it. */
function layoutText(pdfFile: string): string {
  return execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
}

async function main() {
  await withChromium(async (browser) => {
    // A variant named on the command line is printed alone (the others' files stay as committed).
    const only = process.argv[2];
    for (const d of DOCUMENTS.filter((x) => !only || x.variant === only)) {
      const file = join(CORPUS, `${d.stem}.${d.variant}.pdf`);
      writeFileSync(file, await printFixture(browser, d));
      if (d.layout) writeFileSync(join(CORPUS, `${d.stem}.${d.variant}-layout.txt`), layoutText(file));
    }
  });
}

run(main);

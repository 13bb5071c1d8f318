/**
 * Derives the corpus in test/corpus/ from the real fixtures (see test/corpus/README.md):
 *   <fixture>.rendered.html   renderHtml(expected JSON) from @gov-report/renderer (official layout)
 *   <fixture>.scraped.txt     that HTML's text as a crawler's textContent gives it: every table on
 *                             one line, cells run together with no separator
 *   <fixture>.layout.txt      `pdftotext -layout` of the fixture PDF (poppler-utils)
 *   <fixture>.plain.txt       `pdftotext` (default mode) of the fixture PDF
 *   <fixture>.rendered-pdftotext.txt   `pdftotext` (default mode) of <fixture>.rendered.pdf
 *   huaian-2024.wrapped.pdf   the rendered HTML printed by Chromium with 18 pt table text, so that
 *                             wide figures wrap inside their cells ("300" over "1")
 *   huaian-2024.blank-zeros.pdf   the same with every "0" cell left blank
 *   <fixture>.rendered.docx   renderDocx(expected JSON): Word's table model (gridSpan, vMerge)
 *   <fixture>.libreoffice.docx / .libreoffice.pdf   LibreOffice's own writers (only when `soffice`
 *                             is installed: apt-get install libreoffice-writer-nogui): the HTML
 *                             saved as Word, and our Word file exported as PDF, as agencies do
 *   <fixture>.rendered-layout.txt      `pdftotext -layout` of <fixture>.rendered.pdf
 *   <fixture>.<shape>.<ext> + <fixture>.<shape>.expected.json   the generated shapes of
 *                             scripts/shapes/ (random figures; the expected report beside each)
 * Run: npx tsx --conditions=@gov-report/source scripts/make-corpus.ts [--shapes]
 * (--shapes: only the generated shapes, no Chromium or LibreOffice needed)
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderDocx, renderHtml } from "@gov-report/renderer";
import { corpusDocuments, expectedJson } from "./shapes/corpus.js";
import { scrape } from "./shapes/scrape.js";

export { scrape };

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../../fixtures");
const CORPUS = resolve(here, "../test/corpus");
const STEMS = ["seed-2020", "huaian-2024", "hongze-2023", "hongze-2024"];

/** LibreOffice's conversion of `file` to `filter` (e.g. "pdf", "docx:MS Word 2007 XML"), or false without soffice. */
function libreoffice(file: string, filter: string, target: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), "gov-report-corpus-"));
  try {
    execFileSync("soffice", ["--headless", "--convert-to", filter, "--outdir", dir, file], { stdio: "ignore" });
    const base = file.slice(file.lastIndexOf("/") + 1).replace(/\.[a-z]+$/, "");
    copyFileSync(join(dir, `${base}.${filter.split(":")[0]}`), target);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Table text large enough that figures of four digits and more wrap inside their cells. */
export const WRAPPING_CSS = "td, th { font-size: 18pt !important }";

/** The report printed by Chromium with extra CSS (Debian's Chromium, as the renderer uses it). */
async function printWith(report: unknown, css: string, edit = (html: string) => html): Promise<Uint8Array> {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM_ARGS, findChromium } = await import("@gov-report/renderer/pdf");
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    const html = await renderHtml(report as Parameters<typeof renderHtml>[0]);
    await page.setContent(edit(html).replace("</head>", `<style>${css}</style></head>`));
    return new Uint8Array(await page.pdf({ format: "A4", printBackground: true }));
  } finally {
    await browser.close();
  }
}

/** Zeros left blank, as many agencies print them: every value cell holding "0" emptied. */
export function blankZeros(html: string): string {
  return html.replace(/(<td[^>]*>)0(<\/td>)/g, "$1$2");
}

/** The generated documents of every shape (scripts/shapes/) and their expected reports. */
function writeShapes(): void {
  for (const doc of corpusDocuments()) {
    writeFileSync(join(CORPUS, doc.file), doc.content);
    writeFileSync(join(CORPUS, doc.expectedFile), expectedJson(doc.expected));
  }
}

/** `pdftotext` of a PDF of the corpus, plain or -layout. */
const pdftotext = (pdf: string, layout: boolean) =>
  execFileSync("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });

async function main() {
  writeShapes();
  if (process.argv.includes("--shapes")) return;
  const huaian = JSON.parse(readFileSync(join(FIXTURES, "huaian-2024.expected.json"), "utf8"));
  writeFileSync(join(CORPUS, "huaian-2024.wrapped.pdf"), await printWith(huaian, WRAPPING_CSS));
  writeFileSync(join(CORPUS, "huaian-2024.blank-zeros.pdf"), await printWith(huaian, WRAPPING_CSS, blankZeros));
  for (const stem of STEMS) {
    const report = JSON.parse(readFileSync(join(FIXTURES, `${stem}.expected.json`), "utf8"));
    const html = await renderHtml(report);
    writeFileSync(join(CORPUS, `${stem}.rendered.html`), html);
    writeFileSync(join(CORPUS, `${stem}.scraped.txt`), scrape(html));
    const docx = join(CORPUS, `${stem}.rendered.docx`);
    writeFileSync(docx, await renderDocx(report));
    if (
      !libreoffice(
        join(CORPUS, `${stem}.rendered.html`),
        "docx:MS Word 2007 XML",
        join(CORPUS, `${stem}.libreoffice.docx`),
      )
    )
      process.stderr.write("soffice not found: the LibreOffice files are left as they are\n");
    else libreoffice(docx, "pdf", join(CORPUS, `${stem}.libreoffice.pdf`));
    const rendered = join(CORPUS, `${stem}.rendered.pdf`);
    if (existsSync(rendered)) {
      writeFileSync(join(CORPUS, `${stem}.rendered-pdftotext.txt`), pdftotext(rendered, false));
      writeFileSync(join(CORPUS, `${stem}.rendered-layout.txt`), pdftotext(rendered, true));
    }
    const pdf = join(FIXTURES, `${stem}.pdf`);
    if (existsSync(pdf)) {
      const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
      writeFileSync(join(CORPUS, `${stem}.layout.txt`), text);
      const plain = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
      writeFileSync(join(CORPUS, `${stem}.plain.txt`), plain);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}

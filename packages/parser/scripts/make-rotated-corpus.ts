/**
 * Writes the corpus PDFs of table pages stored turned (test/corpus/README.md), as many reports keep
 * a landscape table page inside a portrait file:
 *   huaian-2024.rotate90.pdf     the table pages printed landscape, then stored as portrait pages
 *                                whose content is drawn a quarter turn anticlockwise, with
 *                                `/Rotate 90` so that viewers show them upright
 *   seed-2020.rotate270.pdf      the same turned the other way, `/Rotate 270` (2019 edition)
 *   huaian-2024.turned-text.pdf  drawn turned as in rotate90 but with no `/Rotate`: the tables
 *                                show sideways, their text running up the page
 * each beside its expected report (the fixture's). The text pages stay portrait and upright.
 * Needs Chromium (Debian's, as the renderer uses it) and pdf-lib (the renderer's dependency).
 * Run: npx tsx --conditions=@gov-report/source scripts/make-rotated-corpus.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { concatTransformationMatrix, degrees, PDFDocument, popGraphicsState, pushGraphicsState } from "pdf-lib";
import { CORPUS, printFixture, run, withChromium } from "./corpus-print.js";

/** The three table sections on landscape pages. */
const LANDSCAPE_TABLES =
  "@page land { size: A4 landscape; margin: 15mm 18mm; } section[data-section=proactiveDisclosure], section[data-section=applications], section[data-section=reviewsAndLawsuits] { page: land; }";

const DOCUMENTS: { stem: string; variant: string; turn: 90 | -90; rotate?: 90 | 270 }[] = [
  { stem: "huaian-2024", variant: "rotate90", turn: 90, rotate: 90 },
  { stem: "seed-2020", variant: "rotate270", turn: -90, rotate: 270 },
  { stem: "huaian-2024", variant: "turned-text", turn: 90 },
];

/**
 * Every landscape page stored as a portrait page whose content is drawn turned a quarter turn
 * (anticlockwise for 90), and `/Rotate` set if asked. The page keeps its own content and fonts,
 * wrapped in a `cm` that turns it.
 */
async function turnLandscapePages(pdf: Uint8Array, turn: 90 | -90, rotate?: 90 | 270): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    if (width <= height) continue;
    const matrix: [number, number, number, number, number, number] =
      turn === 90 ? [0, 1, -1, 0, height, 0] : [0, -1, 1, 0, 0, width];
    const start = doc.context.register(
      doc.context.contentStream([pushGraphicsState(), concatTransformationMatrix(...matrix)]),
    );
    const end = doc.context.register(doc.context.contentStream([popGraphicsState()]));
    page.node.normalize();
    page.node.wrapContentStreams(start, end);
    page.setSize(height, width);
    if (rotate) page.setRotation(degrees(rotate));
  }
  return doc.save();
}

async function main() {
  await withChromium(async (browser) => {
    for (const d of DOCUMENTS) {
      const pdf = await printFixture(browser, { ...d, css: LANDSCAPE_TABLES }, { preferCSSPageSize: true });
      writeFileSync(join(CORPUS, `${d.stem}.${d.variant}.pdf`), await turnLandscapePages(pdf, d.turn, d.rotate));
    }
  });
}

run(main);

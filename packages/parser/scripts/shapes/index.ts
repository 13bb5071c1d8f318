/**
 * The document shapes real reports come in (format reference, "How reports reach a reader"), each
 * generated from a report with known figures: the generator knows the truth, so every document
 * comes with the report it must be read back as. Used by scripts/make-corpus.ts (the committed
 * corpus) and scripts/roundtrip.ts (random figures at scale).
 */
import type { Edition, Report } from "@gov-report/core";
import { AGENCY_NAMES, framing, narrated, renamed, TITLE_FORMS, type TitleForm } from "./document.js";
import { withNotes } from "./notes.js";
import { OCR_MIX, type OcrOptions, ocrDocument } from "./ocr.js";
import { pipeDocument } from "./pipe.js";
import { chance, pick, type Rand } from "./random.js";
import { scrape } from "./scrape.js";
import { labelVariants, variantHtml } from "./variants.js";
import { webPage } from "./web.js";

export interface Generated {
  /** The report the document must be read back as. */
  expected: Report;
  /** The document: text, Markdown or HTML. */
  content: string;
}

export interface Shape {
  /** File name infix in the corpus: <fixture>.<key>.<ext>. */
  key: string;
  ext: "txt" | "md" | "html";
  /** What the document looks like, for the corpus README and the evaluation table. */
  what: string;
  /** Editions the shape applies to (all when absent). */
  editions?: readonly Edition[];
  /** Built on @gov-report/renderer's HTML page: its bytes follow the renderer's markup. */
  rendered?: boolean;
  make(report: Report, rand: Rand): Generated;
}

const titleForm = (rand: Rand): TitleForm => pick(rand, TITLE_FORMS);

/** The report under a published agency name with narratives; the title in a random form. */
function dressed(report: Report, rand: Rand, stated: boolean) {
  const named = report.agency.name && chance(rand, 0.3) ? report : renamed(report, pick(rand, AGENCY_NAMES));
  const expected = narrated(named, rand, stated);
  return { expected, frame: framing(expected, titleForm(rand), rand) };
}

const pipe: Shape = {
  key: "pipe",
  ext: "txt",
  what: "`|`-separated text tables, blank cells empty between separators, merged label cells in their first row or heading rows with one label column",
  make(report, rand) {
    const { expected, frame } = dressed(report, rand, false);
    const options = { blankZeros: pick(rand, [0.3, 0.8]), trailing: chance(rand, 0.5), spans: chance(rand, 0.5) };
    return { expected, content: pipeDocument(expected, frame, rand, options) };
  },
};

const ocrShape = (key: string, what: string, options: OcrOptions): Shape => ({
  key,
  ext: "md",
  what,
  make(report, rand) {
    const { expected, frame } = dressed(report, rand, false);
    return { expected, content: ocrDocument(expected, frame, rand, options) };
  },
});

const ocr = ocrShape(
  "ocr",
  "OCR/AI Markdown: small tables per row group, generic or partial or fake headers, unlabelled rows, labels a row early or late, broken labels, extra cells, page footers and repeated headings inside tables",
  OCR_MIX,
);

/** The same converters with one fault made frequent: labels printed a row after their figures. */
const ocrLate = ocrShape(
  "ocr-late",
  "OCR/AI Markdown as above, most styled rows with their label one row after the figures, some with none",
  { styled: 0.7, styles: ["late", "late", "late", "unlabelled", "extra-back"], pageBreaks: 0.15 },
);

/** …labels a row early, vertical labels split in front of rows, and page footers inside tables. */
const ocrEarly = ocrShape(
  "ocr-early",
  "OCR/AI Markdown as above, labels one row before the figures, long labels broken over two rows, pieces of vertical labels in front of rows, a page footer (and often the heading again) after many small tables",
  { styled: 0.7, styles: ["early", "early", "broken", "extra-front"], pageBreaks: 0.45 },
);

const crawler = (stated: boolean): Shape => ({
  key: stated ? "crawler-stated" : "crawler",
  rendered: true,
  ext: "txt",
  what: `text a crawler takes from the portal page (chrome included), 表二's labels and figures run together${stated ? ", 一、总体情况 stating figures of 表二, 三 and 四" : ", no figures stated in the text"}`,
  make(report, rand) {
    const { expected, frame } = dressed(report, rand, stated);
    return { expected, content: scrape(webPage(expected, frame, rand)) };
  },
});

const notes: Shape = {
  key: "notes",
  ext: "md",
  what: "Markdown tables whose cells carry notes: `18（其中修订5件）`, `41（含自然失效12件）`, mostly in 表二",
  make(report, rand) {
    const { expected, frame } = dressed(report, rand, false);
    const options = { blankZeros: 0, trailing: true, spans: false, rule: true, figure: withNotes(rand) };
    return { expected, content: pipeDocument(expected, frame, rand, options) };
  },
};

const web: Shape = {
  key: "web",
  rendered: true,
  ext: "html",
  what: "the rendered report inside a portal page's chrome (附件下载, 扫一扫…, 打印本页, 关闭窗口, 版权所有, 主办单位, 网站标识码, ICP备, browser hint), title in one of the published forms",
  make(report, rand) {
    const { expected, frame } = dressed(report, rand, false);
    return { expected, content: webPage(expected, frame, rand) };
  },
};

const variants = (html: boolean): Shape => ({
  key: html ? "variants" : "variants-pipe",
  rendered: html,
  ext: html ? "html" : "txt",
  editions: ["2021"],
  what: `2021 edition printing label variants (2019's 规范性文件, \`1、\`/\`1．\`/\`（1）\`, spaces inside labels, a dropped character, abbreviated applicant columns) as ${html ? "the rendered HTML page" : "`|` text"}`,
  make(report, rand) {
    const { expected, frame } = dressed(report, rand, false);
    const rewrite = labelVariants(expected, rand);
    if (html) return { expected, content: variantHtml(expected, rewrite) };
    const options = { blankZeros: 0.3, trailing: true, spans: false, label: rewrite };
    return { expected, content: pipeDocument(expected, frame, rand, options) };
  },
});

export const SHAPES: readonly Shape[] = [
  pipe,
  ocr,
  crawler(false),
  crawler(true),
  notes,
  web,
  variants(true),
  variants(false),
  ocrLate,
  ocrEarly,
];

export const shapeFor = (key: string): Shape | undefined => SHAPES.find((s) => s.key === key);

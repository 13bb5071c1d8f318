/**
 * @gov-report/renderer/pdf — reports printed to PDF by Chromium (Node only). The HTML of
 * renderHtml is printed by a Chromium the system provides (Debian's package, or CHROMIUM_PATH),
 * driven by playwright-core; no browser is downloaded. One browser serves many reports.
 *
 * @packageDocumentation
 * @module \@gov-report/renderer/pdf
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Report } from "@gov-report/core/lite";
import fontkit from "@pdf-lib/fontkit";
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  type PDFPage,
  PDFString,
  rgb,
} from "pdf-lib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { renderHtml } from "./html.js";
import { reportTitle } from "./layout.js";
import { MARK_CSS, REPORT_CSS } from "./styles.js";
import { fixToUnicodeMaps } from "./to-unicode.js";

export interface PdfOptions {
  /** Mark cells with validation issues (as renderHtml's `annotate`). */
  annotate?: boolean;
}

export interface PdfRendererOptions {
  /** Chromium executable; default: env CHROMIUM_PATH, then /usr/bin/chromium. */
  executablePath?: string;
  /** Pages printing at once (default 2). */
  concurrency?: number;
  /** Reports per Chromium print job in renderMany (default 10). */
  batchSize?: number;
}

/** Where Debian installs Chromium. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";
/**
 * Chromium and the fonts the print stylesheet names (docs/decisions/renderer-fonts.md): AR PL UMing
 * (body), WenQuanYi Zen Hei (headings), AR PL SungtiL GB (title), Liberation Serif (figures, page
 * numbers); Noto CJK only for characters none of them has.
 */
export const FONT_PACKAGES = [
  "fonts-noto-cjk",
  "fonts-arphic-uming",
  "fonts-arphic-gbsn00lp",
  "fonts-wqy-zenhei",
  "fonts-liberation",
] as const;
/** The Debian packages PDF output needs, as one install command. */
export const CHROMIUM_INSTALL_HINT = `apt-get install chromium ${FONT_PACKAGES.join(" ")}`;

/** Flags for a headless print in containers and CI: no sandbox, GPU, updates or background traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium is not installed where we look for it. */
export class ChromiumNotFoundError extends Error {
  constructor(readonly executablePath: string) {
    super(
      `Chromium not found at ${executablePath}: PDF output needs Chromium and CJK fonts. Install them with \`${CHROMIUM_INSTALL_HINT}\`, or set CHROMIUM_PATH to a Chromium executable.`,
    );
    this.name = "ChromiumNotFoundError";
  }
}

/** The Chromium executable to use (explicit option, CHROMIUM_PATH, then Debian's path); throws if missing. */
export function findChromium(executablePath?: string): string {
  const path = executablePath || process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (!existsSync(path)) throw new ChromiumNotFoundError(path);
  return path;
}

/** The page numbers' font is missing. */
export class PageNumberFontError extends Error {
  constructor() {
    super(
      `Liberation Serif not found: PDF page numbers are set in it. Install it with \`apt-get install fonts-liberation\`.`,
    );
    this.name = "PageNumberFontError";
  }
}

/** Where Debian's fonts-liberation and fonts-liberation2 put Liberation Serif. */
const PAGE_NUMBER_FONT_PATHS = [
  "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
  "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
];

let pageNumberFont: Uint8Array | undefined;

/**
 * The TrueType file page numbers are drawn in (Liberation Serif, the face of the report's figures),
 * embedded as a subset so that the PDF names no unembedded standard font. Read once per process.
 */
function pageNumberFontBytes(): Uint8Array {
  if (pageNumberFont) return pageNumberFont;
  let path = PAGE_NUMBER_FONT_PATHS.find((p) => existsSync(p));
  if (!path) {
    try {
      const [family, file] = execFileSync("fc-match", ["-f", "%{family}\n%{file}", "Liberation Serif:style=Regular"], {
        encoding: "utf8",
        timeout: 10_000,
      }).split("\n");
      if (family?.includes("Liberation Serif") && file) path = file;
    } catch {
      // No fontconfig: the known paths were all there was to try.
    }
  }
  if (!path) throw new PageNumberFontError();
  pageNumberFont = new Uint8Array(readFileSync(path));
  return pageNumberFont;
}

/**
 * Names the page-number subset as PDF names subsets, a six-letter tag and "+" before the font name
 * (ISO 32000-1, 9.6.4): pdf-lib writes "LiberationSerif-1234", which readers take for a full font.
 * Embeds the font now, so call it after the last drawText with it.
 */
async function tagSubset(doc: PDFDocument, font: PDFFont): Promise<void> {
  await font.embed();
  const type0 = doc.context.lookup(font.ref, PDFDict);
  const base = type0.lookup(PDFName.of("BaseFont"), PDFName).decodeText();
  const name = PDFName.of(`GRPAGE+${base.replace(/-\d+$/, "")}`);
  type0.set(PDFName.of("BaseFont"), name);
  const cid = type0.lookup(PDFName.of("DescendantFonts"), PDFArray).lookup(0, PDFDict);
  cid.set(PDFName.of("BaseFont"), name);
  cid.lookup(PDFName.of("FontDescriptor"), PDFDict).set(PDFName.of("FontName"), name);
}

/** Reports printed in one Chromium job: fonts are embedded once per job, which is most of its cost. */
const DEFAULT_BATCH = 25;
/** A link Chromium turns into an annotation on the page where a report starts; removed after the split. */
const MARK_PREFIX = "https://gov-report.invalid/report-start/";

function batchHtml(reports: readonly Report[], options: PdfOptions): string {
  let body = "";
  reports.forEach((report, i) => {
    const article = renderHtml(report, { fragment: true, ...(options.annotate ? { annotate: true } : {}) });
    body += `<div class="gr-pdf-report"><a class="gr-pdf-mark" href="${MARK_PREFIX}${i}"></a>${article}</div>`;
  });
  const css = `${REPORT_CSS}${MARK_CSS}
.gr-pdf-report + .gr-pdf-report { break-before: page; }
.gr-pdf-mark { display: block; width: 1px; height: 1px; }`;
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}

/** The report index a page's start mark names, if any. */
function markOnPage(page: PDFPage): number | undefined {
  const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
  if (!annots) return undefined;
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookupMaybe(i, PDFDict);
    const action = annot?.lookupMaybe(PDFName.of("A"), PDFDict);
    const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString);
    const text = uri?.decodeText();
    if (text?.startsWith(MARK_PREFIX)) return Number(text.slice(MARK_PREFIX.length));
  }
  return undefined;
}

/**
 * Splits a batch PDF into one PDF per report: pages from one start mark to the next. Page numbers
 * ("- 1 -", as official documents print them) are drawn per report, so each file counts from 1.
 */
async function splitBatch(bytes: Uint8Array, reports: readonly Report[]): Promise<Uint8Array[]> {
  // Fastest: no yielding to the event loop every few objects (pdf-lib's default), several times faster.
  const source = await PDFDocument.load(bytes, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false });
  fixToUnicodeMaps(source);
  const pages = source.getPages();
  const starts: number[] = [];
  pages.forEach((page, index) => {
    const mark = markOnPage(page);
    if (mark !== undefined) starts[mark] = index;
    // Links (start marks, the issue list's links to cells) point into the batch: drop them all.
    page.node.delete(PDFName.of("Annots"));
  });
  if (
    starts.length !== reports.length ||
    starts.some((s, i) => s === undefined || (i > 0 && s <= (starts[i - 1] as number)))
  ) {
    throw new Error(
      `PDF batch split failed: found report starts ${JSON.stringify(starts)} for ${reports.length} reports`,
    );
  }
  const out: Uint8Array[] = [];
  for (let i = 0; i < reports.length; i++) {
    const from = starts[i] as number;
    const to = i + 1 < starts.length ? (starts[i + 1] as number) : pages.length;
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const indices = Array.from({ length: to - from }, (_, k) => from + k);
    const copied = await doc.copyPages(source, indices);
    const font = await doc.embedFont(pageNumberFontBytes(), { subset: true });
    copied.forEach((page, k) => {
      doc.addPage(page);
      const label = `- ${k + 1} -`;
      const size = 9;
      page.drawText(label, {
        x: (page.getWidth() - font.widthOfTextAtSize(label, size)) / 2,
        y: FOOTER_BASELINE,
        size,
        font,
        color: rgb(0, 0, 0),
      });
    });
    await tagSubset(doc, font);
    const report = reports[i] as Report;
    doc.setTitle(reportTitle(report));
    doc.setCreator("@gov-report/renderer");
    doc.setProducer("@gov-report/renderer (Chromium, pdf-lib)");
    out.push(await doc.save({ objectsPerTick: Number.POSITIVE_INFINITY }));
  }
  return out;
}

/** Baseline of the page number, in points from the bottom edge (inside the 20 mm bottom margin). */
const FOOTER_BASELINE = 28;

/** Prints reports to PDF with one Chromium; call close() when done. */
export class PdfRenderer {
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    pages: Page[],
    private readonly batchSize: number,
  ) {
    this.idle.push(...pages);
  }

  /**
   * Starts Chromium. Rejects with ChromiumNotFoundError (naming the install command) when it is
   * missing, and with PageNumberFontError when Liberation Serif is.
   */
  static async launch(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
    const executablePath = findChromium(options.executablePath);
    pageNumberFontBytes(); // throws PageNumberFontError now rather than after the first print
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      // The report is static: no scripts, no network (defence in depth on top of escaping).
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route("**/*", (route) => route.abort());
      const count = Math.max(1, Math.floor(options.concurrency ?? 2));
      const pages: Page[] = [];
      for (let i = 0; i < count; i++) pages.push(await context.newPage());
      return new PdfRenderer(browser, context, pages, Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH)));
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  private acquire(): Promise<Page> {
    const page = this.idle.pop();
    return page ? Promise.resolve(page) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }

  private async printBatch(reports: readonly Report[], options: PdfOptions): Promise<Uint8Array[]> {
    const page = await this.acquire();
    let pdf: Buffer;
    try {
      await page.setContent(batchHtml(reports, options), { waitUntil: "load" });
      pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    } finally {
      this.release(page);
    }
    return splitBatch(pdf, reports);
  }

  /** One report as a PDF file (A4). */
  async render(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
    const [pdf] = await this.printBatch([report], options);
    return pdf as Uint8Array;
  }

  /**
   * Many reports, one PDF each, in input order. Reports are printed in batches (one Chromium job
   * each, on the renderer's pages at once) and each batch is split into per-report files.
   */
  async renderMany(reports: readonly Report[], options: PdfOptions = {}): Promise<Uint8Array[]> {
    const batches: Report[][] = [];
    for (let i = 0; i < reports.length; i += this.batchSize) batches.push(reports.slice(i, i + this.batchSize));
    const results = await Promise.all(batches.map((b) => this.printBatch(b, options)));
    return results.flat();
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/**
 * Prints one report, or several with one browser, to PDF. For repeated calls keep a PdfRenderer
 * instead, so that Chromium starts once.
 */
export function renderPdf(report: Report, options?: PdfOptions & PdfRendererOptions): Promise<Uint8Array>;
export function renderPdf(reports: readonly Report[], options?: PdfOptions & PdfRendererOptions): Promise<Uint8Array[]>;
export async function renderPdf(
  input: Report | readonly Report[],
  options: PdfOptions & PdfRendererOptions = {},
): Promise<Uint8Array | Uint8Array[]> {
  const renderer = await PdfRenderer.launch(options);
  try {
    return Array.isArray(input)
      ? await renderer.renderMany(input as readonly Report[], options)
      : await renderer.render(input as Report, options);
  } finally {
    await renderer.close();
  }
}

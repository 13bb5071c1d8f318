/**
 * PDF → lines, from pdf.js's positioned text items (not from its text order): items are
 * clustered into lines by baseline, split into cells by horizontal gaps, and every number
 * keeps the x centre of where it is printed, so values map to the columns under their header.
 */
import { isPageFurniture, type Line, makeLine, type SourceDoc, type Token } from "../doc.js";
import { Budget, LIMITS, LimitExceeded, type Refusal, refusal, refusedDoc } from "../limits.js";
import { tokenize } from "../tokens.js";
import type { PdfItem } from "./pdf-item.js";
import { labelMarksAsText, type PlacedLine } from "./pdf-label-marks.js";
import { type PageViewport, placeItems, type RawTextItem } from "./pdf-orientation.js";
import {
  letterRuns,
  lineCellGap,
  measuredDigitAdvance,
  type SpacingContext,
  TOUCH,
  unspacedItem,
} from "./pdf-spacing.js";
import { loadWorkerCode } from "./pdf-worker-code.js";

export type { PdfItem } from "./pdf-item.js";

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

export interface PdfContent {
  pages: PdfPage[];
  title?: string;
  /** Set when the PDF is over a reader limit (more pages or text items): no pages are kept. */
  refused?: Refusal;
}

export class PdfReadError extends Error {
  constructor(
    message: string,
    readonly reason: "invalid" | "encrypted" | "empty",
  ) {
    super(message);
    this.name = "PdfReadError";
  }
}

/** What pdf.js threw, as text, without running code of the thrown value (no `String(e)`). */
function messageOf(e: unknown): string {
  try {
    const m = (e as { message?: unknown } | null)?.message;
    if (typeof m === "string") return m;
  } catch {
    // a getter that throws
  }
  return typeof e;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsPromise: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded on first use (it is large). Where there are no Web Workers (Node) its worker runs
 * on the same thread: the worker module (pdf-worker-code.ts: the minified build, font programs
 * left out where text extraction does not need them) is loaded here too (pdf.js finds it on
 * `globalThis.pdfjsWorker`), so that both are loaded before {@link keepNatives} puts back the
 * built-ins their polyfills replace.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= keepNatives(async () => {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    if ((globalThis as { Worker?: unknown }).Worker === undefined) {
      const worker = await loadWorkerCode();
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker.module;
    }
    return pdfjs;
  });
  return pdfjsPromise;
}

/**
 * Runs `load` and then restores `Array.prototype.push`, `JSON.parse` and `JSON.stringify`: the
 * core-js polyfills of pdf.js's legacy build (the build that runs on Node 20) replace them for the
 * whole process with far slower versions (a PDF reads about a third faster with the natives, and
 * every JSON read or written after a PDF would be slower too). What the polyfills add is kept.
 */
async function keepNatives<T>(load: () => Promise<T>): Promise<T> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, "push");
  const parse = Object.getOwnPropertyDescriptor(JSON, "parse");
  const stringify = Object.getOwnPropertyDescriptor(JSON, "stringify");
  try {
    return await load();
  } finally {
    if (push) Object.defineProperty(Array.prototype, "push", push);
    if (parse) Object.defineProperty(JSON, "parse", parse);
    if (stringify) Object.defineProperty(JSON, "stringify", stringify);
  }
}

/** The positioned text items of every page (what pdf.js's getTextContent gives). */
export async function readPdfContent(bytes: Uint8Array): Promise<PdfContent> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? "";
    await task.destroy().catch(() => {});
    if (name === "PasswordException") throw new PdfReadError("the PDF is encrypted", "encrypted");
    throw new PdfReadError(`not a readable PDF: ${messageOf(e)}`, "invalid");
  }
  try {
    if (doc.numPages > LIMITS.maxPdfPages) return { pages: [], refused: refusal("maxPdfPages") };
    const pages: PdfPage[] = [];
    let itemCount = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      try {
        page = await doc.getPage(p);
      } catch {
        // A truncated file can lose its last pages: keep what is readable.
        pages.push({ width: 0, height: 0, items: [] });
        continue;
      }
      const placed = await pageItems(page);
      page.cleanup();
      itemCount += placed.items.length;
      if (itemCount > LIMITS.maxPdfItems) return { pages: [], refused: refusal("maxPdfItems") };
      pages.push(placed);
    }
    let title: string | undefined;
    try {
      const meta = await doc.getMetadata();
      const t = (meta.info as { Title?: unknown } | undefined)?.Title;
      if (typeof t === "string" && t.trim()) title = t.trim();
    } catch {
      // no metadata
    }
    return { pages, ...(title ? { title } : {}) };
  } finally {
    await doc.destroy();
  }
}

/**
 * The positioned text items of one page, placed as the page is read (pdf-orientation.ts: a page
 * shown or drawn turned is turned back); an unreadable content stream gives an empty page.
 */
async function pageItems(page: {
  getViewport(o: { scale: number }): PageViewport;
  getTextContent(): Promise<{ items: readonly object[] }>;
}): Promise<PdfPage> {
  const vp = page.getViewport({ scale: 1 });
  try {
    const tc = await page.getTextContent();
    return placeItems(tc.items as readonly RawTextItem[], vp);
  } catch {
    // unreadable content stream: an empty page
    return { width: vp.width, height: vp.height, items: [] };
  }
}

interface Cluster {
  y: number;
  size: number;
  items: PdfItem[];
}

/** Lines of a page: items grouped by baseline (within 40% of the smaller font size), left to right. */
function pageLines(page: PdfPage): Cluster[] {
  const items = page.items.filter((i) => i.str.trim() !== "");
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Cluster[] = [];
  for (const it of items) {
    let target: Cluster | undefined;
    // Compare with the few most recent lines: superscripts and mixed font sizes drift a little.
    for (let k = out.length - 1; k >= 0 && k >= out.length - 3; k--) {
      const c = out[k] as Cluster;
      if (Math.abs(c.y - it.y) <= 0.4 * Math.min(c.size, it.size)) {
        target = c;
        break;
      }
    }
    if (target) {
      target.items.push(it);
      target.size = Math.max(target.size, it.size);
    } else out.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const c of out) c.items.sort((a, b) => a.x - b.x);
  out.sort((a, b) => b.y - a.y);
  return out;
}

/** Builds the line model of a PDF's text content; content over the reader limits gives a refused document. */
export function pdfSource(content: PdfContent): SourceDoc {
  if (content.refused) return refusedDoc("pdf", content.refused);
  try {
    return pdfLines(content);
  } catch (e) {
    if (e instanceof LimitExceeded) return refusedDoc("pdf", e.refusal);
    throw e;
  }
}

function pdfLines(content: PdfContent): SourceDoc {
  const lines: Line[] = [];
  const budget = new Budget();
  let tokenCount = 0;
  const clustersByPage = content.pages.map((page) => pageLines(page).filter((c) => !isFurniture(c, page)));
  const margin = bodyMargin(clustersByPage);
  const digitAdvance = measuredDigitAdvance(content.pages.flatMap((p) => p.items));
  clustersByPage.forEach((clusters, p) => {
    const ctx: SpacingContext = { digitAdvance, ...pageCellGap(clusters) };
    const placed: PlacedLine[] = [];
    clusters.forEach((c, li) => {
      const { text, tokens, spans } = clusterText(c, lines.length, ctx);
      tokenCount += tokens.length;
      budget.line(tokenCount);
      placed.push({ tokens, spans, size: c.size });
      const first = c.items[0] as PdfItem;
      lines.push(
        makeLine({
          text,
          tokens,
          page: p + 1,
          lineNo: li + 1,
          indent: first.x > margin + 0.8 * first.size,
          trailingSpace: false,
        }),
      );
    });
    labelMarksAsText(placed);
  });
  return { kind: "pdf", lines, positional: true, ...(content.title ? { title: content.title } : {}) };
}

/** The smallest gap between figure cells of a row on the page (none when no line has two apart). */
function pageCellGap(clusters: readonly Cluster[]): { pageCellGap?: number } {
  let best: number | undefined;
  for (const c of clusters) {
    const g = lineCellGap(c.items);
    if (g !== undefined && (best === undefined || g < best)) best = g;
  }
  return best === undefined ? {} : { pageCellGap: best };
}

/** Left margin of body text: the most common line start, per document. */
function bodyMargin(clustersByPage: readonly Cluster[][]): number {
  const starts = new Map<number, number>();
  for (const clusters of clustersByPage)
    for (const c of clusters) {
      const x = Math.round((c.items[0] as PdfItem).x);
      starts.set(x, (starts.get(x) ?? 0) + 1);
    }
  let margin = 0;
  let best = -1;
  for (const [x, n] of starts) {
    if (n > best || (n === best && x < margin)) {
      best = n;
      margin = x;
    }
  }
  return margin;
}

/**
 * A line's text and tokens, and the x extent of the piece each token comes from. Items that touch
 * (no visible gap) are one piece of text: a PDF may split a word into several items (a font change
 * inside "申请人无正当理由"), and a lone "无" would read as a cell. Letter-spaced characters are one
 * piece too (pdf-spacing.ts). A visible gap separates cells and is kept as a space.
 */
function clusterText(
  c: Cluster,
  index: number,
  ctx: SpacingContext,
): { text: string; tokens: Token[]; spans: { x0: number; x1: number }[] } {
  let text = "";
  const tokens: Token[] = [];
  const spans: { x0: number; x1: number }[] = [];
  let prevEnd: number | undefined;
  let piece = "";
  let pieceX0 = 0;
  let pieceX1 = 0;
  const flush = () => {
    const from = tokens.length;
    if (piece) tokenize(piece, index, { x0: pieceX0, x1: pieceX1 }, tokens);
    for (let k = from; k < tokens.length; k++) spans.push({ x0: pieceX0, x1: pieceX1 });
    piece = "";
  };
  const cellGap = lineCellGap(c.items) ?? ctx.pageCellGap;
  const joined = letterRuns(c.items, cellGap);
  c.items.forEach((it, k) => {
    const str = unspacedItem(it, ctx, cellGap);
    const gap = prevEnd === undefined ? 0 : it.x - prevEnd;
    const separate = prevEnd !== undefined && gap > TOUCH * it.size && !joined[k];
    if (separate && !text.endsWith(" ") && !str.startsWith(" ")) text += " ";
    text += str;
    if (separate) flush();
    if (!piece) pieceX0 = it.x;
    piece += str;
    pieceX1 = it.x + it.width;
    prevEnd = it.x + it.width;
  });
  flush();
  return { text, tokens, spans };
}

/** Page numbers in the top or bottom margin ("- 1 -", "第 1 页"). */
function isFurniture(c: Cluster, page: PdfPage): boolean {
  const text = c.items.map((i) => i.str).join("");
  if (isPageFurniture(text)) return true;
  const inMargin = c.y < 0.09 * page.height || c.y > 0.93 * page.height;
  if (!inMargin) return false;
  const t = text.trim();
  return t.length <= 4 && /^\d+$/.test(t);
}

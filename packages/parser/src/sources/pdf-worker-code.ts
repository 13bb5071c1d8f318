/**
 * pdf.js's worker code as the Node reader runs it (on the reading thread): pdf.js's own minified
 * build with one call changed, so that an embedded TrueType font program is not read when the
 * PDF maps the font's codes to text itself. Text extraction needs a font's codes, widths and
 * text mapping, which the PDF's font dictionaries give; the font program is for drawing glyphs.
 * Rebuilding it is most of what a reading of a typical Chinese PDF allocates
 * (docs/decisions/pdf-font-programs.md). Where the change cannot be made (another pdf.js build),
 * the build is loaded as it is: every PDF then reads the same, only slower.
 */

/**
 * pdf.js's worker module. A variable specifier keeps bundlers from putting it into a browser chunk:
 * browsers run it in a Web Worker of its own (the web form sets `workerSrc`), unchanged. The
 * minified build (the same code): every parse worker process loads it, and a smaller source is
 * less to decode and compile (docs/decisions/parse-workers.md).
 */
export const PDFJS_WORKER_MODULE = "pdfjs-dist/legacy/build/pdf.worker.min.mjs";

/**
 * The one call where pdf.js makes a font from its dictionary and program:
 * `return new Font(fontName.name, fontFile, newProperties, this.options)` (names minified).
 * Identifiers then literal text: each character is tried once per position, no backtracking.
 */
const FONT_CALL = /return new Font\(([\w$]+)\.name,([\w$]+),([\w$]+),this\.options\)/g;

/**
 * When a font program is left out: a TrueType font (simple or CID) drawn horizontally, not one of
 * pdf.js's own standard fonts, whose dictionary has a ToUnicode map of its own (not the identity).
 * For such a font pdf.js takes text and widths from the dictionaries whether or not it reads the
 * program; vertical fonts are left alone (without a program pdf.js gives their punctuation
 * vertical forms), as are Type 1 and CFF fonts (their programs can change the widths' scale).
 */
const FONT_PROGRAM_FILTER = `
function govReportFontProgram(file, p) {
  const trueType = p.type === "TrueType" || p.type === "CIDFontType2";
  const ownText = p.hasIncludedToUnicodeMap === true && !(p.toUnicode instanceof IdentityToUnicodeMap);
  return file && trueType && ownText && !p.vertical && !p.isInternalFont ? null : file;
}
`;

/**
 * The worker source with font programs left out as above, or `undefined` when the source is not
 * the build this was written for (the call is not there exactly once, or the class it tests is
 * missing).
 */
export function withoutFontPrograms(source: string): string | undefined {
  const calls = source.match(FONT_CALL);
  if (calls?.length !== 1 || !source.includes("class IdentityToUnicodeMap")) return undefined;
  const changed = source.replace(
    FONT_CALL,
    (_all, name: string, file: string, props: string) =>
      `return new Font(${name}.name,govReportFontProgram(${file},${props}),${props},this.options)`,
  );
  return `${changed}\n${FONT_PROGRAM_FILTER}`;
}

// Node's modules by variable specifiers: the browser bundle of the web form never loads them.
const NODE_MODULE = "node:module";
const NODE_FS = "node:fs/promises";

/** The changed worker source, or `undefined` when pdf.js's file cannot be found or changed. */
async function changedWorkerSource(): Promise<string | undefined> {
  try {
    const { createRequire } = (await import(/* @vite-ignore */ NODE_MODULE)) as typeof import("node:module");
    const { readFile } = (await import(/* @vite-ignore */ NODE_FS)) as typeof import("node:fs/promises");
    const path = createRequire(import.meta.url).resolve(PDFJS_WORKER_MODULE);
    return withoutFontPrograms(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * `GOV_REPORT_PDF_FONT_PROGRAMS=all` loads pdf.js's build as it is (every font program read): for
 * telling whether a PDF that reads wrongly would read otherwise with them.
 */
function readsEveryFontProgram(): boolean {
  return typeof process === "object" && process.env?.GOV_REPORT_PDF_FONT_PROGRAMS === "all";
}

export interface WorkerCode {
  /** The worker module (what pdf.js looks for on `globalThis.pdfjsWorker`). */
  module: unknown;
  /** Whether font programs are left out (false: pdf.js's build as it is). */
  changed: boolean;
}

/**
 * pdf.js's worker module for a reader without Web Workers (Node): the changed source as a
 * `data:` module (it imports nothing), else the build as it is.
 */
export async function loadWorkerCode(): Promise<WorkerCode> {
  const source = readsEveryFontProgram() ? undefined : await changedWorkerSource();
  if (source !== undefined) {
    try {
      const url = `data:text/javascript;base64,${Buffer.from(source, "utf8").toString("base64")}`;
      return { module: await import(/* @vite-ignore */ url), changed: true };
    } catch {
      // a loader that does not take data: modules
    }
  }
  return { module: await import(/* @vite-ignore */ PDFJS_WORKER_MODULE), changed: false };
}

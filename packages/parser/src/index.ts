/**
 * @gov-report/parser — reads a published 政府信息公开工作年度报告 (PDF, Word .docx, HTML page,
 * extracted or scraped text) back into the canonical report of @gov-report/core, with diagnostics saying what
 * was inferred and where, and a confidence.
 */
import { createEmptyReport, type Report, safeDescribe } from "@gov-report/core/lite";
import { CellBook } from "./cells/book.js";
import { Diagnostics } from "./diagnostics.js";
import type { SourceDoc } from "./doc.js";
import { collapseDiagnostics } from "./limits.js";
import { readReport } from "./read.js";
import { DocxReadError, docxSource } from "./sources/docx.js";
import { htmlSource } from "./sources/html.js";
import { PdfReadError, pdfSource, readPdfContent } from "./sources/pdf.js";
import { textSource } from "./sources/text.js";
import type { ParseInput, ParseOptions, ParseResult } from "./types.js";

export { UNREAD_TABLE_CAP } from "./confidence.js";
export { DIAGNOSTIC_CODES, DIAGNOSTICS, type DiagnosticCode } from "./diagnostics.js";
export { splitRuns } from "./digits.js";
export { labelKey, normalizeChars } from "./normalize.js";
export type { Diagnostic, ParseInput, ParseOptions, ParseResult, Severity, SourceRef } from "./types.js";

/** Pages with fewer characters than this on average count as having no text layer. */
const MIN_CHARS_PER_PAGE = 20;

/**
 * Parses a report. Never throws and never rejects, whatever it is given (a Proxy, a throwing
 * getter, a hostile `toString`): problems come back as diagnostics.
 */
export async function parseReport(input: ParseInput, options: ParseOptions = {}): Promise<ParseResult> {
  try {
    if (typeof input !== "object" || input === null) return unsupported(options);
    if ("pdf" in input) return await parsePdf(input.pdf, options);
    if ("docx" in input) return parseDocx(input.docx, options);
    if ("html" in input && typeof input.html === "string") return parseHtml(input.html, options);
    if ("text" in input && typeof input.text === "string") return parseText(input.text, options);
    return unsupported(options);
  } catch (e) {
    return failed(options, e);
  }
}

/** Text-only entry points (synchronous: only PDF needs pdf.js's async API). Never throw. */
export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  return guarded(options, () => readSource(textSource(text), options));
}

export function parseHtml(html: string, options: ParseOptions = {}): ParseResult {
  return guarded(options, () => readSource(htmlSource(html), options));
}

async function parsePdf(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  const diags = new Diagnostics();
  let content: Awaited<ReturnType<typeof readPdfContent>>;
  try {
    content = await readPdfContent(bytes);
  } catch (e) {
    const encrypted = e instanceof PdfReadError && e.reason === "encrypted";
    diags.emit("input.unreadable", encrypted ? { reason: "encrypted" } : { reason: "pdf", detail: safeDescribe(e) });
    return emptyResult(options, diags);
  }
  let chars = 0;
  for (const p of content.pages) for (const it of p.items) chars += it.str.trim().length;
  if (content.pages.length > 0 && chars < MIN_CHARS_PER_PAGE * content.pages.length) {
    diags.emit("input.no-text-layer", { pages: content.pages.length });
    return emptyResult(options, diags);
  }
  return readSource(pdfSource(content), options, diags);
}

/** Word .docx (synchronous: a zip and an XML file). Never throws. */
export function parseDocx(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  return guarded(options, () => {
    let source: ReturnType<typeof docxSource>;
    try {
      source = docxSource(bytes);
    } catch (e) {
      if (!(e instanceof DocxReadError)) throw e;
      const diags = new Diagnostics();
      diags.emit(
        "input.unreadable",
        e.reason === "legacy-doc"
          ? { reason: "legacy-doc" }
          : { reason: "docx", detail: e.message, docx: e.reason === "no-document" ? "no-document" : "not-zip" },
      );
      return emptyResult(options, diags);
    }
    return readSource(source, options);
  });
}

/** A source over a reader limit is refused whole (naming the limit); diagnostics of one kind collapse. */
function readSource(source: SourceDoc, options: ParseOptions, diags = new Diagnostics()): ParseResult {
  if (source.refused) {
    const { message, messageEn } = source.refused;
    diags.emit("input.too-large", { message: { zh: message, en: messageEn } });
    return emptyResult(options, diags);
  }
  const result = readReport(source, options, diags);
  return { ...result, diagnostics: collapseDiagnostics(result.diagnostics) };
}

function guarded(options: ParseOptions, read: () => ParseResult): ParseResult {
  try {
    return read();
  } catch (e) {
    return failed(options, e);
  }
}

function unsupported(options: ParseOptions): ParseResult {
  const diags = new Diagnostics();
  diags.emit("input.unreadable", { reason: "input" });
  return emptyResult(options, diags);
}

/** Whatever went wrong inside a reader: an unreadable input, described without trusting the error. */
function failed(options: ParseOptions, e: unknown): ParseResult {
  const diags = new Diagnostics();
  diags.emit("input.unreadable", { reason: "internal", detail: safeDescribe(e) });
  try {
    return emptyResult(options, diags);
  } catch {
    return emptyResult({}, diags);
  }
}

/** Nothing could be read: an empty report, every cell unread, confidence 0. */
function emptyResult(options: ParseOptions, diags: Diagnostics): ParseResult {
  const year = options.year ?? new Date().getFullYear() - 1;
  const report = createEmptyReport({ year, ...(options.edition ? { edition: options.edition } : {}) });
  const cells = new CellBook(report.edition);
  report.provenance = cells.writeInto(report as unknown as Record<string, unknown>);
  return { report: report as Report, diagnostics: diags.list, confidence: 0 };
}

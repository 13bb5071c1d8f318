/**
 * @gov-report/parser — reads a published 政府信息公开工作年度报告 (PDF, Word .docx, HTML page,
 * extracted or scraped text) back into the canonical report of @gov-report/core, with diagnostics saying what
 * was inferred and where, and a confidence.
 */
import { createEmptyReport, type Report } from "@gov-report/core/lite";
import { Diagnostics } from "./diagnostics.js";
import { confidenceOf, readReport } from "./read.js";
import { DocxReadError, docxSource } from "./sources/docx.js";
import { htmlSource } from "./sources/html.js";
import { PdfReadError, pdfSource, readPdfContent } from "./sources/pdf.js";
import { textSource } from "./sources/text.js";
import type { ParseInput, ParseOptions, ParseResult } from "./types.js";

export { DIAGNOSTIC_CODES, type DiagnosticCode } from "./diagnostics.js";
export { splitRuns } from "./digits.js";
export { labelKey, normalizeChars } from "./normalize.js";
export type { Diagnostic, ParseInput, ParseOptions, ParseResult, Severity, SourceRef } from "./types.js";

/** Pages with fewer characters than this on average count as having no text layer. */
const MIN_CHARS_PER_PAGE = 20;

/** Parses a report. Never throws on bad input: problems come back as diagnostics. */
export async function parseReport(input: ParseInput, options: ParseOptions = {}): Promise<ParseResult> {
  if ("pdf" in input) return parsePdf(input.pdf, options);
  if ("docx" in input) return parseDocx(input.docx, options);
  if ("html" in input) return readReport(htmlSource(String(input.html)), options);
  if ("text" in input) return readReport(textSource(String(input.text)), options);
  const diags = new Diagnostics();
  diags.add(
    "input.unreadable",
    "error",
    "不支持的输入类型",
    "Unsupported input: expected { pdf }, { docx }, { html } or { text }",
  );
  return emptyResult(options, diags);
}

/** Text-only entry points (synchronous: only PDF needs pdf.js's async API). */
export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  return readReport(textSource(text), options);
}

export function parseHtml(html: string, options: ParseOptions = {}): ParseResult {
  return readReport(htmlSource(html), options);
}

async function parsePdf(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  const diags = new Diagnostics();
  let content: Awaited<ReturnType<typeof readPdfContent>>;
  try {
    content = await readPdfContent(bytes);
  } catch (e) {
    const encrypted = e instanceof PdfReadError && e.reason === "encrypted";
    diags.add(
      "input.unreadable",
      "error",
      encrypted ? "PDF 文件已加密，无法读取" : `无法读取 PDF 文件（文件损坏或不完整）：${(e as Error).message}`,
      encrypted ? "The PDF is encrypted" : `Cannot read the PDF (damaged or truncated): ${(e as Error).message}`,
    );
    return emptyResult(options, diags);
  }
  let chars = 0;
  for (const p of content.pages) for (const it of p.items) chars += it.str.trim().length;
  if (content.pages.length > 0 && chars < MIN_CHARS_PER_PAGE * content.pages.length) {
    diags.add(
      "input.no-text-layer",
      "error",
      `PDF 共 ${content.pages.length} 页，但几乎没有文字层：可能是扫描件，需要先做文字识别（OCR）`,
      `The PDF has ${content.pages.length} page(s) but no text layer: a scanned document (run OCR first)`,
    );
    return emptyResult(options, diags);
  }
  return readReport(pdfSource(content), options, diags);
}

/** Word .docx (synchronous: a zip and an XML file). */
export function parseDocx(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  let source: ReturnType<typeof docxSource>;
  try {
    source = docxSource(bytes);
  } catch (e) {
    if (!(e instanceof DocxReadError)) throw e;
    const diags = new Diagnostics();
    if (e.reason === "legacy-doc")
      diags.add(
        "input.unreadable",
        "error",
        "这是旧版 Word（.doc）文件，无法直接读取：请在 Word 或 WPS 中另存为 .docx 或 PDF 后再读取",
        "A legacy Word 97–2003 (.doc) file cannot be read: save it as .docx or PDF first",
      );
    else
      diags.add(
        "input.unreadable",
        "error",
        `无法读取 Word 文件（文件损坏或不是 .docx）：${e.message}`,
        `Cannot read the Word file: ${e.message}`,
      );
    return emptyResult(options, diags);
  }
  return readReport(source, options);
}

function emptyResult(options: ParseOptions, diags: Diagnostics): ParseResult {
  const year = options.year ?? new Date().getFullYear() - 1;
  const report: Report = createEmptyReport({ year, ...(options.edition ? { edition: options.edition } : {}) });
  return { report, diagnostics: diags.list, confidence: confidenceOf(report, diags) };
}

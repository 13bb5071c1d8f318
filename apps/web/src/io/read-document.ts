/**
 * Reading a published report (PDF, Word, HTML page, text) with @gov-report/parser. This module is
 * only ever imported dynamically: it and everything it pulls in (the parser, htmlparser2, fflate,
 * pdf.js and its worker) form chunks that load the first time a non-JSON file is opened.
 */
import { type ParseInput, type ParseResult, parseReport } from "@gov-report/parser";
import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";

export type DocumentKind = "pdf" | "docx" | "html" | "text";

let workerSet: Promise<void> | undefined;

/**
 * pdf.js runs its parsing in a Web Worker in the browser; the parser imports pdf.js itself, so
 * the worker's URL is set on that same module instance before the first PDF is read.
 */
function configurePdfWorker(): Promise<void> {
  workerSet ??= import("pdfjs-dist/legacy/build/pdf.mjs").then((pdfjs) => {
    // Only where Web Workers exist: under Node (the unit tests) pdf.js runs its worker in-process.
    if (typeof Worker !== "undefined") pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  });
  return workerSet;
}

/** The report in a document's bytes; never rejects (the parser reports problems as diagnostics). */
export async function readDocument(kind: DocumentKind, bytes: Uint8Array): Promise<ParseResult> {
  let input: ParseInput;
  if (kind === "pdf") {
    await configurePdfWorker();
    input = { pdf: bytes };
  } else if (kind === "docx") input = { docx: bytes };
  else {
    const text = new TextDecoder("utf-8").decode(bytes);
    input = kind === "html" ? { html: text } : { text };
  }
  return parseReport(input);
}

/**
 * One document read into a report and validated: what a parse worker does for each file (and
 * the only place the CLI calls the parser). The result is plain data, so that it crosses from a
 * worker thread to the main thread by structured clone.
 */
import type { Report } from "@gov-report/core/lite";
import type { Diagnostic, ParseInput } from "@gov-report/parser";
import { type Checked, checkValue } from "./util/checked.js";
import { decodeText, type SourceKind } from "./util/detect.js";
import type { Lang } from "./util/i18n.js";

export type DocumentKind = Exclude<SourceKind, "json">;

export interface ParseJob {
  kind: DocumentKind;
  bytes: Uint8Array;
  lang: Lang;
  /** Last year's report, evidence for the reading (ParseOptions.previous). */
  previous?: unknown;
}

export interface ParsedDocument extends Partial<Checked> {
  report?: unknown;
  diagnostics: Diagnostic[];
  confidence: number;
  /** Set when the document cannot be read as a report at all (the parser's reason). */
  fatal?: string;
}

/** Diagnostics that mean the input could not be read as a report at all. */
const FATAL = new Set(["input.unreadable", "input.too-large", "input.no-text-layer", "input.not-a-report"]);

function inputOf(job: ParseJob): ParseInput {
  switch (job.kind) {
    case "pdf":
      return { pdf: job.bytes };
    case "docx":
    case "doc":
      // A legacy .doc goes to the Word reader too: it explains how to save the file as .docx.
      return { docx: job.bytes };
    case "html":
      return { html: decodeText(job.bytes) };
    case "text":
      return { text: decodeText(job.bytes) };
  }
}

// A variable specifier keeps the parser out of the start-up path of commands that never meet a document.
const PARSER_MODULE = "@gov-report/parser";

type Parser = typeof import("@gov-report/parser");
let parser: Promise<Parser> | undefined;

export const loadParser = (): Promise<Parser> => {
  parser ??= import(PARSER_MODULE) as Promise<Parser>;
  return parser;
};

export async function runParseJob(job: ParseJob): Promise<ParsedDocument> {
  const { parseReport } = await loadParser();
  const result = await parseReport(inputOf(job), job.previous ? { previous: job.previous as Report } : {});
  const fatal = result.diagnostics.find((d) => FATAL.has(d.code));
  if (fatal) {
    return {
      diagnostics: result.diagnostics,
      confidence: result.confidence,
      fatal: job.lang === "zh" ? fatal.message : fatal.messageEn,
    };
  }
  return {
    report: result.report,
    diagnostics: result.diagnostics,
    confidence: result.confidence,
    ...checkValue(result.report),
  };
}

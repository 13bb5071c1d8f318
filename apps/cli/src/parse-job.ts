/**
 * One document read into a report and validated: what a parse worker does for each file (and
 * the only place the CLI calls the parser). The result is plain data, so that it crosses from a
 * worker process to the main process (V8 serialization over the IPC channel).
 */
import type { Report } from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import { type DocumentKind, documentInput, fatalDiagnostic } from "@gov-report/parser/input";
import { type Checked, checkValue, needsReading } from "./util/checked.js";
import type { Lang } from "./util/i18n.js";

export type { DocumentKind };

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
  const result = await parseReport(
    documentInput(job.kind, job.bytes),
    job.previous ? { previous: job.previous as Report } : {},
  );
  const fatal = fatalDiagnostic(result.diagnostics);
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
    // The parser validated the report already (its confidence is scored from that validation).
    ...(result.validation
      ? { validation: result.validation, needsReading: needsReading(result.report) }
      : checkValue(result.report)),
  };
}

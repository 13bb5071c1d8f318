import type { Report, ValidationResult } from "@gov-report/core/lite";

/**
 * What a caller hands to `parseReport`: PDF bytes, Word (.docx) bytes, an HTML page, or text
 * (extracted or scraped).
 */
export type ParseInput = { pdf: Uint8Array } | { docx: Uint8Array } | { html: string } | { text: string };

export interface ParseOptions {
  /** Force an edition instead of detecting it from the labels of table 二. */
  edition?: "2019" | "2021";
  /** Force the report year instead of reading it from the title or 统计期限. */
  year?: number;
  /**
   * Last year's report of the same agency: evidence for cells the document alone cannot decide
   * (上年结转 = last year's 结转下年度; 2019 上一年项目数量; 2021 现行有效件数).
   */
  previous?: Report;
}

export type Severity = "info" | "warning" | "error";

/** Where in the source a diagnostic points. */
export interface SourceRef {
  /** 1-based page (PDF). */
  page?: number;
  /** 1-based line (text, HTML) or the line index on the page (PDF, top to bottom). */
  line?: number;
  /** Character offset in the text input. */
  offset?: number;
  /** The source text around the finding. */
  excerpt?: string;
}

/** What the parser inferred, and where: it never sets a figure without saying how it got it. */
export interface Diagnostic {
  /** Stable code, e.g. "cell.blank" (see DIAGNOSTIC_CODES). */
  code: string;
  severity: Severity;
  /** Chinese message (printed labels). */
  message: string;
  messageEn: string;
  /** Model path of the cell or field concerned. */
  path?: (string | number)[];
  source?: SourceRef;
  /** For ambiguous splits: the candidate readings. */
  candidates?: number[][];
}

export interface ParseResult {
  /**
   * The canonical report (core's model; keys exactly as report-model.md), with `provenance`:
   * for every value cell, printed / blank / inferred (`by`) / ambiguous (`candidates`) / unread.
   * Unread and ambiguous cells hold 0 only as a placeholder.
   */
  report: Report;
  diagnostics: Diagnostic[];
  /**
   * 0..1: the share of value cells printed (or blank) and consistent with every equation they
   * take part in; at most 0.5 when a whole table is unread; 0 when nothing could be read.
   */
  confidence: number;
  /**
   * Core's `validateReport` of `report`, as the parser ran it (the confidence is scored from it):
   * callers need not validate the report again. Absent when the input could not be read at all.
   */
  validation?: ValidationResult;
}

/**
 * What happens to one uploaded file, off the main thread: sniff its kind from the bytes (never
 * from the name alone), parse it, validate it, and reduce it to what the desk stores. Never
 * throws: a file that cannot be read comes back with the reason.
 */
import {
  cellsNeedingReading,
  isIsoDate,
  type ValidationIssue,
  type ValidationResult,
  validateReport,
} from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import { type DocumentKind, decodeText, detectInput, documentInput, fatalDiagnostic } from "@gov-report/parser/input";

export type FileKind = "json" | "pdf" | "docx" | "html" | "text" | "zip";

export interface Analysis {
  kind: FileKind;
  /** Set when the file is not a report the desk can keep. */
  error?: { zh: string; en: string };
  agency?: string;
  year?: number;
  edition?: string;
  /** The report as parsed (with `provenance` when a document was parsed). */
  reportJson?: string;
  diagnosticsJson?: string;
  issues?: ValidationIssue[];
  errors?: number;
  warnings?: number;
  unread?: number;
  signatureDate?: string | null;
}

/**
 * The kind of a file by its bytes (the parser's input module, shared with the CLI and the web form),
 * the name only as a hint; a legacy .doc goes to the Word reader, which says to save it as .docx.
 * Undefined for an image or another binary.
 */
export function sniffKind(bytes: Uint8Array, filename: string): FileKind | undefined {
  const kind = detectInput(bytes, filename);
  return kind === "doc" ? "docx" : kind;
}

interface ParsedDoc {
  report?: unknown;
  diagnostics?: Diagnostic[];
  validation?: ValidationResult;
}

async function parseDocument(kind: DocumentKind, bytes: Uint8Array): Promise<ParsedDoc> {
  const { parseReport } = await import("@gov-report/parser");
  return parseReport(documentInput(kind, bytes));
}

function fail(kind: FileKind, zh: string, en: string): Analysis {
  return { kind, error: { zh, en } };
}

export async function analyze(bytes: Uint8Array, filename: string): Promise<Analysis> {
  const kind = sniffKind(bytes, filename);
  if (kind === undefined)
    return fail(
      "text",
      "不是报告文件（支持 PDF、Word、网页、文本和 JSON）",
      "not a report file (PDF, Word, web page, text or JSON)",
    );
  if (kind === "zip") return fail(kind, "压缩包请整体导入", "a .zip is imported as a batch");
  let value: unknown;
  let diagnostics: Diagnostic[] = [];
  let validation: ValidationResult | undefined;
  try {
    if (kind === "json") value = JSON.parse(decodeText(bytes));
    else {
      const parsed = await parseDocument(kind, bytes);
      diagnostics = parsed.diagnostics ?? [];
      const fatal = fatalDiagnostic(diagnostics);
      if (fatal) return fail(kind, fatal.message, fatal.messageEn);
      value = parsed.report;
      validation = parsed.validation;
    }
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    return kind === "json"
      ? fail(kind, `不是有效的 JSON：${msg}`, `not valid JSON: ${msg}`)
      : fail(kind, `无法读取文件：${msg}`, `cannot read the file: ${msg}`);
  }
  return summarize(kind, value, diagnostics, validation);
}

/** What the desk keeps of a report; `validation` is the parser's own when a document was parsed. */
function summarize(kind: FileKind, value: unknown, diagnostics: Diagnostic[], validation?: ValidationResult): Analysis {
  const v = value as { agency?: { name?: unknown }; year?: unknown; edition?: unknown; signature?: { date?: unknown } };
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return fail(
      kind,
      "不是报告（应为含 edition、year、agency 等键的 JSON 对象）",
      "not a report (a JSON object with edition, year, agency…)",
    );
  const agency = typeof v.agency?.name === "string" ? v.agency.name.trim() : "";
  if (typeof v.year !== "number" || !Number.isInteger(v.year))
    return fail(kind, "读不出报告年度", "the report year cannot be read");
  if (!agency) return fail(kind, "读不出报告机关名称", "the agency name cannot be read");
  const issues = (validation ?? validateReport(value)).issues;
  const date = v.signature?.date;
  return {
    kind,
    agency,
    year: v.year,
    edition: typeof v.edition === "string" ? v.edition : "",
    reportJson: JSON.stringify(value),
    diagnosticsJson: JSON.stringify(diagnostics ?? []),
    issues,
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
    unread: cellsNeedingReading(value).length,
    signatureDate: isIsoDate(date) ? date : null,
  };
}

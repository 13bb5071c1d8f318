/**
 * Report files in and out: what kind a picked or dropped file is (by its bytes, the extension only
 * as a hint), JSON read here, every other kind handed to the parser, which is loaded only then.
 */
import { type ValidationIssue, validateReport } from "@gov-report/core/lite";
import type { Diagnostic, ParseResult } from "@gov-report/parser";
import { decodeText, detectInput, fatalDiagnostic } from "@gov-report/parser/input";
import type { DraftReport } from "../model/draft.js";
import type { DocumentKind } from "./read-document.js";

export type FileKind = "json" | DocumentKind | "doc";

/** A file as the form gets it from the picker or a drop. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export type OpenResult =
  | { ok: true; report: DraftReport; kind: FileKind; diagnostics: Diagnostic[] }
  | { ok: false; reason: "json"; detail: string }
  | { ok: false; reason: "structure"; issues: ValidationIssue[] }
  | { ok: false; reason: "unreadable"; detail: string; detailEn: string };

/** A report file's text checked: JSON, then the report's structure (勾稽 errors are allowed: they are what a reviewer looks for). */
export function parseReportFile(text: string): OpenResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, reason: "json", detail: e instanceof Error ? e.message : String(e) };
  }
  const result = validateReport(data);
  if (!result.report)
    return { ok: false, reason: "structure", issues: result.issues.filter((i) => i.severity === "error") };
  return { ok: true, report: result.report as unknown as DraftReport, kind: "json", diagnostics: [] };
}

export type ReadDocument = (kind: DocumentKind, bytes: Uint8Array) => Promise<ParseResult>;

/** The parser's chunk, fetched on the first non-JSON file. */
export const lazyReadDocument: ReadDocument = async (kind, bytes) =>
  (await import("./read-document.js")).readDocument(kind, bytes);

function notAReport(kind: "zip" | undefined): OpenResult {
  if (kind === "zip")
    return {
      ok: false,
      reason: "unreadable",
      detail: "这是 zip 压缩包，不是报告文件：请先解压，再打开其中的报告",
      detailEn: "A zip archive, not a report: unpack it and open the report inside",
    };
  return {
    ok: false,
    reason: "unreadable",
    detail: "不是报告文件（支持 PDF、Word、网页、文本和 JSON）",
    detailEn: "Not a report file (PDF, Word, web page, text or JSON)",
  };
}

/** The report in any file the form reads; never rejects. */
export async function readReportFile(file: PickedFile, read: ReadDocument = lazyReadDocument): Promise<OpenResult> {
  // By its bytes (the parser's input module, as in the CLI and the desk), the name only as a hint.
  const kind = detectInput(file.bytes, file.name);
  if (kind === undefined || kind === "zip") return notAReport(kind);
  if (kind === "json") return parseReportFile(decodeText(file.bytes));
  let parsed: ParseResult;
  try {
    // The parser reads .doc files far enough to explain that they must be saved as .docx.
    parsed = await read(kind === "doc" ? "docx" : kind, file.bytes);
  } catch (e) {
    const detail = e instanceof Error ? e.message : "?";
    return { ok: false, reason: "unreadable", detail, detailEn: detail };
  }
  const fatal = fatalDiagnostic(parsed.diagnostics);
  if (fatal) return { ok: false, reason: "unreadable", detail: fatal.message, detailEn: fatal.messageEn };
  // The parser validated the report already; an older parser result without it is validated here.
  const checked = parsed.validation ?? validateReport(parsed.report);
  if (!checked.report)
    return { ok: false, reason: "structure", issues: checked.issues.filter((i) => i.severity === "error") };
  return { ok: true, report: parsed.report as unknown as DraftReport, kind, diagnostics: parsed.diagnostics };
}

/** The file name a report is saved under: agency, year, edition. */
export function reportFileName(report: DraftReport, ext = "json"): string {
  const name = (report.agency as { name?: unknown } | undefined)?.name;
  const agency = typeof name === "string" && name.trim() ? name.trim().replace(/[\\/:*?"<>|\s]+/g, "_") : "report";
  const year = typeof report.year === "number" ? report.year : "draft";
  return `${agency}-${year}.${ext}`;
}

export function reportJson(report: DraftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

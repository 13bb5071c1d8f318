/**
 * Report files in and out: what kind a picked or dropped file is (by its bytes, the extension only
 * as a hint), JSON read here, every other kind handed to the parser, which is loaded only then.
 */
import { type ValidationIssue, validateReport } from "@gov-report/core/lite";
import type { Diagnostic, ParseResult } from "@gov-report/parser";
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

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** The kind of a file: magic bytes first (PDF, zip, OLE2), then the first character of its text. */
export function sniffKind(file: PickedFile): FileKind {
  const b = file.bytes;
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return "docx";
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return "doc";
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  const head = new TextDecoder()
    .decode(b.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{")) return "json";
  if (head.startsWith("<") || ext === "html" || ext === "htm") return "html";
  if (ext === "json") return "json";
  return "text";
}

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

const FATAL = new Set(["input.unreadable", "input.no-text-layer", "input.not-a-report"]);

/** The report in any file the form reads; never rejects. */
export async function readReportFile(file: PickedFile, read: ReadDocument = lazyReadDocument): Promise<OpenResult> {
  const kind = sniffKind(file);
  if (kind === "json") return parseReportFile(new TextDecoder().decode(file.bytes));
  let parsed: ParseResult;
  try {
    // The parser reads .doc files far enough to explain that they must be saved as .docx.
    parsed = await read(kind === "doc" ? "docx" : kind, file.bytes);
  } catch (e) {
    const detail = e instanceof Error ? e.message : "?";
    return { ok: false, reason: "unreadable", detail, detailEn: detail };
  }
  const fatal = parsed.diagnostics.find((d) => FATAL.has(d.code) && d.severity === "error");
  if (fatal) return { ok: false, reason: "unreadable", detail: fatal.message, detailEn: fatal.messageEn };
  const checked = validateReport(parsed.report);
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

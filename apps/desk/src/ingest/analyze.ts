/**
 * What happens to one uploaded file, off the main thread: sniff its kind from the bytes (never
 * from the name alone), parse it, validate it, and reduce it to what the desk stores. Never
 * throws: a file that cannot be read comes back with the reason.
 */
import { cellsNeedingReading, isIsoDate, type ValidationIssue, validateReport } from "@gov-report/core/lite";

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

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The kind of a file, from its first bytes and, for text, its extension and content. */
export function sniffKind(bytes: Uint8Array, filename: string): FileKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf"; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return /\.docx$/i.test(filename) ? "docx" : "zip";
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{")) return "json";
  if (/\.html?$/i.test(filename) || /^<(!doctype|html|head|body|meta|div|table|p)\b/i.test(head)) return "html";
  return "text";
}

/** Diagnostics that mean the file could not be read as a report at all. */
const FATAL = new Set(["input.unreadable", "input.no-text-layer", "input.not-a-report"]);

interface ParsedDoc {
  report?: unknown;
  diagnostics?: { code: string; severity: string; message: string; messageEn: string }[];
}

const decodeText = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");

async function parseDocument(kind: FileKind, bytes: Uint8Array): Promise<ParsedDoc> {
  const { parseReport } = await import("@gov-report/parser");
  if (kind === "pdf") return parseReport({ pdf: bytes });
  if (kind === "docx") return parseReport({ docx: bytes });
  if (kind === "html") return parseReport({ html: decodeText(bytes) });
  return parseReport({ text: decodeText(bytes) });
}

function fail(kind: FileKind, zh: string, en: string): Analysis {
  return { kind, error: { zh, en } };
}

export async function analyze(bytes: Uint8Array, filename: string): Promise<Analysis> {
  const kind = sniffKind(bytes, filename);
  if (kind === "zip") return fail(kind, "压缩包请整体导入", "a .zip is imported as a batch");
  let value: unknown;
  let diagnostics: ParsedDoc["diagnostics"] = [];
  try {
    if (kind === "json") value = JSON.parse(decodeText(bytes));
    else {
      const parsed = await parseDocument(kind, bytes);
      diagnostics = parsed.diagnostics ?? [];
      const fatal = diagnostics.find((d) => FATAL.has(d.code));
      if (fatal) return fail(kind, fatal.message, fatal.messageEn);
      value = parsed.report;
    }
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    return kind === "json"
      ? fail(kind, `不是有效的 JSON：${msg}`, `not valid JSON: ${msg}`)
      : fail(kind, `无法读取文件：${msg}`, `cannot read the file: ${msg}`);
  }
  return summarize(kind, value, diagnostics);
}

function summarize(kind: FileKind, value: unknown, diagnostics: ParsedDoc["diagnostics"]): Analysis {
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
  const result = validateReport(value);
  const issues = result.issues;
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

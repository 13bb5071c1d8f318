/**
 * Reading one file of a batch as a report value: JSON directly, PDF / HTML / text through
 * @gov-report/parser, which is imported only when such a file is met (it is heavy, and the CLI
 * works without it for JSON). Failures are returned as a reason, never thrown.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";
import { SECTIONS } from "@gov-report/core/lite";
import { CliError } from "./errors.js";
import { parseJsonText, readInputBytes } from "./io.js";

export type SourceKind = "json" | "pdf" | "docx" | "html" | "text";

export interface LoadedReport {
  source: SourceKind;
  /** The report value (JSON as read, or what the parser made of the document). */
  value?: unknown;
  /** Why the file could not be read as a report. */
  error?: string;
  /** From the parser: how many diagnostics it gave, and its confidence (0..1). */
  diagnostics?: number;
  confidence?: number;
}

export function sourceKind(file: string): SourceKind {
  const ext = extname(file).toLowerCase();
  if (ext === ".pdf") return "pdf";
  if (ext === ".docx" || ext === ".doc") return "docx";
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".txt") return "text";
  return "json";
}

const REPORT_KEYS = new Set(["edition", "year", "agency", ...SECTIONS.map((s) => s.key)]);

/**
 * True when a JSON value looks like it means to be a report (an object with at least one of the
 * report's top-level keys). Anything else (a package.json, an array) is not a report at all, as
 * opposed to a report with faults, which validation describes.
 */
export function looksLikeReport(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const k of Object.keys(value)) if (REPORT_KEYS.has(k)) return true;
  return false;
}

const NOT_A_REPORT = "not a report (expected a JSON object with edition, year, agency and the six sections)";

export async function loadReport(file: string): Promise<LoadedReport> {
  const source = sourceKind(file);
  if (source === "json") {
    try {
      const value = parseJsonText(readText(file), file);
      return looksLikeReport(value) ? { source, value } : { source, error: `${file}: ${NOT_A_REPORT}` };
    } catch (e) {
      if (e instanceof CliError) return { source, error: e.message };
      throw e;
    }
  }
  return parseDocument(file, source);
}

/**
 * Reads a file as UTF-8 text through one reused buffer: in a batch of thousands of small files
 * this avoids a stat and a fresh buffer per file (readFileSync's), which cost as much as parsing.
 */
let shared = Buffer.allocUnsafe(1 << 16);
function readText(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return readInputBytes(file).toString("utf8"); // for io.ts's error message
  }
  let n = 0;
  try {
    for (;;) {
      if (n === shared.length) {
        const bigger = Buffer.allocUnsafe(shared.length * 2);
        shared.copy(bigger, 0, 0, n);
        shared = bigger;
      }
      const got = readSync(fd, shared, n, shared.length - n, null);
      if (got === 0) break;
      n += got;
    }
  } catch (e) {
    throw new CliError(
      `${file}: cannot read: ${(e as NodeJS.ErrnoException).code === "EISDIR" ? "is a directory" : (e as Error).message}`,
    );
  } finally {
    closeSync(fd);
  }
  const start = n >= 3 && shared[0] === 0xef && shared[1] === 0xbb && shared[2] === 0xbf ? 3 : 0;
  return shared.toString("utf8", start, n);
}

// ---------------------------------------------------------------------------------------------
// The parser, loaded once on first use.
// ---------------------------------------------------------------------------------------------

type ParseInput = { pdf: Uint8Array } | { docx: Uint8Array } | { html: string } | { text: string };
interface ParseResult {
  report?: unknown;
  diagnostics?: unknown[];
  confidence?: number;
}
type ParseReport = (input: ParseInput) => ParseResult | Promise<ParseResult>;

/** Diagnostics that mean the file could not be read as a report at all. */
const FATAL = new Set(["input.unreadable", "input.no-text-layer", "input.not-a-report"]);
function isFatal(d: unknown): d is { code: string; messageEn: string } {
  if (typeof d !== "object" || d === null) return false;
  const { code, messageEn } = d as { code?: unknown; messageEn?: unknown };
  return typeof code === "string" && FATAL.has(code) && typeof messageEn === "string";
}

// A variable specifier: the parser is optional at build time and stays out of the start-up path.
const PARSER_MODULE = "@gov-report/parser";
let parser: Promise<ParseReport | string> | undefined;

function loadParser(): Promise<ParseReport | string> {
  parser ??= import(PARSER_MODULE).then(
    (m: { parseReport?: unknown }) =>
      typeof m.parseReport === "function"
        ? (m.parseReport as ParseReport)
        : `${PARSER_MODULE} does not export parseReport`,
    (e: NodeJS.ErrnoException) =>
      e.code === "ERR_MODULE_NOT_FOUND"
        ? `${PARSER_MODULE} is not installed or not built yet`
        : `${PARSER_MODULE} cannot be loaded (${e.message.split("\n")[0]})`,
  );
  return parser;
}

async function parseDocument(file: string, source: Exclude<SourceKind, "json">): Promise<LoadedReport> {
  let bytes: Buffer;
  try {
    bytes = readInputBytes(file);
  } catch (e) {
    if (e instanceof CliError) return { source, error: e.message };
    throw e;
  }
  const parse = await loadParser();
  if (typeof parse === "string") return { source, error: `${file}: cannot read ${source.toUpperCase()}: ${parse}` };
  const text = () => {
    const t = bytes.toString("utf8");
    return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
  };
  const input: ParseInput =
    source === "pdf"
      ? { pdf: new Uint8Array(bytes) }
      : source === "docx"
        ? { docx: new Uint8Array(bytes) }
        : source === "html"
          ? { html: text() }
          : { text: text() };
  try {
    const result = await parse(input);
    if (!result || result.report === undefined) return { source, error: `${file}: the parser found no report` };
    const fatal = (result.diagnostics ?? []).find(isFatal);
    if (fatal) return { source, error: `${file}: ${fatal.messageEn}` };
    return {
      source,
      value: result.report,
      ...(Array.isArray(result.diagnostics) ? { diagnostics: result.diagnostics.length } : {}),
      ...(typeof result.confidence === "number" ? { confidence: result.confidence } : {}),
    };
  } catch (e) {
    return { source, error: `${file}: cannot parse: ${(e as Error)?.message ?? String(e)}` };
  }
}

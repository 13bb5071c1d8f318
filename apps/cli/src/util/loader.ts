/**
 * The one loader: every command reads its inputs here. A file, a folder (walk.ts) or `-` (standard
 * input); JSON, PDF, Word (.docx, legacy .doc), HTML or text recognised by content (detect.ts).
 * JSON is read and validated on the main thread; documents are parsed and validated in the worker
 * pool (pool.ts), several at once, and come back in input order. Each input is validated once,
 * and a parsed report keeps its `provenance`, so unread cells are errors in every command.
 * Failures are returned as a reason naming the file, never thrown.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type Report, SECTIONS, type ValidationResult } from "@gov-report/core/lite";
import type { Diagnostic } from "@gov-report/parser";
import type { DocumentKind, ParsedDocument } from "../parse-job.js";
import { ParsePool } from "../pool.js";
import { type CellToRead, type Checked, checkValue, needsReading } from "./checked.js";
import { onCleanup } from "./cleanup.js";
import { detectInput, EXTENSION_LIST, kindOfName, type SourceKind } from "./detect.js";
import { imageMessage, isImage, notReportReason, zipMessage } from "./formats.js";
import { lang, t } from "./i18n.js";
import { displayName, reasonOf } from "./io.js";
import { jsonText, looksLikeUtf16Json, parseJsonText } from "./json.js";
import type { InputEntry } from "./walk.js";

export type { SourceKind };

export interface Loaded {
  file: string;
  kind?: SourceKind;
  /** The report value: JSON as read, or what the parser made of the document. */
  value?: unknown;
  /** Why the input cannot be read as a report (names the file and says what to do). */
  error?: string;
  /** For a document: the parser's diagnostics and confidence. */
  document?: { diagnostics: Diagnostic[]; confidence: number };
  /** The input validated (once); absent with `error`. */
  validation?: ValidationResult;
  /** Cells its provenance marks as unread or ambiguous. */
  needsReading: CellToRead[];
}

export interface LoadOptions {
  /** Parse workers (default: the number of cores). */
  jobs?: number;
  /**
   * Validate JSON inputs (default true). `aggregate` turns it off: its sum validates each report
   * it takes, and the reports of other years it leaves out need no validation at all.
   */
  validateJson?: boolean;
  /** Last year's report of the same agency: evidence the parser reads documents against (rules 7–9). */
  previous?: unknown;
}

export const defaultJobs = () => availableParallelism();

const REPORT_KEYS = new Set(["edition", "year", "agency", ...SECTIONS.map((s) => s.key)]);

/** True when a JSON value means to be a report (an object with one of the report's top-level keys). */
export function looksLikeReport(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const k of Object.keys(value)) if (REPORT_KEYS.has(k)) return true;
  return false;
}

/** The report of a loaded input when it is structurally complete (possibly with rule errors). */
export const reportOf = (l: Loaded): Report | undefined => l.validation?.report;

// ---------------------------------------------------------------------------------------------
// Reading bytes
// ---------------------------------------------------------------------------------------------

/**
 * Reads a file through one reused buffer: in a batch of thousands of small files this avoids a
 * stat and a fresh buffer per file (readFileSync's), which cost as much as parsing the JSON. The
 * view is valid until the next read.
 */
let shared = Buffer.allocUnsafe(1 << 16);
function readShared(file: string): Buffer {
  if (file === "-") return readFileSync(0);
  const fd = openSync(file, "r");
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
  } finally {
    closeSync(fd);
  }
  return shared.subarray(0, n);
}

const failure = (file: string, why: string, kind?: SourceKind): Loaded => ({
  file,
  ...(kind ? { kind } : {}),
  error: `${displayName(file)}: ${why}`,
  needsReading: [],
});

function loadJson(file: string, bytes: Buffer, validate: boolean): Loaded {
  const decoded = jsonText(bytes);
  if ("error" in decoded) return failure(file, decoded.error, "json");
  const parsed = parseJsonText(decoded.text);
  if (!parsed.ok) return failure(file, parsed.error, "json");
  const value = parsed.value;
  if (!validate) {
    if (looksLikeReport(value)) return { file, kind: "json", value, needsReading: needsReading(value) };
  }
  const checked = validate ? checkValue(value) : undefined;
  if (!checked?.validation.report && !looksLikeReport(value)) {
    return failure(
      file,
      t(
        "不是一份年度报告（应为含 edition、year、agency 和六个部分的 JSON 对象）",
        "not a report (expected a JSON object with edition, year, agency and the six sections)",
      ),
      "json",
    );
  }
  return { file, kind: "json", value, ...(checked as Checked) };
}

/** True for a file with nothing in it but white space (or a byte-order mark): nothing to read. */
function isBlank(bytes: Uint8Array): boolean {
  if (bytes.length > 4096) return false;
  for (const b of bytes)
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  return true;
}

/** Why an empty file (or empty standard input) is not read, and what to do. */
function emptyMessage(file: string, size: number): string {
  if (file === "-")
    return t(
      "没有内容；请用管道或重定向给出一份报告（如 gov-report validate - < report.json）",
      "nothing came in: give a report through a pipe or a redirection (such as gov-report validate - < report.json)",
    );
  return size === 0
    ? t(
        "文件是空的（0 字节），可能未下载或保存完整；请重新下载该报告，或将其移出文件夹",
        "the file is empty (0 bytes), perhaps not fully downloaded or saved: download the report again, or move the file out of the folder",
      )
    : t(
        "文件只有空白，没有内容；请重新下载该报告，或将其移出文件夹",
        "the file holds only white space: download the report again, or move the file out of the folder",
      );
}

const BINARY_NAMES: Partial<Record<SourceKind, string>> = { pdf: "PDF", docx: "Word (.docx)", doc: "Word (.doc)" };

/** What the main thread does with one input: a result now (JSON, failure) or a document to parse. */
function prepare(
  entry: InputEntry,
  validate: boolean,
): Loaded | { file: string; kind: DocumentKind; bytes: Uint8Array } {
  const { file } = entry;
  if (entry.problem !== undefined) return failure(file, entry.problem);
  let bytes: Buffer;
  try {
    bytes = readShared(file);
  } catch (e) {
    return failure(file, `${t("无法读取", "cannot read")}: ${reasonOf(e)}`);
  }
  if (isBlank(bytes)) return failure(file, emptyMessage(file, bytes.length));
  const kind = detectInput(bytes, file);
  // A file named as an image, a web archive, a WPS or OFD document: read only if it is in fact a PDF or .docx.
  const notReport = notReportReason(file);
  if (notReport !== undefined && kind !== "pdf" && kind !== "docx") return failure(file, notReport);
  if (kind !== "pdf" && kind !== "docx" && isImage(bytes)) return failure(file, imageMessage());
  if (kind === undefined && looksLikeUtf16Json(bytes))
    return failure(
      file,
      t("文件是没有 BOM 的 UTF-16 编码，请另存为 UTF-8", "the file is in UTF-16 without a BOM; save it as UTF-8"),
    );
  if (kind === undefined)
    return failure(
      file,
      t(
        `不是可读取的报告文件（支持 ${EXTENSION_LIST}，按内容识别）`,
        `not a report file the tool reads (${EXTENSION_LIST}, recognised by content)`,
      ),
    );
  const hint = kindOfName(file);
  const expected = hint ? BINARY_NAMES[hint] : undefined;
  if (expected && kind !== "pdf" && kind !== "docx" && kind !== "doc")
    return failure(
      file,
      t(
        `扩展名表明是 ${expected} 文件，但内容不是（文件可能已损坏或未下载完整；请重新下载）`,
        `named as a ${expected} file, but its content is not (damaged or incompletely downloaded? download it again)`,
      ),
    );
  if (kind === "zip") return failure(file, zipMessage());
  if (kind === "json") return loadJson(file, bytes, validate);
  // A copy the worker can own (the shared buffer is reused for the next file).
  return { file, kind, bytes: new Uint8Array(bytes) };
}

function fromDocument(file: string, kind: DocumentKind, doc: ParsedDocument): Loaded {
  const document = { diagnostics: doc.diagnostics, confidence: doc.confidence };
  if (doc.fatal !== undefined || !doc.validation) return { ...failure(file, doc.fatal ?? "", kind), document };
  return {
    file,
    kind,
    value: doc.report,
    document,
    validation: doc.validation,
    needsReading: doc.needsReading ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Loading in order, documents in parallel
// ---------------------------------------------------------------------------------------------

let pool: ParsePool | undefined;
let poolSize = 0;

function poolOf(jobs: number): ParsePool {
  if (!pool || poolSize !== jobs) {
    void pool?.close();
    pool = new ParsePool({ size: jobs });
    poolSize = jobs;
    onCleanup(closeLoader);
  }
  return pool;
}

/** Stops the parse workers (at the end of a command, or on an interrupt). */
export async function closeLoader(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}

/**
 * The inputs loaded, in their order. Up to `window` inputs are in flight at once (documents
 * parsing in the pool while earlier results are used), so memory stays bounded however long the
 * list.
 */
export async function* loadInputs(entries: readonly InputEntry[], options: LoadOptions = {}): AsyncGenerator<Loaded> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const window = Math.max(4, jobs * 3);
  const pending: Promise<Loaded>[] = [];
  let next = 0;
  const fill = () => {
    while (next < entries.length && pending.length < window) {
      const p = prepare(entries[next++] as InputEntry, options.validateJson ?? true);
      if (!("bytes" in p)) pending.push(Promise.resolve(p));
      else {
        const { file, kind, bytes } = p;
        pending.push(
          poolOf(jobs)
            .run({ kind, bytes, lang: lang(), ...(options.previous ? { previous: options.previous } : {}) })
            .then((doc) => fromDocument(file, kind, doc)),
        );
      }
    }
  };
  fill();
  while (pending.length) {
    const loaded = await (pending.shift() as Promise<Loaded>);
    fill();
    yield loaded;
  }
}

/** One input (validate, compare, render, parse of a single file). */
export async function loadOne(file: string, options: LoadOptions = {}): Promise<Loaded> {
  for await (const l of loadInputs([{ file }], options)) return l;
  return failure(file, t("没有输入", "no input"));
}

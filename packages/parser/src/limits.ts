/**
 * The reader limits, declared once. A published report has a few hundred table cells, a few
 * thousand lines and well under a megabyte of text; every limit is far above any real report and
 * far below what would exhaust memory or time. An input over a limit is refused as a whole, with a
 * diagnostic naming the limit (`input.too-large`), never read in part as if it were complete.
 */
import type { SourceDoc } from "./doc.js";
import type { Diagnostic } from "./types.js";

export const LIMITS = {
  /** Characters of a text or HTML input (UTF-16 code units). */
  maxChars: 32 * 1024 * 1024,
  /** Lines of the line model of one document. */
  maxLines: 200_000,
  /**
   * Characters of one line (a text line, an HTML block or table cell): a report's longest
   * paragraph is a few thousand; a line of millions is not a report, and holding its copies
   * through the pipeline would cost many times the input.
   */
  maxLineChars: 4_000_000,
  /** Tokens (figures, dashes and words between them) of one document. */
  maxTokens: 500_000,
  /**
   * Tokens of one line (or table cell): a longer one is read as text only, its figures not as
   * table figures — no row of the format has more than a few dozen.
   */
  maxLineTokens: 2_000,
  /** Slots of one table's grid, spans expanded (rows × columns). */
  maxGridSlots: 100_000,
  /** Elements of an HTML page or of a Word document's XML. */
  maxElements: 200_000,
  /** Depth of HTML elements kept; deeper tags are dropped (their text is kept). */
  maxHtmlDepth: 400,
  /** Depth of the XML of a Word document; a deeper document is refused. */
  maxXmlDepth: 256,
  /** Records in a zip's central directory. */
  maxZipEntries: 10_000,
  /** Bytes inflated from a .docx archive, all entries together. */
  maxInflatedBytes: 32 * 1024 * 1024,
  /** Pages of a PDF. */
  maxPdfPages: 1_000,
  /** Positioned text items of a PDF, all pages together. */
  maxPdfItems: 500_000,
  /**
   * Diagnostics of one code kept in full; the others are counted in one summary diagnostic. Above
   * the cell count of a report (207 value cells at most), so a real report never loses one.
   */
  maxDiagnosticsPerCode: 250,
} as const;

export type LimitName = keyof typeof LIMITS;

/** What each limit bounds, for messages (Chinese, English). */
const WHAT: Record<
  Exclude<LimitName, "maxHtmlDepth" | "maxLineTokens" | "maxDiagnosticsPerCode">,
  readonly [string, string]
> = {
  maxChars: ["文本超过 {n} 个字符", "more than {n} characters of text"],
  maxLines: ["超过 {n} 行", "more than {n} lines"],
  maxLineChars: ["一行或一个单元格超过 {n} 个字符", "a line or cell of more than {n} characters"],
  maxTokens: ["超过 {n} 个数字和词语", "more than {n} figures and words"],
  maxGridSlots: [
    "一个表格展开合并单元格后超过 {n} 格",
    "a table of more than {n} grid slots once its spans are expanded",
  ],
  maxElements: ["超过 {n} 个标记元素", "more than {n} markup elements"],
  maxXmlDepth: ["标记嵌套超过 {n} 层", "markup nested more than {n} deep"],
  maxZipEntries: ["压缩包目录超过 {n} 项", "more than {n} entries in the zip directory"],
  maxInflatedBytes: ["解压后超过 {n} 字节", "more than {n} bytes once inflated"],
  maxPdfPages: ["超过 {n} 页", "more than {n} pages"],
  maxPdfItems: ["超过 {n} 个文字块", "more than {n} text items"],
};

export type RefusedLimit = keyof typeof WHAT;

/** Why an input was refused: the limit it is over, with the messages to show. */
export interface Refusal {
  limit: RefusedLimit;
  max: number;
  message: string;
  messageEn: string;
}

export function refusal(limit: RefusedLimit): Refusal {
  const max = LIMITS[limit];
  const [zh, en] = WHAT[limit];
  const n = String(max);
  return {
    limit,
    max,
    message: `输入超出读取限制（${limit} = ${n}）：${zh.replace("{n}", n)}。年度报告远小于此，文件可能已损坏或被构造，未予读取`,
    messageEn: `The input is over a reader limit (${limit} = ${n}): ${en.replace("{n}", n)}. A report is far smaller; the file was not read`,
  };
}

/** Thrown inside a reader when a limit is crossed; the reader turns it into a refused document. */
export class LimitExceeded extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.messageEn);
    this.name = "LimitExceeded";
  }
}

/** A document with no lines that says why it was not read. */
export function refusedDoc(kind: SourceDoc["kind"], r: Refusal): SourceDoc {
  return { kind, lines: [], positional: kind !== "text", refused: r };
}

/** Counts lines and tokens as a reader makes them, and stops the reader past the limits. */
export class Budget {
  private lineCount = 0;
  private tokenCount = 0;

  /** Called once per line made, with the tokens count of the document so far. */
  line(tokensSoFar: number): void {
    if (++this.lineCount > LIMITS.maxLines) throw new LimitExceeded(refusal("maxLines"));
    this.tokens(tokensSoFar);
  }

  /** The total tokens so far (monotonic). */
  tokens(total: number): void {
    this.tokenCount = total;
    if (this.tokenCount > LIMITS.maxTokens) throw new LimitExceeded(refusal("maxTokens"));
  }
}

/**
 * The diagnostics with at most `max` of each code kept; past that, one diagnostic per code (the
 * first one's code and severity) says how many more there were. Linear; the order is kept.
 */
export function collapseDiagnostics(
  list: readonly Diagnostic[],
  max: number = LIMITS.maxDiagnosticsPerCode,
): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    if (n <= max) out.push(d);
  }
  for (const [code, n] of seen) {
    if (n <= max) continue;
    const first = list.find((d) => d.code === code) as Diagnostic;
    const more = n - max;
    out.push({
      code,
      severity: first.severity,
      message: `另有 ${more} 条同类说明（${code}）未逐条列出`,
      messageEn: `${more} more diagnostic(s) of this kind (${code}) not listed one by one`,
    });
  }
  return out;
}

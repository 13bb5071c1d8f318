/**
 * Table 四 not printed, its section saying instead that no case arose ("本年度未发生政府信息公开
 * 行政复议、行政诉讼案件", or only "无"; core's NO_CASE_WORDS). Its fifteen cells are then 0 by
 * what the text states: inferred, not printed, and said, so that nobody takes them for figures
 * read from a table. A section with any figure in it states something else and is not read so.
 */
import { NO_CASE_WORDS } from "@gov-report/core/lite";
import type { Line, SourceDoc } from "../../doc.js";
import { headingOf } from "../../sections.js";

/** Lines of the section looked at after its heading: the sentence stands right under it. */
const SECTION_LINES = 6;
/** `by` of a cell inferred from the sentence. */
export const STATED_NONE = "text.no-cases";

const hasAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/**
 * The sentence at or under table 四's heading or header (line `heading`) saying there was no case;
 * undefined when the section says more or other.
 */
export function statedNoCases(doc: SourceDoc, heading: number): { line: number; text: string } | undefined {
  const lines: [number, Line][] = [];
  // The line found as the table's header may be the sentence itself (it names 行政复议 and 行政诉讼).
  for (let i = heading; i < doc.lines.length && lines.length < SECTION_LINES; i++) {
    const l = doc.lines[i] as Line;
    if (headingOf(l.key)) {
      if (i === heading) continue;
      break;
    }
    if (l.tableRow || l.tokens.some((t) => t.kind === "num")) return undefined;
    if (l.text.trim()) lines.push([i, l]);
  }
  const [first] = lines;
  if (!first) return undefined;
  const text = lines.map(([, l]) => l.text.trim()).join("");
  const says =
    (NO_CASE_WORDS.nothing as readonly string[]).includes(text) ||
    (hasAny(text, NO_CASE_WORDS.none) && hasAny(text, NO_CASE_WORDS.cases));
  return says ? { line: first[0], text } : undefined;
}

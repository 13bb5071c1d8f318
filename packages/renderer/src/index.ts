/**
 * @gov-report/renderer — 政府信息公开工作年度报告 in the official layout: HTML, Markdown, plain
 * text and Word. Labels and table structure come from @gov-report/core's form metadata. This entry
 * runs in browsers too; PDF (Chromium, Node only) is the separate entry `@gov-report/renderer/pdf`.
 *
 * @packageDocumentation
 * @module \@gov-report/renderer
 */
export { REPLACEMENT_CHARACTER, terminalSafe, xmlSafe } from "./chars.js";
export { renderDocx } from "./docx.js";
export { escapeHtml } from "./escape.js";
export { formatDate, formatValue } from "./format.js";
export { type HtmlOptions, renderHtml } from "./html.js";
export { reportTitle, type SignatureLines, signatureOf } from "./layout.js";
export { escapeMarkdown, type MarkdownOptions, renderMarkdown } from "./markdown.js";
export {
  AMBIGUOUS_SUFFIX,
  CANDIDATE_SEPARATOR,
  type CellMark,
  type CellMarks,
  cellMarks,
  MARK_WORDS,
  markLegend,
  UNREAD_MARK,
} from "./marks.js";
export { FONT_FACES, FONT_FAMILIES, MARK_CSS, REPORT_CSS, SANS_FONTS, SERIF_FONTS, TITLE_FONTS } from "./styles.js";
export { renderText, type TextOptions } from "./text.js";

/**
 * @gov-report/core — the canonical 政府信息公开工作年度报告: schemas of both editions, the label
 * catalog, the 勾稽 rules, builders, JSON Schema and form metadata.
 */

export { computeTotals, createEmptyReport, type EmptyReportOptions, editionForYear, sumAt } from "./builders.js";
export * from "./catalog.js";
export * from "./cells.js";
export { type CompareResult, compareYears, TEXT_OVERLAP_LIMIT } from "./compare.js";
export * from "./form.js";
export { type JsonSchema, reportJsonSchema } from "./jsonschema.js";
export * from "./rules.js";
export * from "./schema.js";
export { extractQuotedFigures, type QuotedFigure, type QuotedMetric, textOverlap, toHalfWidth } from "./text.js";
export { type ValidationIssue, type ValidationResult, validateReport } from "./validate.js";

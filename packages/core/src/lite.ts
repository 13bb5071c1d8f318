/**
 * Everything in @gov-report/core except the zod schemas and JSON Schema generation: catalog,
 * cells, rules, validation, cross-year checks, builders, form metadata. It loads without zod, so
 * command-line tools and pages that only check reports start fast.
 */

export {
  type AggregateIssue,
  ReportSum,
  type ReportSumOptions,
  type SumReportsOptions,
  type SumReportsResult,
  type SumResultOptions,
  sumReports,
} from "./aggregate.js";
export { computeTotals, createEmptyReport, type EmptyReportOptions, editionForYear, sumAt } from "./builders.js";
export * from "./catalog.js";
export * from "./cells.js";
export {
  AgencyIndex,
  type CompareResult,
  compareReports,
  compareYears,
  sameAgency,
  TEXT_OVERLAP_LIMIT,
} from "./compare.js";
export { type ConsistentReportOptions, consistentReport, fillFromParts, freeCells } from "./consistent.js";
export * from "./constraints.js";
export * from "./document-words.js";
export * from "./form.js";
export {
  keySimilarity,
  type LabelMatch,
  labelKey,
  labelKeys,
  type MatchLabelOptions,
  matchLabel,
} from "./labels.js";
export {
  type CarriedCell,
  carriedCells,
  type NextYearError,
  type NextYearStart,
  type StartFromLastYearOptions,
  startFromLastYear,
} from "./next-year.js";
export * from "./provenance.js";
export * from "./quoted.js";
export { ideographForRadical, RADICAL_TO_IDEOGRAPH, replaceRadicals } from "./radicals.js";
export * from "./rules.js";
export * from "./signature.js";
export {
  type ReportStandardSchemaOptions,
  report2019StandardSchema,
  report2021StandardSchema,
  reportStandardSchema,
  reportStandardSchemaFor,
  type StandardSchemaV1,
} from "./standard.js";
export { codePointWidth, displayWidth, safeDescribe, textOverlap, toHalfWidth } from "./text.js";
export type * from "./types.js";
export { firstInvalidXmlChar, type ValidationIssue, type ValidationResult, validateReport } from "./validate.js";

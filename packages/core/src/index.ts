/**
 * @gov-report/core — the canonical 政府信息公开工作年度报告: schemas of both editions, the label
 * catalog, the 勾稽 rules, builders, JSON Schema and form metadata.
 */

export { type JsonSchema, reportJsonSchema } from "./jsonschema.js";
export * from "./lite.js";
export * from "./schema.js";

/**
 * The OpenAPI 3.1 document of the desk's HTTP API. The report schema is the JSON Schema core
 * generates from its zod schemas; the API's own bodies are zod schemas here, converted with the
 * same z.toJSONSchema, so the document cannot drift from what the handlers check and send.
 */
import { reportJsonSchema } from "@gov-report/core";
import { z } from "zod";

const error = z.object({
  error: z.object({
    code: z.string(),
    field: z.string().nullable().describe("The request field (query parameter or body key) that was wrong"),
    message: z.string().describe("Chinese message"),
    messageEn: z.string(),
  }),
});

const importSummary = z.object({
  id: z.int(),
  agency: z.string(),
  year: z.int(),
  edition: z.string(),
  version: z.int(),
  errors: z.int(),
  warnings: z.int(),
  unread: z.int(),
});

const decisionBody = z.object({
  decision: z.enum(["confirmed", "dismissed"]),
  reason: z.string().max(2000).optional().describe("Required when dismissing"),
  note: z.string().max(2000).optional(),
});

const decision = z
  .object({
    decision: z.enum(["confirmed", "dismissed"]).nullable(),
    reason: z.string().nullable(),
    note: z.string().nullable(),
    by: z.string(),
    at: z.string(),
    version: z.int(),
  })
  .nullable();

const finding = z.object({
  id: z.string().describe("<report id>.<fingerprint>; stable across versions"),
  fingerprint: z.string(),
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  path: z.array(z.union([z.string(), z.int()])),
  message: z.string(),
  messageEn: z.string(),
  expected: z.number().optional(),
  actual: z.number().optional(),
  decision,
  resolvedIn: z.int().optional().describe("The version that no longer has this finding"),
  versions: z.array(z.int()),
});

const listItem = importSummary.extend({
  decided: z.int(),
  status: z.enum(["clean", "pending", "reviewed"]),
  signatureDate: z.string().nullable(),
  deadline: z.string(),
  late: z.boolean().nullable(),
  updatedAt: z.string(),
});

const js = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description = "OK") => ({ description, content: { "application/json": { schema } } });
const errors = { "400": json(ref("Error"), "Bad request"), "404": json(ref("Error"), "Not found") };
const q = (name: string, schema: unknown, required = false, description?: string) => ({
  name,
  in: "query",
  required,
  schema,
  ...(description ? { description } : {}),
});
const year = q("year", { type: "integer", minimum: 2008, maximum: 2100 }, true);
const pathId = { name: "id", in: "path", required: true, schema: { type: "integer" } };

export function openApiDocument(): Record<string, unknown> {
  const { $schema: _s, ...report } = reportJsonSchema();
  return {
    openapi: "3.1.0",
    info: { title: "gov-report desk", version: "1", description: "审核台 HTTP API（界面使用的同一套接口）" },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    components: {
      schemas: {
        Report: report,
        Error: js(error),
        ImportSummary: js(importSummary),
        Finding: js(finding),
        DecisionBody: js(decisionBody),
        ReportListItem: js(listItem),
      },
    },
    paths: { ...reportPaths(), ...batchAndAcrossPaths() },
  };
}

/** Paths of one report: import, list, detail, original, decisions. */
function reportPaths(): Record<string, unknown> {
  return {
    "/api/health": { get: { responses: { "200": json({ type: "object", properties: { ok: { const: true } } }) } } },
    "/api/reports": {
      post: {
        summary: "Import one file (PDF, .docx, HTML, text or report JSON) sent as the body",
        parameters: [
          q("filename", { type: "string", maxLength: 255 }, true, "Display name only; never used as a path"),
        ],
        requestBody: {
          required: true,
          content: {
            "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } },
          },
        },
        responses: {
          "201": json(ref("ImportSummary"), "Imported (a new report or a new version)"),
          "200": json(ref("ImportSummary"), "These bytes were imported before"),
          "413": json(ref("Error"), "Too large"),
          "422": json(ref("Error"), "Not readable as a report; the reason is in the message"),
          ...errors,
        },
      },
      get: {
        summary: "The list of reports (latest versions)",
        parameters: [
          q("year", { type: "integer" }),
          q("q", { type: "string" }, false, "Part of the agency name"),
          q("status", { enum: ["clean", "pending", "reviewed"] }),
          q("sort", { enum: ["agency", "year", "edition", "version", "errors", "warnings", "unread", "updated"] }),
          q("order", { enum: ["asc", "desc"] }),
          q("limit", { type: "integer", minimum: 1, maximum: 1000 }),
          q("offset", { type: "integer", minimum: 0 }),
        ],
        responses: {
          "200": json({
            type: "object",
            properties: { total: { type: "integer" }, items: { type: "array", items: ref("ReportListItem") } },
          }),
          ...errors,
        },
      },
    },
    "/api/reports/{id}": {
      get: {
        parameters: [pathId, q("version", { type: "integer" })],
        responses: {
          "200": json({
            type: "object",
            required: ["report", "provenance", "findings"],
            properties: {
              report: ref("Report"),
              provenance: { type: ["object", "null"] },
              findings: { type: "array", items: ref("Finding") },
            },
          }),
          ...errors,
        },
      },
    },
    "/api/reports/{id}/original": {
      get: {
        parameters: [pathId],
        responses: { "200": { description: "The original file, as an attachment" }, ...errors },
      },
    },
    "/api/findings/{id}/decision": {
      post: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { required: true, content: { "application/json": { schema: ref("DecisionBody") } } },
        responses: { "200": json({ type: "object" }), ...errors },
      },
    },
  };
}

/** Paths of batch imports, the reports across agencies and the downloads. */
function batchAndAcrossPaths(): Record<string, unknown> {
  return {
    "/api/imports": {
      post: {
        summary: "Import a .zip of reports in the background",
        parameters: [q("filename", { type: "string" }, true)],
        responses: {
          "202": json({ type: "object", properties: { id: { type: "integer" }, total: { type: "integer" } } }),
          ...errors,
        },
      },
    },
    "/api/imports/{id}": {
      get: {
        summary: "Progress of a batch import, with the reason for each unreadable file",
        parameters: [pathId],
        responses: { "200": json({ type: "object" }), ...errors },
      },
    },
    "/api/rollup": {
      get: {
        summary: "The roll-up (consolidated report) of one year",
        parameters: [
          year,
          q("ids", { type: "string" }, false, "Comma-separated report ids (default: all)"),
          q("agency", { type: "string" }),
          q("format", { enum: ["json", "html", "pdf", "docx"] }),
        ],
        responses: {
          "200": json({ type: "object", properties: { report: { anyOf: [ref("Report"), { type: "null" }] } } }),
          ...errors,
        },
      },
    },
    "/api/crossyear": { get: { parameters: [year], responses: { "200": json({ type: "array" }), ...errors } } },
    "/api/expected": {
      get: { parameters: [year], responses: { "200": json({ type: "object" }) } },
      post: {
        requestBody: { content: { "text/csv": { schema: { type: "string" } } } },
        responses: { "200": json({ type: "object" }), ...errors },
      },
    },
    "/api/late": { get: { parameters: [year], responses: { "200": json({ type: "array" }) } } },
    "/api/overview": { get: { parameters: [year], responses: { "200": json({ type: "array" }) } } },
    "/api/export/reports.csv": {
      get: { responses: { "200": { description: "CSV, UTF-8 with BOM", content: { "text/csv": {} } } } },
    },
    "/api/export/findings.csv": {
      get: { responses: { "200": { description: "CSV, UTF-8 with BOM", content: { "text/csv": {} } } } },
    },
  };
}

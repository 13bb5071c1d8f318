/** JSON Schema (draft 2020-12) of the report, generated with zod 4's built-in z.toJSONSchema. */
import { z } from "zod";
import { report2019Schema, report2021Schema, reportSchema } from "./schema.js";

export type JsonSchema = Record<string, unknown>;

const ID_BASE = "https://gov-report.dev/schema";

function toSchema(schema: z.ZodType, file: string): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "throw", io: "input" }) as JsonSchema;
  return { $schema: out.$schema, $id: `${ID_BASE}/${file}`, ...out };
}

/** The JSON Schema of one edition, or of the union of both when no edition is given. */
export function reportJsonSchema(edition?: "2019" | "2021"): JsonSchema {
  if (edition === "2019") return toSchema(report2019Schema, "report-2019.schema.json");
  if (edition === "2021") return toSchema(report2021Schema, "report-2021.schema.json");
  return toSchema(reportSchema, "report.schema.json");
}

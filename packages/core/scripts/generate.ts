/**
 * Writes the generated artifacts that are committed and shipped: the JSON Schema of each edition
 * and of the union, and the form metadata. `npm run check:generated` fails when they drift.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildFormMetadata, reportJsonSchema } from "../src/index.js";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "generated");
mkdirSync(out, { recursive: true });

const files: Record<string, unknown> = {
  "report.schema.json": reportJsonSchema(),
  "report-2019.schema.json": reportJsonSchema("2019"),
  "report-2021.schema.json": reportJsonSchema("2021"),
  "form-metadata.json": buildFormMetadata(),
};
for (const [name, value] of Object.entries(files)) {
  writeFileSync(join(out, name), `${JSON.stringify(value, null, 2)}\n`);
  console.log(`wrote generated/${name}`);
}

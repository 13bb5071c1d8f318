/**
 * Writes the generated artifacts that are committed and shipped: the JSON Schema of each edition
 * and of the union, and the form metadata. `npm run check:generated` fails when they drift.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildFormMetadata, RULE_CATALOG, reportJsonSchema } from "../src/index.js";

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

// The rule catalog as a table in the docs, so the list there is never retyped.
const rows = RULE_CATALOG.map((r) => `| \`${r.code}\` | ${r.severity} | ${r.source} | ${r.zh} | ${r.en} |`);
const doc = [
  "# Rules",
  "",
  "Generated from `RULE_CATALOG` in `packages/core/src/rules.ts` by `npm run generate`; do not edit by hand.",
  "`validateReport` reports the structure and single-report rules; `compareYears` reports the `years.*` rules.",
  "Invariant numbers refer to the format reference (勾稽关系).",
  "",
  "| code | severity | source | 说明 | description |",
  "|---|---|---|---|---|",
  ...rows,
  "",
].join("\n");
const docsDir = join(out, "..", "..", "..", "docs");
writeFileSync(join(docsDir, "rules.md"), doc);
console.log("wrote docs/rules.md");

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
  "## Notes",
  "",
  "- Invariants 1, 3, 4 and 5 are the linear equations of `constraints(edition)`; each issue names the",
  "  constraint's rule code. A constraint with a cell that is not a number, or that the report's",
  "  `provenance` marks `unread` or `ambiguous`, is not checked: its value is a placeholder.",
  "- `cell.unread` and `cell.ambiguous` come from the optional `provenance` of a report read from a",
  "  document (see report-model.md); a report without `provenance` never has them.",
  "- `signature.late` compares the optional `signature.date` with the publication deadline of",
  "  条例第四十九条: 3月31日 of year + 1 for a people's government's consolidated report (an",
  "  `agency.name` ending in 人民政府), 1月31日 of year + 1 for every other body, including a",
  "  government's 办公室 (see decisions/publication-deadline.md).",
  "",
].join("\n");
const docsDir = join(out, "..", "..", "..", "docs");
writeFileSync(join(docsDir, "rules.md"), doc);
console.log("wrote docs/rules.md");

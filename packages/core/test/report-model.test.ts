import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportJsonSchema } from "../src/index.js";

const DOC = readFileSync(join(__dirname, "../../../docs/report-model.md"), "utf8");

/** Keys the doc documents: `"key":` inside its jsonc blocks, and the backticked keys of its tables' first two columns. */
function documentedKeys(doc: string): Set<string> {
  const keys = new Set<string>();
  const blocks = doc.split("```");
  for (let i = 1; i < blocks.length; i += 2) {
    const block = blocks[i] as string;
    // Dotted keys are cell ids inside provenance (data, not schema keys).
    for (const m of block.matchAll(/"([A-Za-z]+)"\s*:/g)) keys.add(m[1] as string);
  }
  for (const line of doc.split("\n")) {
    if (!line.startsWith("| `")) continue;
    const [, key, , fields] = line.split("|");
    for (const cell of [key, fields]) for (const m of (cell ?? "").matchAll(/`([A-Za-z]+)`/g)) keys.add(m[1] as string);
  }
  return keys;
}

/** Every property name anywhere in a JSON Schema (through $defs, unions and arrays). */
function schemaKeys(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) schemaKeys(n, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "properties" && v && typeof v === "object") for (const name of Object.keys(v)) out.add(name);
      if (k !== "propertyNames" && k !== "enum" && k !== "const") schemaKeys(v, out);
    }
  }
  return out;
}

describe("docs/report-model.md", () => {
  const documented = documentedKeys(DOC);
  const inSchema = schemaKeys(reportJsonSchema());

  it("documents every key of the schema", () => {
    expect([...inSchema].filter((k) => !documented.has(k)).sort()).toEqual([]);
  });

  it("documents no key the schema does not have", () => {
    expect([...documented].filter((k) => !inSchema.has(k)).sort()).toEqual([]);
  });

  it("finds the keys of each part (the check reads the doc at all)", () => {
    for (const k of [
      "signature",
      "provenance",
      "status",
      "candidates",
      "amountWanYuan",
      "lawsuitAfterReview",
      "unpaidFees",
    ])
      expect(documented.has(k), k).toBe(true);
    expect(documented.size).toBeGreaterThan(70);
  });
});

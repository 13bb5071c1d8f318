#!/usr/bin/env node
/**
 * The published `exports` list only what is shipped. In the workspace each package's exports start
 * with the `@gov-report/source` condition (tests and dev run against `src/`, decision 0002), but
 * `src/` is not in the tarball. npm runs this script around `npm pack` / `npm publish`:
 *
 *   prepack:  node ../../scripts/pack-exports.mjs strip     (package.json without the condition)
 *   postpack: node ../../scripts/pack-exports.mjs restore   (the workspace's package.json back)
 *
 * `strip` keeps the original next to it (`package.json.workspace`) and refuses to run while one is
 * there (a pack that stopped half-way): run `restore` first.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const CONDITION = "@gov-report/source";
const FILE = "package.json";
const KEPT = "package.json.workspace";

/** The exports map without the source condition, at every depth. */
function withoutSource(value) {
  if (Array.isArray(value)) return value.map(withoutSource);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) if (key !== CONDITION) out[key] = withoutSource(v);
  return out;
}

function strip() {
  if (existsSync(KEPT)) {
    console.error(
      `${KEPT} exists (an earlier pack stopped half-way): run "node ../../scripts/pack-exports.mjs restore" first`,
    );
    process.exit(2);
  }
  const text = readFileSync(FILE, "utf8");
  const pkg = JSON.parse(text);
  if (!pkg.exports) return;
  writeFileSync(KEPT, text);
  writeFileSync(FILE, `${JSON.stringify({ ...pkg, exports: withoutSource(pkg.exports) }, null, 2)}\n`);
}

function restore() {
  if (existsSync(KEPT)) renameSync(KEPT, FILE);
}

const command = process.argv[2];
if (command === "strip") strip();
else if (command === "restore") restore();
else {
  console.error("usage: pack-exports.mjs strip|restore");
  process.exit(2);
}

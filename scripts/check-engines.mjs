#!/usr/bin/env node
// Fails when an installed package's `engines.node` excludes the running Node (the README asks for
// Node 20: a dependency that needs Node 22 is a bug), or when the npm output given as argument
// (`npm ci … 2>&1 | tee npm-ci.log`) holds an EBADENGINE warning.
//
//   node scripts/check-engines.mjs [npm-ci.log]
//
// The installed tree is read from package-lock.json's "packages" (every path npm installed), each
// package's own package.json when it is on disk. Ranges are evaluated here (no dependency).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const node = process.versions.node.split(".").map(Number);

/** -1, 0, 1 comparing two [major, minor, patch]. */
const cmp = (a, b) => {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0) ? -1 : 1;
  return 0;
};

/** "20", "20.1", "20.x" → the version and how many parts were given. */
function parse(v) {
  const parts = v
    .replace(/^v/, "")
    .split(".")
    .filter((p) => p !== "" && p !== "x" && p !== "X" && p !== "*");
  return { v: parts.map(Number), n: parts.length };
}

/** Does one comparator ("^22", ">=20.19", "<26", "20.x", "*") hold for the running Node? */
function holds(comp) {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*(.*)$/.exec(comp);
  const op = m[1] ?? "";
  const { v, n } = parse(m[2]);
  if (n === 0) return op === "" || op === ">=" || op === "=" || op === "^" || op === "~";
  const upper = (k) => [...v.slice(0, k - 1), v[k - 1] + 1, 0, 0].slice(0, 3);
  switch (op) {
    case ">=":
      return cmp(node, v) >= 0;
    case ">":
      return n < 3 ? cmp(node, upper(n)) >= 0 : cmp(node, v) > 0;
    case "<=":
      return n < 3 ? cmp(node, upper(n)) < 0 : cmp(node, v) <= 0;
    case "<":
      return cmp(node, v) < 0;
    case "^": {
      const k = v[0] !== 0 || n === 1 ? 1 : v[1] !== 0 || n === 2 ? 2 : 3;
      return cmp(node, v) >= 0 && cmp(node, upper(k)) < 0;
    }
    case "~":
      return cmp(node, v) >= 0 && cmp(node, upper(n === 1 ? 1 : 2)) < 0;
    default:
      return cmp(node, v) >= 0 && cmp(node, upper(n)) < 0;
  }
}

/** Does a range ("^22 || ^24 || >=26", ">=18 <21", "14 - 20") admit the running Node? */
export function satisfies(range) {
  return range.split("||").some((set) => {
    const s = set.trim().replace(/\s+-\s+/, " - ");
    const hyphen = /^(\S+) - (\S+)$/.exec(s);
    if (hyphen) return holds(`>=${hyphen[1]}`) && holds(`<=${hyphen[2]}`);
    return s
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1")
      .split(/\s+/)
      .filter(Boolean)
      .every(holds);
  });
}

const problems = [];
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
for (const path of Object.keys(lock.packages ?? {})) {
  if (!path) continue;
  const file = join(root, path, "package.json");
  if (!existsSync(file)) continue; // an optional package of another platform
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    continue;
  }
  const range = pkg.engines?.node;
  if (typeof range === "string" && range.trim() && !satisfies(range))
    problems.push(`${pkg.name}@${pkg.version} (${path}) needs node ${range}`);
}

const log = process.argv[2];
if (log) {
  for (const line of readFileSync(log, "utf8").split("\n"))
    if (line.includes("EBADENGINE") && /package:/.test(line)) problems.push(`npm output: ${line.trim()}`);
}

if (problems.length) {
  console.error(`Packages whose engines exclude Node ${process.versions.node}:`);
  for (const p of problems) console.error(`  ${p}`);
  console.error('Pin or override them (package.json "overrides") to a version that supports this Node.');
  process.exit(1);
}
console.log(
  `engines: every installed package supports Node ${process.versions.node}${log ? `; no EBADENGINE in ${log}` : ""}`,
);

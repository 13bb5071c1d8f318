#!/usr/bin/env node
// Lists functions longer than the limit (lines from `function`/arrow start to its closing brace)
// in the TypeScript files under the given folders, and fails when there is one.
//
//   node scripts/check-function-length.mjs [--max 80] <folder…>   (npm run check:functions: packages at 60, apps at 80)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const args = process.argv.slice(2);
let max = 80;
const i = args.indexOf("--max");
if (i >= 0) {
  max = Number(args[i + 1]);
  args.splice(i, 2);
}
const root = new URL("..", import.meta.url).pathname;
const folders = args.length ? args : ["apps/cli/src", "apps/cli/bench"];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) yield path;
  }
}

const long = [];
for (const folder of folders) {
  for (const file of files(join(root, folder))) {
    const text = readFileSync(file, "utf8");
    const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && node.body) {
        const start = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
        const end = src.getLineAndCharacterOfPosition(node.end).line;
        const lines = end - start + 1;
        if (lines > max) {
          const name = node.name?.getText(src) ?? (ts.isArrowFunction(node) ? "(arrow)" : "(anonymous)");
          long.push(`${relative(root, file)}:${start + 1} ${name}: ${lines} lines`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
}
if (long.length) {
  console.error(`Functions over ${max} lines:`);
  for (const l of long) console.error(`  ${l}`);
  process.exit(1);
}
console.log(`no function over ${max} lines in ${folders.join(", ")}`);

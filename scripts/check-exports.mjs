#!/usr/bin/env node
/**
 * Every export of the installed @gov-report packages resolves (run by consumer-test.sh in the folder
 * where the packed tarballs are installed): for each package, each subpath of its `exports` and each
 * condition in it, the file named exists inside the installed package; `import` targets load with
 * import(), `require` targets with require(), `types` targets are .d.ts/.d.cts files; no export names
 * a condition of the workspace (`@gov-report/source`). Prints one line per package; exit 1 on the
 * first export that does not hold.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] ?? ".");
const scope = join(root, "node_modules/@gov-report");
const require = createRequire(join(root, "index.js"));
const problems = [];

/** The leaves of an exports entry: [conditions from the top, target]. */
function leaves(entry, conditions = []) {
  if (typeof entry === "string") return [[conditions, entry]];
  if (entry === null || typeof entry !== "object") return [];
  return Object.entries(entry).flatMap(([k, v]) => leaves(v, [...conditions, k]));
}

async function checkLeaf(name, dir, subpath, conditions, target) {
  const where = `${name} exports["${subpath}"]${conditions.map((c) => `.${c}`).join("")}`;
  if (conditions.includes("@gov-report/source"))
    return problems.push(`${where}: the workspace's source condition is published`);
  const file = join(dir, target);
  if (!existsSync(file)) return problems.push(`${where} → ${target}: not in the package`);
  const last = conditions.at(-1);
  if (last === "types" && !/\.d\.c?ts$/.test(target))
    problems.push(`${where} → ${target}: types is not a declaration file`);
  if (target.endsWith(".json") || last === "types") return;
  const spec = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
  try {
    if (conditions.includes("require")) require(spec);
    else if (conditions.includes("import") || conditions.includes("default")) await import(spec);
  } catch (e) {
    problems.push(`${where}: ${spec} does not load (${e?.message ?? e})`);
  }
  if (conditions.includes("import") && !conditions.includes("types")) {
    const viaUrl = await import(pathToFileURL(file).href).then(
      () => true,
      () => false,
    );
    if (!viaUrl) problems.push(`${where} → ${target}: the file does not load as ESM`);
  }
}

for (const pkgDir of readdirSync(scope)) {
  const dir = join(scope, pkgDir);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const exportsMap = typeof pkg.exports === "string" ? { ".": pkg.exports } : (pkg.exports ?? {});
  let count = 0;
  for (const [subpath, entry] of Object.entries(exportsMap)) {
    for (const [conditions, target] of leaves(entry)) {
      await checkLeaf(pkg.name, dir, subpath, conditions, target);
      count++;
    }
  }
  for (const field of ["main", "types", "module"]) {
    if (pkg[field] && !existsSync(join(dir, pkg[field])))
      problems.push(`${pkg.name} ${field} → ${pkg[field]}: not in the package`);
  }
  for (const [bin, target] of Object.entries(typeof pkg.bin === "string" ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {}))) {
    if (!existsSync(join(dir, target))) problems.push(`${pkg.name} bin ${bin} → ${target}: not in the package`);
  }
  console.log(`${pkg.name}: ${count} export targets checked`);
}

if (problems.length) {
  console.error(`\n${problems.length} export(s) do not hold:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("every export of the packed packages resolves");

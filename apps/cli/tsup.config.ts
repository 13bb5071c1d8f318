import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const pkg = JSON.parse(readFileSync("./package.json", "utf8")) as { version: string };

// Each command is its own entry so that `gov-report validate` loads only what it needs.
export default defineConfig({
  // The parse worker is its own entry: the pool starts dist/worker.js in each worker process.
  entry: ["src/bin.ts", "src/worker.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  splitting: true,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  external: ["@gov-report/core", "@gov-report/renderer", "@gov-report/parser", "playwright-core", "pdfjs-dist"],
});

import { defineConfig } from "tsup";

// The server and the parse worker (its own entry: the pool starts it as a process by file name).
export default defineConfig({
  entry: { index: "src/index.ts", "ingest-worker": "src/ingest/worker.ts" },
  format: ["esm"],
  dts: { entry: { index: "src/index.ts" } },
  clean: false,
  target: "node20",
  splitting: true,
  external: [
    "@gov-report/core",
    "@gov-report/renderer",
    "@gov-report/parser",
    "better-sqlite3",
    "pg",
    "kysely",
    "playwright-core",
    "zod",
    "fflate",
  ],
});

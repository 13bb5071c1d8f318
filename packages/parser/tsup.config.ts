import { defineConfig } from "tsup";

export default defineConfig({
  // The pool is its own entry (Node only): the web form never loads node:child_process.
  entry: ["src/index.ts", "src/input.ts", "src/pool/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  // import.meta.url in the CommonJS build (pdf-worker-code.ts resolves pdf.js from it).
  shims: true,
  external: ["@gov-report/core", "playwright-core", "pdfjs-dist", "docx", "htmlparser2"],
});

import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/input.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: ["@gov-report/core", "playwright-core", "pdfjs-dist", "docx", "htmlparser2"],
});

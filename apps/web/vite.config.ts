import preact from "@preact/preset-vite";
import { defaultClientConditions, defineConfig } from "vite";

// Core and renderer are resolved from their TypeScript sources (the "@gov-report/source" export
// condition) in dev, tests and the production build alike: one code path, and the bundler can
// tree-shake across package boundaries. See docs/decisions/web-source-condition.md.
export default defineConfig({
  plugins: [preact()],
  resolve: { conditions: ["@gov-report/source", ...defaultClientConditions] },
  // The manifest tells scripts/bundle-size.mjs which chunks the first load fetches and which load later.
  build: { target: "es2022", sourcemap: false, reportCompressedSize: false, manifest: true },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
});

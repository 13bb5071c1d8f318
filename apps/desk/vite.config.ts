import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The desk's UI, built into dist/ui and served by the desk's own server (same origin as the API).
export default defineConfig({
  root: "ui",
  base: "/",
  plugins: [preact()],
  build: {
    outDir: "../dist/ui",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
  },
});

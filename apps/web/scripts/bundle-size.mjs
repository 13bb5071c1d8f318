#!/usr/bin/env node
/**
 * The JavaScript budget, from Vite's manifest: the first load (the entry and its static imports,
 * ≤ 60 KB gzipped, the build fails above) and each chunk loaded later — the parser (opening a
 * non-JSON file), pdf.js and its worker (opening a PDF), the renderer (preview, print) and docx
 * (Word download) — printed with their gzip sizes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 60;
const dist = join(import.meta.dirname, "..", "dist");
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
} catch {
  console.error(`bundle-size: ${dist}/.vite/manifest.json not found; run vite build first`);
  process.exit(2);
}

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

/** The chunk of a manifest key with every chunk it imports statically. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) closure(k, seen);
  return seen;
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const first = closure(entry);
const firstKb = [...first].reduce((n, k) => n + gz(manifest[k].file), 0);

/** Lazy groups: a dynamically imported chunk and what it adds beyond the first load. */
const groups = new Map();
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry || first.has(key)) continue;
  const files = [...closure(key)].filter((k) => !first.has(k)).map((k) => manifest[k].file);
  groups.set(chunk.src ?? key, files);
  // pdf.js's worker is an asset the parser chunk points at (Vite's ?url), fetched with the first PDF.
  for (const asset of chunk.assets ?? []) if (/\.m?js$/.test(asset)) groups.set(asset, [asset]);
}
const name = (src) =>
  src.includes("read-document")
    ? "parser (non-JSON file)"
    : src.includes("pdf.worker")
      ? "pdf.js worker (PDF file)"
      : src.includes("pdfjs-dist")
        ? "pdf.js (PDF file)"
        : src.includes("renderer")
          ? "renderer (preview, print, Word)"
          : src.includes("docx")
            ? "docx (Word download)"
            : src;

console.log(`first load: ${firstKb.toFixed(1)} KB gzipped JavaScript (budget ${BUDGET_KB} KB)`);
for (const k of first)
  console.log(`    ${manifest[k].file.padEnd(40)} ${gz(manifest[k].file).toFixed(1).padStart(6)} KB`);
for (const [src, files] of groups) {
  const unique = [...new Set(files)];
  const kb = unique.reduce((n, f) => n + gz(f), 0);
  console.log(`loaded later, ${name(src)}: ${kb.toFixed(1)} KB gzipped`);
  for (const f of unique) console.log(`    ${f.padEnd(40)} ${gz(f).toFixed(1).padStart(6)} KB`);
}
if (firstKb > BUDGET_KB) {
  console.error(`bundle-size: first load over budget by ${(firstKb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}

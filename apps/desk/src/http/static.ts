/**
 * The UI's built files (Vite's output in dist/ui). Only files inside that folder are served,
 * looked up from a fixed list made at start, so no request path ever reaches the file system.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".mjs": "text/javascript; charset=utf-8",
};

export interface StaticFile {
  bytes: Buffer;
  type: string;
}

/** dist/ui next to the built server, or apps/desk/dist/ui when running from the sources. */
export function uiDir(): string | undefined {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const candidates = [
    join(here, "ui"),
    join(here, "..", "ui"),
    join(here, "..", "..", "dist", "ui"),
    join(here, "..", "dist", "ui"),
  ];
  return candidates.find((d) => existsSync(join(d, "index.html")));
}

export function loadStatic(dir: string | undefined): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!dir) return files;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else
        files.set(`/${relative(dir, p).split(sep).join("/")}`, {
          bytes: readFileSync(p),
          type: TYPES[extname(p)] ?? "application/octet-stream",
        });
    }
  };
  walk(dir);
  return files;
}

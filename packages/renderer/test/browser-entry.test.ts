/**
 * The entries a web page loads (`@gov-report/renderer` and `@gov-report/renderer/docx`) bundle for
 * browsers with no Node built-in anywhere on their import graph (docx and its dependencies included).
 */
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "./bundle.js";

describe("browser entries", () => {
  for (const entry of ["src/docx.ts", "src/index.ts"]) {
    it(`${entry} bundles for the browser without Node built-ins`, { timeout: 60_000 }, async () => {
      const { code, nodeImports } = await bundleForBrowser(entry);
      expect(nodeImports).toEqual([]);
      expect(code).toContain("renderDocx");
      // docx itself is inlined (the dynamic import is part of the bundle, not left to a resolver).
      expect(code).not.toMatch(/import\(\s*["']docx["']\s*\)/);
    });
  }

  it("would catch a Node built-in (the test helpers read files with node:fs)", { timeout: 60_000 }, async () => {
    const { nodeImports } = await bundleForBrowser("test/helpers.ts");
    expect(nodeImports.some((i) => i.endsWith("→ node:fs"))).toBe(true);
    expect(nodeImports.some((i) => i.endsWith("→ node:zlib"))).toBe(true);
  });
});

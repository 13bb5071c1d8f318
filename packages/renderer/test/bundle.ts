/** Bundles an entry of the renderer for browsers with esbuild, listing every Node built-in it reaches. */
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export interface BrowserBundle {
  /** The bundled JavaScript. */
  code: string;
  /** `importer → module` for each import of a Node built-in (none for a browser-safe entry). */
  nodeImports: string[];
}

/** Records imports of Node built-ins (and marks them external so the build goes on and lists all). */
const nodeImportsOf = (found: string[]): Plugin => ({
  name: "node-builtins",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path)) return undefined;
      found.push(`${args.importer} → ${args.path}`);
      return { path: args.path, external: true };
    });
  },
});

/**
 * Bundles `<entry>` (a path in the package) as a browser would load it: platform "browser" (the `browser` export
 * conditions of dependencies), sources of the workspace packages through `@gov-report/source`,
 * every dependency and dynamic import inlined.
 */
export async function bundleForBrowser(entry: string, globalName?: string): Promise<BrowserBundle> {
  const nodeImports: string[] = [];
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    // With a global name: a classic script that sets it (for a page's <script>); else an ES module.
    ...(globalName ? { format: "iife" as const, globalName } : { format: "esm" as const }),
    platform: "browser",
    target: "es2022",
    conditions: ["@gov-report/source"],
    logLevel: "silent",
    plugins: [nodeImportsOf(nodeImports)],
  });
  return { code: result.outputFiles[0]?.text ?? "", nodeImports };
}

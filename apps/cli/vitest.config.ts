import { configDefaults, defineConfig } from "vitest/config";

// Tests that need Chromium are named *.browser.test.ts and run with `npm run test:browser`
// (GOV_REPORT_BROWSER=1), so that `npm test` passes on a machine without a browser.
const browser = Boolean(process.env.GOV_REPORT_BROWSER);

export default defineConfig({
  resolve: { conditions: ["@gov-report/source"] },
  ssr: { resolve: { conditions: ["@gov-report/source"] } },
  test: {
    include: browser ? ["test/**/*.browser.test.ts"] : ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: browser ? configDefaults.exclude : [...configDefaults.exclude, "**/*.browser.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    // Every test runs the real CLI in a child process (documents through its parse workers, from the
    // TypeScript sources): on a loaded 2-core machine one such run can take tens of seconds.
    testTimeout: 600_000,
  },
});

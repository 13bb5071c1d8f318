import { defineConfig } from "vitest/config";

// Unit tests only (pure modules, no browser): the e2e suite lives in e2e/ and runs with Playwright.
export default defineConfig({
  resolve: { conditions: ["@gov-report/source"] },
  ssr: { resolve: { conditions: ["@gov-report/source"] } },
  test: { include: ["test/**/*.test.ts"], setupFiles: ["../../vitest.setup.ts"] },
});

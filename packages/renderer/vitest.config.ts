import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@gov-report/source"] },
  ssr: { resolve: { conditions: ["@gov-report/source"] } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], setupFiles: ["../../vitest.setup.ts"] },
});

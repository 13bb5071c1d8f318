import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser build (`playwright install` cannot run here).
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const PORT = 4173;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  // CI machines are shared: give each expectation room to settle instead of retrying failed tests.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // Build first (the build step also checks the bundle budget), then serve what was built.
    command: "npm run build && npm run serve",
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
  },
});

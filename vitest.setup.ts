// Fails a test that writes to the console unexpectedly: stray output usually means a forgotten
// debug line or an error swallowed into a log.
import { afterEach, beforeEach, vi } from "vitest";

const methods = ["log", "info", "warn", "error", "debug"] as const;
let calls: string[] = [];
beforeEach(() => {
  calls = [];
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${m}: ${args.map(String).join(" ")}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length) throw new Error(`unexpected console output:\n${calls.join("\n")}`);
});

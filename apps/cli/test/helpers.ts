/** Runs the CLI from its sources (no build needed), as a user would run it. */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../../..");
export const FIXTURES = join(ROOT, "fixtures");
const BIN = join(here, "../src/bin.ts");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { input?: string; cwd?: string; env?: Record<string, string> } = {},
): CliRun {
  const r = spawnSync(process.execPath, [TSX, "--conditions=@gov-report/source", BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** True when the output contains a Node stack trace line. */
export const hasStackTrace = (s: string) => /^\s+at .+:\d+:\d+\)?$/m.test(s);

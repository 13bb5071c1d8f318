/** Runs the CLI from its sources (no build needed), as a user would run it. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

/**
 * Runs the CLI with its standard output sent to a shell redirection or pipe (`| true` closes it at
 * once, `> /dev/full` fills it); `code` is the CLI's own exit status (PIPESTATUS[0]).
 */
export function runCliInto(args: string[], redirect: string, env: Record<string, string> = {}): CliRun {
  const quoted = [process.execPath, TSX, "--conditions=@gov-report/source", BIN, ...args]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(" ");
  const r = spawnSync("bash", ["-c", `${quoted} ${redirect}; exit \${PIPESTATUS[0]}`], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), as a user at a terminal would: stdout
 * and stderr both go to it, and the captured text is what the terminal received.
 */
export function runCliOnTerminal(args: string[], env: Record<string, string> = {}): CliRun {
  const quoted = [process.execPath, TSX, "--conditions=@gov-report/source", BIN, ...args]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(" ");
  const r = spawnSync("script", ["-qec", quoted, "/dev/null"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** True when the output contains a Node stack trace line. */
export const hasStackTrace = (s: string) => /^\s+at .+:\d+:\d+\)?$/m.test(s);

/** Folders of test reports for the batch commands. */
export const BATCH = join(here, "fixtures-batch");

/** A fixture's expected JSON. */
export const fx = (name: string) => join(FIXTURES, `${name}.expected.json`);

/** The "mixed" folder plus a truncated JSON file (generated: the repository's linter rejects broken JSON). */
export function mixedFolder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "gr-mixed-")), "mixed");
  cpSync(join(BATCH, "mixed"), dir, { recursive: true });
  writeFileSync(join(dir, "broken.json"), '{"edition": "2021",\n  "year": 2024,\n  "agency": {"name": "某局"');
  return dir;
}

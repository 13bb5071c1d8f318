import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PARALLEL_V8_FLAGS, ParsePool } from "../../src/pool/pool.js";
import { readPdfContent } from "../../src/sources/pdf.js";
import type { TestJob } from "./test-worker.js";

const entry = new URL("./test-worker.ts", import.meta.url);
// Every test starts real processes (from the sources, through tsx): slow on a loaded machine.
const SLOW = 120_000;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

describe("the parse pool", () => {
  it(
    "answers every job with its own result, bytes as bytes, on no more workers than its size",
    async () => {
      const pool = new ParsePool<TestJob, unknown>({ size: 2, entry });
      try {
        const values = await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run({ do: "echo", value })));
        expect(values).toEqual([1, 2, 3, 4, 5].map((value) => ({ ok: true, value })));
        const bytes = await pool.run({ do: "bytes", bytes: new Uint8Array([37, 80, 68, 70]) });
        expect(bytes).toEqual({ ok: true, value: { isBytes: true, length: 4, first: 37 } });
        const pids = await Promise.all([0, 1, 2, 3].map(() => pool.run({ do: "sleep", ms: 50 })));
        const distinct = new Set(pids.map((p) => (p.ok ? p.value : 0)));
        expect(distinct.size).toBeLessThanOrEqual(2);
        expect(distinct.has(process.pid)).toBe(false);
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    "stops a job over the time limit, and reads the next one in a new worker",
    async () => {
      const pool = new ParsePool<TestJob, unknown>({ size: 1, entry, timeoutMs: 1_000 });
      try {
        const first = await pool.run({ do: "pid" });
        const slow = await pool.run({ do: "sleep", ms: 60_000 });
        expect(slow).toEqual({ ok: false, failure: { failure: "timeout" } });
        const next = await pool.run({ do: "pid" });
        expect(next.ok && first.ok && next.value !== first.value).toBe(true);
        if (first.ok) expect(await gone(first.value as number)).toBe(true);
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    "gives a handler's error, a worker's exit and its heap limit each their reason, and goes on",
    async () => {
      const pool = new ParsePool<TestJob, unknown>({ size: 1, entry, memoryMb: 64 });
      try {
        expect(await pool.run({ do: "throw", message: "bad xref" })).toEqual({
          ok: false,
          failure: { failure: "error", detail: "bad xref" },
        });
        expect(await pool.run({ do: "exit", code: 3 })).toEqual({
          ok: false,
          failure: { failure: "crashed", detail: "exit code 3" },
        });
        expect(await pool.run({ do: "grow" })).toEqual({ ok: false, failure: { failure: "memory" } });
        expect(await pool.run({ do: "echo", value: "after" })).toEqual({ ok: true, value: "after" });
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    "leaves no worker behind once closed",
    async () => {
      const pool = new ParsePool<TestJob, unknown>({ size: 2, entry });
      const pids = await Promise.all([0, 1].map(() => pool.run({ do: "sleep", ms: 200 })));
      const running = pool.run({ do: "sleep", ms: 60_000 });
      await pool.close();
      for (const p of pids) expect(p.ok && (await gone(p.value as number))).toBe(true);
      // A job cut short by close() never settles; nothing waits on it here.
      void running;
    },
    SLOW,
  );
});

describe("the workers' settings", () => {
  it(
    "are V8's defaults for a lone worker, garbage collection on its own thread when workers share the cores, the heap limit always",
    async () => {
      expect(PARALLEL_V8_FLAGS).toContain("--single-threaded-gc");
      for (const size of [1, 2]) {
        const pool = new ParsePool<TestJob, unknown>({ size, entry, memoryMb: 300 });
        try {
          const flags = await pool.run({ do: "flags" });
          const argv = flags.ok ? (flags.value as string[]) : [];
          expect(argv).toContain("--max-old-space-size=300");
          for (const flag of PARALLEL_V8_FLAGS) expect(argv.includes(flag)).toBe(size > 1);
        } finally {
          await pool.close();
        }
      }
    },
    SLOW,
  );
});

describe("PDF streams in a worker", () => {
  it(
    "are inflated on the reading thread (no DecompressionStream there), with the same text as in this process",
    async () => {
      const bytes = new Uint8Array(readFileSync(new URL("../../../../fixtures/huaian-2024.pdf", import.meta.url)));
      const pool = new ParsePool<TestJob, unknown>({ size: 1, entry });
      try {
        const globals = await pool.run({ do: "globals" });
        expect(globals).toEqual({ ok: true, value: { decompressionStream: "undefined" } });
        // This process keeps its globals: here pdf.js inflates through DecompressionStream.
        expect(typeof globalThis.DecompressionStream).toBe("function");
        const inWorker = await pool.run({ do: "pdf", bytes });
        const here = await readPdfContent(bytes);
        expect(here.pages.length).toBeGreaterThan(3);
        expect(inWorker).toEqual({ ok: true, value: here });
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );
});

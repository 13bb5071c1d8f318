/**
 * A worker for the pool's own tests (pool.test.ts): each job names what the worker does, so that
 * every way a worker can end is tried on a real process.
 */
import { serve } from "../../src/pool/serve.js";
import { readPdfContent } from "../../src/sources/pdf.js";

export type TestJob =
  | { do: "echo"; value: unknown }
  | { do: "bytes"; bytes: Uint8Array }
  | { do: "sleep"; ms: number }
  | { do: "throw"; message: string }
  | { do: "exit"; code: number }
  | { do: "grow" }
  | { do: "pid" }
  | { do: "flags" }
  | { do: "globals" }
  | { do: "pdf"; bytes: Uint8Array };

const held: unknown[] = [];

async function handle(job: TestJob): Promise<unknown> {
  switch (job.do) {
    case "echo":
      return job.value;
    case "bytes":
      return { isBytes: job.bytes instanceof Uint8Array, length: job.bytes.length, first: job.bytes[0] };
    case "sleep":
      await new Promise((resolve) => setTimeout(resolve, job.ms));
      return process.pid;
    case "throw":
      throw new Error(job.message);
    case "exit":
      process.exit(job.code);
      break;
    case "grow":
      // Holds ever more memory, until the heap limit stops the worker.
      for (;;) held.push(new Array(1_000_000).fill(held.length));
    case "pid":
      return process.pid;
    case "flags":
      return process.execArgv;
    case "globals":
      return { decompressionStream: typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream };
    case "pdf":
      return readPdfContent(job.bytes);
  }
  return undefined;
}

serve(handle, () => new Promise((resolve) => setTimeout(resolve, 10)));

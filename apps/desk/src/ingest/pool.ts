/**
 * The desk's parse workers: @gov-report/parser's pool of worker processes (one per core by
 * default) running worker.ts, so that parsing a PDF never blocks the server's event loop. Jobs
 * queue when every worker is busy; a worker over the time limit (GOV_REPORT_PARSE_TIMEOUT, as in
 * the CLI), out of memory or that dies is replaced, and its file is answered with the reason.
 */
import { availableParallelism } from "node:os";
import { failureMessage, ParsePool as WorkerPool } from "@gov-report/parser/pool";
import type { Analysis } from "./analyze.js";

interface Job {
  bytes: Uint8Array;
  filename: string;
}

/** The worker module: the built one (tsup entry `ingest-worker`), or the source (tests, `tsx`). */
const ENTRY = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./ingest-worker.js", import.meta.url);

/** A PDF can be large: each worker gets a bounded heap, and dies alone if it exceeds it. */
const MEMORY_MB = 1024;

export class ParsePool {
  private readonly pool: WorkerPool<Job, Analysis>;

  constructor(size = Math.max(1, availableParallelism())) {
    this.pool = new WorkerPool({ size, entry: ENTRY, memoryMb: MEMORY_MB });
  }

  async run(bytes: Uint8Array, filename: string): Promise<Analysis> {
    const outcome = await this.pool.run({ bytes, filename });
    return outcome.ok ? outcome.value : { kind: "text", error: failureMessage(outcome.failure) };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

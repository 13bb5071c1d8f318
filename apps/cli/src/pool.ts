/**
 * The CLI's parse workers: @gov-report/parser's pool of worker processes running worker.ts, with
 * the reasons of a file that could not be read in the user's language. Results come back to the
 * main process, which keeps the input order. JSON inputs never come here (they are read in the
 * main process, faster than a message).
 */
import { failureMessage, type PoolFailure, ParsePool as WorkerPool } from "@gov-report/parser/pool";
import type { ParsedDocument, ParseJob } from "./parse-job.js";
import { t } from "./util/i18n.js";

export interface PoolOptions {
  size: number;
  /** Longest a document may take, in ms (default: GOV_REPORT_PARSE_TIMEOUT). */
  timeoutMs?: number;
  /** Heap limit of one worker, in MB. */
  memoryMb?: number;
}

/** The worker module: the built one next to this file, or the source (tests, `tsx`). */
const ENTRY = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url);

/** Why a file has no result, for the user, in the user's language. */
function reason(f: PoolFailure): string {
  const m = failureMessage(f);
  return t(m.zh, m.en);
}

export class ParsePool {
  private readonly pool: WorkerPool<ParseJob, ParsedDocument>;

  constructor(options: PoolOptions) {
    this.pool = new WorkerPool({ entry: ENTRY, ...options });
  }

  async run(job: ParseJob): Promise<ParsedDocument> {
    const outcome = await this.pool.run(job);
    return outcome.ok ? outcome.value : { diagnostics: [], confidence: 0, fatal: reason(outcome.failure) };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

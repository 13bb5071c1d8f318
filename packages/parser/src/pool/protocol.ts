/** What the pool and its worker processes say to each other over the IPC channel. */

/** Pool → worker: one job. */
export interface JobMessage<Req> {
  id: number;
  request: Req;
}

/** Worker → pool: loaded and waiting (the time limit of a job starts only then), or a job's answer. */
export type WorkerMessage<Res> = { ready: true } | { id: number; result: Res } | { id: number; error: string };

/**
 * Why a job has no result. `timeout`: over the time limit, its worker was stopped; `memory`: its
 * worker reached the heap limit; `crashed`: its worker ended (or could not start) while reading;
 * `error`: the job's handler threw (`detail` is the message).
 */
export interface PoolFailure {
  failure: "timeout" | "memory" | "crashed" | "error";
  detail?: string;
}

export type PoolOutcome<Res> = { ok: true; value: Res } | { ok: false; failure: PoolFailure };

/** What was thrown, as text, without running code of the thrown value (no `String(e)`). */
export function messageOf(e: unknown): string {
  try {
    const m = (e as { message?: unknown } | null)?.message;
    if (typeof m === "string") return m;
  } catch {
    // a getter that throws
  }
  return typeof e;
}

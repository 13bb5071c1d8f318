/**
 * @gov-report/parser/pool — documents read on every core, in worker processes, for the command
 * line and the review desk alike: {@link ParsePool} on the side that has the files, {@link serve}
 * in the module each worker runs. Node only.
 */
export { type FailureMessage, failureMessage } from "./messages.js";
export { defaultTimeoutMs, PARALLEL_V8_FLAGS, ParsePool, type PoolOptions, workerV8Flags } from "./pool.js";
export type { PoolFailure, PoolOutcome } from "./protocol.js";
export { serve } from "./serve.js";

/**
 * The worker side of the parse pool: the module a pool starts (`PoolOptions.entry`) calls
 * {@link serve} with its job handler. Jobs come over the IPC channel one at a time; the answer
 * goes back the same way.
 */
import { type JobMessage, messageOf, type WorkerMessage } from "./protocol.js";

/**
 * Answers the pool's jobs with `handle`. `prepare` (loading the parser, say) runs first; the pool
 * is told when it is done, so that a job's time limit does not count the start of a worker on a
 * busy machine. Does nothing in a process that no pool started.
 */
export function serve<Req, Res>(handle: (request: Req) => Promise<Res>, prepare?: () => Promise<unknown>): void {
  const send = process.send?.bind(process);
  if (!send) return;
  inflateOnReadingThread();
  const reply = (msg: WorkerMessage<Res>) => {
    // The pool may be gone (its process ended): then there is nobody to answer.
    if (process.connected) send(msg);
  };
  // The pool's process ended (even killed): this worker has nothing left to do.
  process.on("disconnect", () => process.exit(0));
  const ready = () => reply({ ready: true });
  (prepare ? prepare() : Promise.resolve()).then(ready, ready);
  process.on("message", (msg: JobMessage<Req>) => {
    handle(msg.request).then(
      (result) => reply({ id: msg.id, result }),
      (e: unknown) => reply({ id: msg.id, error: messageOf(e) }),
    );
  });
}

/**
 * pdf.js inflates a PDF's streams (fonts, page contents) through `DecompressionStream` where there
 * is one. In Node that is web streams over zlib's thread pool: the reading thread waits on every
 * stream, and the streams' own machinery costs more than the inflating. Without it pdf.js inflates
 * on the reading thread with its own decoder — the same bytes (every PDF of the corpus and the
 * fixtures reads identically) for ~25% less CPU and ~30% less wall time per PDF. A worker process
 * only reads documents, so the global is removed there; a program that calls the parser itself
 * keeps its globals (docs/decisions/parse-workers.md).
 */
function inflateOnReadingThread(): void {
  Reflect.deleteProperty(globalThis, "DecompressionStream");
}

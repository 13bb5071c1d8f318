/** A parse worker: reads documents for the pool (pool.ts), one job at a time. */
import { parentPort } from "node:worker_threads";
import { loadParser, type ParseJob, runParseJob } from "./parse-job.js";

const port = parentPort;
if (port) {
  // Ready once the parser is loaded: the pool's time limit is for reading a document, not for
  // starting a worker on a busy machine.
  const ready = () => port.postMessage({ ready: true });
  loadParser().then(ready, ready);
  port.on("message", (msg: { id: number; job: ParseJob }) => {
    runParseJob(msg.job).then(
      (result) => port.postMessage({ id: msg.id, result }),
      (e: unknown) => port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : "parse failed" }),
    );
  });
}

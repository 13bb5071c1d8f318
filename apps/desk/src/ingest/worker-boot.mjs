// Starts a parse worker from the TypeScript sources (tests, tsx): a worker thread does not inherit
// the main thread's loader, so tsx is registered here before the worker module is loaded. The
// built desk starts dist/ingest-worker.js directly and never uses this file.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

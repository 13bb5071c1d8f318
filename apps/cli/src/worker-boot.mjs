// Starts a parse worker from the TypeScript sources (tests, `tsx`): registers tsx in the worker
// thread, which does not inherit the main thread's loader, then loads the worker. The built CLI
// starts dist/worker.js directly and never uses this file.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);

/**
 * A pool of parse workers (one per core by default), so that parsing a PDF never blocks the
 * server's event loop. Jobs queue when every worker is busy; a worker that dies is replaced and
 * its job answered with the reason.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Analysis } from "./analyze.js";

interface Job {
  id: number;
  bytes: Uint8Array;
  filename: string;
  resolve(a: Analysis): void;
}

/** Starts a worker: the built .js, or the .ts source through a tsx boot file (tests, dev). */
function startWorker(): Worker {
  // A PDF can be large: each worker gets a bounded heap, and dies alone if it exceeds it.
  const resourceLimits = { maxOldGenerationSizeMb: 1024 };
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./ingest-worker.js", import.meta.url), { resourceLimits });
  const execArgv = process.execArgv.some((a) => a.startsWith("--conditions"))
    ? process.execArgv
    : [...process.execArgv, "--conditions=@gov-report/source"];
  return new Worker(new URL("./worker-boot.mjs", import.meta.url), {
    workerData: { entry: new URL("./worker.ts", import.meta.url).href },
    execArgv,
    resourceLimits,
  });
}

export class ParsePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private workers = 0;

  constructor(private readonly size = Math.max(1, availableParallelism())) {}

  run(bytes: Uint8Array, filename: string): Promise<Analysis> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, filename, resolve });
      this.pump();
    });
  }

  private spawn(): Worker {
    const w = startWorker();
    this.workers++;
    w.on("message", (msg: { id: number; analysis: Analysis }) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      if (job && job.id === msg.id) job.resolve(msg.analysis);
      this.idle.push(w);
      this.pump();
    });
    w.on("error", (e) => this.lost(w, e.message));
    w.on("exit", (code) => this.lost(w, `worker exited (${code})`));
    return w;
  }

  private lost(w: Worker, why: string): void {
    const job = this.busy.get(w);
    this.busy.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    this.workers--;
    job?.resolve({ kind: "text", error: { zh: `解析进程出错：${why}`, en: `the parse worker failed: ${why}` } });
    if (!this.closed) this.pump();
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      let w = this.idle.pop();
      if (!w && this.workers < this.size) w = this.spawn();
      if (!w) return;
      const job = this.queue.shift()!;
      this.busy.set(w, job);
      w.postMessage({ id: job.id, bytes: job.bytes, filename: job.filename });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}

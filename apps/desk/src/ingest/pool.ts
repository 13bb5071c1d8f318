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
  timer?: NodeJS.Timeout;
}

/**
 * Longest one file may take (GOV_REPORT_PARSE_TIMEOUT, seconds, as in the CLI): the fixtures' PDFs
 * take about a second; a file that takes minutes is malformed or made to hurt, and must not hold a
 * worker of the server for good.
 */
const timeoutMs = () => (Number(process.env.GOV_REPORT_PARSE_TIMEOUT) || 300) * 1000;

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
      if (job?.timer) clearTimeout(job.timer);
      if (job && job.id === msg.id) job.resolve(msg.analysis);
      this.idle.push(w);
      this.pump();
    });
    w.on("error", (e) => this.lost(w, e.message));
    w.on("exit", (code) => this.lost(w, `worker exited (${code})`));
    return w;
  }

  /** A file over the time limit: its worker is stopped (a new one takes its place), the file gets the reason. */
  private timedOut(w: Worker): void {
    const job = this.busy.get(w);
    this.busy.delete(w);
    job?.resolve({
      kind: "text",
      error: {
        zh: "读取超时，已停止（文件可能异常）",
        en: "reading took too long and was stopped (the file may be malformed)",
      },
    });
    void w.terminate();
  }

  private lost(w: Worker, why: string): void {
    const job = this.busy.get(w);
    this.busy.delete(w);
    if (job?.timer) clearTimeout(job.timer);
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
      const worker = w;
      job.timer = setTimeout(() => this.timedOut(worker), timeoutMs());
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

/**
 * A pool of parse workers (node:worker_threads): documents are read on every core, results come
 * back to the main thread, which keeps the input order. A worker that runs out of memory, crashes
 * or takes longer than the time limit is stopped and replaced; its file gets a reason, and the run
 * goes on. JSON inputs never come here (they are read on the main thread, faster than a message).
 */
import { Worker } from "node:worker_threads";
import type { ParsedDocument, ParseJob } from "./parse-job.js";
import { t } from "./util/i18n.js";

export interface PoolOptions {
  size: number;
  /** Longest a document may take, in ms. */
  timeoutMs?: number;
  /** Heap limit of one worker, in MB. */
  memoryMb?: number;
}

interface Task {
  id: number;
  job: ParseJob;
  resolve: (r: ParsedDocument) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Longest a document may take once its worker is ready (GOV_REPORT_PARSE_TIMEOUT, seconds): the
 * fixtures' PDFs take about a second; a file that takes minutes is malformed or made to hurt.
 */
const DEFAULT_TIMEOUT_MS = (Number(process.env.GOV_REPORT_PARSE_TIMEOUT) || 300) * 1000;
const DEFAULT_MEMORY_MB = 2048;

const fromSources = import.meta.url.endsWith(".ts");

function spawn(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (!fromSources) return new Worker(new URL("./worker.js", import.meta.url), { resourceLimits });
  const execArgv = process.execArgv.some((a) => a.startsWith("--conditions"))
    ? process.execArgv
    : [...process.execArgv, "--conditions=@gov-report/source"];
  return new Worker(new URL("./worker-boot.mjs", import.meta.url), {
    workerData: { entry: new URL("./worker.ts", import.meta.url).href },
    execArgv,
    resourceLimits,
  });
}

const failed = (reason: string): ParsedDocument => ({ diagnostics: [], confidence: 0, fatal: reason });

export class ParsePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  /** Workers that have loaded the parser: a task's time limit starts only then. */
  private readonly ready = new WeakSet<Worker>();
  private next = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  run(job: ParseJob): Promise<ParsedDocument> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.next++, job, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      let w = this.idle.pop();
      if (!w && this.busy.size < this.options.size) w = this.start();
      if (!w) return;
      const task = this.queue.shift() as Task;
      this.busy.set(w, task);
      w.ref();
      if (this.ready.has(w)) this.startTimer(w, task);
      const bytes = task.job.bytes;
      w.postMessage({ id: task.id, job: task.job }, [bytes.buffer as ArrayBuffer]);
    }
  }

  private startTimer(w: Worker, task: Task): void {
    task.timer = setTimeout(() => {
      this.fail(
        w,
        t("读取超时，已停止（文件可能异常）", "reading took too long and was stopped (the file may be malformed)"),
      );
    }, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  private start(): Worker {
    const w = spawn(this.options.memoryMb ?? DEFAULT_MEMORY_MB);
    w.on("message", (msg: { id: number; ready?: boolean; result?: ParsedDocument; error?: string }) => {
      if (msg.ready) {
        this.ready.add(w);
        const waiting = this.busy.get(w);
        if (waiting && !waiting.timer) this.startTimer(w, waiting);
        return;
      }
      const task = this.busy.get(w);
      if (!task || task.id !== msg.id) return;
      this.finish(w, task);
      this.idle.push(w);
      w.unref();
      task.resolve(msg.result ?? failed(`${t("读取出错", "cannot parse")}: ${msg.error ?? ""}`));
      this.dispatch();
    });
    w.on("error", (e: Error & { code?: string }) => {
      const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.fail(
        w,
        oom
          ? t("读取时超出内存限制（文件过大或异常）", "reading ran out of memory (the file is too large or malformed)")
          : `${t("读取出错", "cannot parse")}: ${e.message}`,
      );
    });
    w.on("exit", () => this.fail(w, t("读取进程意外退出", "the reading worker stopped unexpectedly")));
    return w;
  }

  private finish(w: Worker, task: Task): void {
    if (task.timer) clearTimeout(task.timer);
    this.busy.delete(w);
  }

  /** Gives the worker's task a reason, drops the worker (a new one takes its place), goes on. */
  private fail(w: Worker, reason: string): void {
    const task = this.busy.get(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    if (task) {
      this.finish(w, task);
      task.resolve(failed(reason));
    }
    w.removeAllListeners("exit");
    void w.terminate();
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    for (const w of all) w.removeAllListeners("exit");
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/**
 * A pool of parse workers, each a child process (node:child_process fork, IPC channel with V8
 * serialization, so bytes cross as bytes). Processes rather than worker threads: threads of one
 * process share V8's helper threads and one heap lock on mmap, and V8 flags are per process, so
 * the flags below could not be set for threads alone (docs/decisions/parse-workers.md).
 *
 * A worker over the time limit, out of memory, or that ends while reading is stopped and
 * replaced; its job gets the reason ({@link PoolFailure}), and the others go on. Jobs are started
 * in the order they are given. Workers never outlive the pool's process.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { JobMessage, PoolFailure, PoolOutcome, WorkerMessage } from "./protocol.js";

export interface PoolOptions {
  /** Most workers at once (they start when there is work for them). */
  size: number;
  /**
   * The module each worker runs; it calls `serve` with its job handler. A `.ts` module (the
   * sources, in tests and development) is run through tsx, with the workspace's source condition.
   */
  entry: URL;
  /** Longest one job may take once its worker is ready, in ms (default: GOV_REPORT_PARSE_TIMEOUT). */
  timeoutMs?: number;
  /** Heap limit of one worker, in MB. */
  memoryMb?: number;
}

/**
 * Longest a document may take once its worker is ready (GOV_REPORT_PARSE_TIMEOUT, seconds): the
 * fixtures' PDFs take under a second; a file that takes minutes is malformed or made to hurt.
 */
export const defaultTimeoutMs = (): number => (Number(process.env.GOV_REPORT_PARSE_TIMEOUT) || 300) * 1000;
const DEFAULT_MEMORY_MB = 2048;

/**
 * V8 flags of the workers of a pool of more than one. Garbage collection on the worker's own
 * thread: with V8's helper threads a PDF reading keeps ~1.35 cores busy for one core's progress,
 * so workers filling the cores wait on each other's collectors; on its own thread a reading costs
 * ~1.15 cores and ~5% less CPU in all. A lone worker (--jobs 1) keeps V8's defaults: there the
 * helper threads have idle cores, and a reading is ~12% quicker with them
 * (docs/decisions/parse-workers.md).
 */
export const PARALLEL_V8_FLAGS: readonly string[] = ["--single-threaded-gc"];

/** The V8 flags of a pool's workers: {@link PARALLEL_V8_FLAGS} when several share the cores. */
export const workerV8Flags = (size: number): readonly string[] => (size > 1 ? PARALLEL_V8_FLAGS : []);

/** Lines of V8's fatal error when a heap limit is reached. */
const OUT_OF_MEMORY = ["heap out of memory", "Reached heap limit"];
/** How much of a worker's stderr is kept, to tell why it ended. */
const STDERR_TAIL = 4096;

interface Task<Req, Res> {
  id: number;
  request: Req;
  resolve(outcome: PoolOutcome<Res>): void;
  timer?: NodeJS.Timeout;
}

interface Worker<Req, Res> {
  proc: ChildProcess;
  ready: boolean;
  task?: Task<Req, Res>;
  stderr: string;
}

/** Node options that run a `.ts` entry from the sources: tsx, resolved from the entry's own place. */
function sourceArgs(entry: URL): string[] {
  const tsx = createRequire(entry).resolve("tsx/esm");
  return ["--import", pathToFileURL(tsx).href, "--conditions=@gov-report/source"];
}

function spawnWorker(entry: URL, memoryMb: number, v8Flags: readonly string[]): ChildProcess {
  const fromSources = entry.pathname.endsWith(".ts");
  const execArgv = [...v8Flags, `--max-old-space-size=${memoryMb}`, ...(fromSources ? sourceArgs(entry) : [])];
  return fork(fileURLToPath(entry), [], {
    execArgv,
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
}

/** Why a worker ended, from its exit and the end of what it wrote to stderr. */
function exitFailure(stderr: string, code: number | null, signal: NodeJS.Signals | null): PoolFailure {
  if (OUT_OF_MEMORY.some((line) => stderr.includes(line))) return { failure: "memory" };
  return { failure: "crashed", detail: signal ?? `exit code ${code ?? "?"}` };
}

export class ParsePool<Req, Res> {
  private readonly workers = new Set<Worker<Req, Res>>();
  private readonly queue: Task<Req, Res>[] = [];
  private next = 0;
  private closed = false;
  /** Kills the workers when the process ends, however it ends (process.exit on a signal included). */
  private readonly killAll = () => {
    for (const w of this.workers) w.proc.kill("SIGKILL");
  };

  constructor(private readonly options: PoolOptions) {
    process.on("exit", this.killAll);
  }

  /** Reads one job in a worker; never rejects. */
  run(request: Req): Promise<PoolOutcome<Res>> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.next++, request, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      let w = [...this.workers].find((x) => !x.task);
      if (!w && this.workers.size < this.options.size) w = this.start();
      if (!w) return;
      const task = this.queue.shift() as Task<Req, Res>;
      w.task = task;
      // A busy worker keeps the process alive (an idle one does not).
      w.proc.channel?.ref();
      if (w.ready) this.startTimer(w, task);
      const worker = w;
      const msg: JobMessage<Req> = { id: task.id, request: task.request };
      w.proc.send(msg, (e) => {
        if (e) this.lose(worker, { failure: "crashed", detail: e.message });
      });
    }
  }

  private startTimer(w: Worker<Req, Res>, task: Task<Req, Res>): void {
    task.timer = setTimeout(() => this.lose(w, { failure: "timeout" }), this.options.timeoutMs ?? defaultTimeoutMs());
  }

  private start(): Worker<Req, Res> {
    const { entry, memoryMb, size } = this.options;
    const proc = spawnWorker(entry, memoryMb ?? DEFAULT_MEMORY_MB, workerV8Flags(size));
    const w: Worker<Req, Res> = { proc, ready: false, stderr: "" };
    this.workers.add(w);
    proc.unref();
    proc.channel?.unref();
    proc.stderr?.setEncoding("utf8");
    proc.stderr?.on("data", (s: string) => {
      w.stderr = (w.stderr + s).slice(-STDERR_TAIL);
    });
    (proc.stderr as { unref?(): void } | null)?.unref?.();
    proc.on("message", (msg: WorkerMessage<Res>) => this.onMessage(w, msg));
    proc.on("exit", (code, signal) => this.lose(w, exitFailure(w.stderr, code, signal)));
    proc.on("error", (e) => this.lose(w, { failure: "crashed", detail: e.message }));
    return w;
  }

  private onMessage(w: Worker<Req, Res>, msg: WorkerMessage<Res>): void {
    if ("ready" in msg) {
      w.ready = true;
      if (w.task && !w.task.timer) this.startTimer(w, w.task);
      return;
    }
    const task = w.task;
    if (!task || task.id !== msg.id) return;
    this.settle(
      w,
      "error" in msg
        ? { ok: false, failure: { failure: "error", detail: msg.error } }
        : { ok: true, value: msg.result },
    );
    w.proc.channel?.unref();
    this.dispatch();
  }

  private settle(w: Worker<Req, Res>, outcome: PoolOutcome<Res>): void {
    const task = w.task;
    if (!task) return;
    if (task.timer) clearTimeout(task.timer);
    w.task = undefined;
    task.resolve(outcome);
  }

  /** Gives the worker's job the reason, stops the worker (a new one takes its place), goes on. */
  private lose(w: Worker<Req, Res>, failure: PoolFailure): void {
    if (!this.workers.delete(w)) return;
    this.settle(w, { ok: false, failure });
    w.proc.removeAllListeners("exit");
    w.proc.kill("SIGKILL");
    this.dispatch();
  }

  /** Stops every worker; jobs not yet started are dropped. */
  async close(): Promise<void> {
    this.closed = true;
    process.off("exit", this.killAll);
    const all = [...this.workers];
    this.workers.clear();
    await Promise.all(all.map((w) => stop(w.proc, w.task !== undefined)));
  }
}

/** Longest an idle worker may take to end once told to, before it is killed. */
const EXIT_GRACE_MS = 2000;

/**
 * Ends a worker and waits until it is gone (reaped, so its CPU time counts in this process's
 * children). An idle worker is let go (it ends on the channel's close, running its exit hooks); a
 * busy one is killed.
 */
function stop(proc: ChildProcess, busy: boolean): Promise<void> {
  proc.removeAllListeners("exit");
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill("SIGKILL"), busy ? 0 : EXIT_GRACE_MS);
    proc.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    proc.ref();
    if (proc.connected) proc.disconnect();
  });
}

/**
 * Work to finish before the process ends (stopping parse workers), registered by the module that
 * started it, so that bin.ts need not load those modules to end a run. And the signals: by default
 * Ctrl-C (SIGINT) or SIGTERM ends a run at once (bin.ts removes its temporary files and exits 130
 * or 143); a long-running command that has its own way to stop (`serve` closes its server and
 * database) takes them over with `takeSignals`.
 */
const tasks = new Set<() => Promise<void> | void>();

export const onCleanup = (task: () => Promise<void> | void) => {
  tasks.add(task);
};

export async function runCleanups(): Promise<void> {
  const all = [...tasks];
  tasks.clear();
  await Promise.all(all.map((task) => task()));
}

export type StopSignal = "SIGINT" | "SIGTERM";

let taker: ((signal: StopSignal) => void) | undefined;

/**
 * The next SIGINT or SIGTERM calls `stop` instead of ending the process; `stop` must then end the
 * command itself. It is called once: a second signal (Ctrl-C pressed again while stopping) ends the
 * process as usual. Returns a function that gives the signals back.
 */
export function takeSignals(stop: (signal: StopSignal) => void): () => void {
  taker = stop;
  return () => {
    if (taker === stop) taker = undefined;
  };
}

/**
 * Called by bin.ts on a signal: true when a command took it (its `stop` is called, and the
 * signals are given back), false when the process should end now.
 */
export function handOverSignal(signal: StopSignal): boolean {
  const stop = taker;
  if (!stop) return false;
  taker = undefined;
  stop(signal);
  return true;
}

/**
 * Work to finish before the process ends (stopping parse workers), registered by the module that
 * started it, so that bin.ts need not load those modules to end a run.
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

/** Where Web Locks are missing (jsdom, old browsers): runs of one job queue in this page only. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` holding the lock of job `jobId`: one run of a job at a time across tabs (Web Locks,
 * `bulwark-job:<jobId>`), or within this page where Web Locks are missing. A run that waits re-reads
 * the checkpoint once it holds the lock, so it skips what the other run finished; `fn` is told whether
 * it waited. When `signal` aborts while waiting, `fn` runs without the lock: with the signal aborted it
 * only reads, starting no item.
 */
export async function withJobLock<T>(
  jobId: string,
  signal: AbortSignal | undefined,
  fn: (waited: boolean) => Promise<T>,
): Promise<T> {
  const name = `bulwark-job:${jobId}`;
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks) {
    // Free: run at once. Held: wait, and tell `fn` it waited.
    const free = await locks.request(name, { ifAvailable: true }, async (lock) =>
      lock ? { result: await fn(false) } : undefined,
    );
    if (free) return free.result;
    try {
      return await locks.request(name, signal ? { signal } : {}, () => fn(true));
    } catch (error) {
      if (signal?.aborted && error instanceof DOMException && error.name === 'AbortError') return fn(true);
      throw error;
    }
  }
  const before = queues.get(name);
  const run = () => fn(before !== undefined);
  const mine = (before ?? Promise.resolve()).then(run, run);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  queues.set(name, settled);
  try {
    return await mine;
  } finally {
    if (queues.get(name) === settled) queues.delete(name);
  }
}

/** Options for {@link createBurstGuard}. */
export interface BurstGuardOptions {
  /** Items handled at once in one task; the rest of a burst waits for later tasks. @default 100 */
  limit?: number;
  /** Items kept waiting at most; beyond that they are only counted. @default 10_000 */
  maxPending?: number;
  /** Runs a callback in a later task. @default setTimeout(fn, 0) */
  schedule?: (task: () => void) => void;
}

export const DEFAULT_BURST_LIMIT = 100;
export const DEFAULT_MAX_PENDING = 10_000;

/** Spreads a burst of work over several tasks so that no single task runs long. */
export interface BurstGuard<T> {
  /** Handles `item` now if this task's allowance is not used up, else queues it. True when handled now. */
  run: (item: T) => boolean;
  /** Handles everything queued, now (tests, page unload, server rendering). */
  flush: () => void;
  /** Items queued and not yet handled. */
  pending: () => number;
}

/**
 * Wraps a handler so that at most `limit` items are handled per task: a storm of 10,000 errors
 * thrown in one loop becomes 100 short tasks instead of one long one that freezes the page
 * (issue 4: never a long task over 50 ms). Items past `maxPending` are dropped and counted;
 * `onDropped(count)` hears about them once the queue drains.
 */
export function createBurstGuard<T>(
  handle: (item: T) => void,
  onDropped: (count: number) => void,
  options: BurstGuardOptions = {},
): BurstGuard<T> {
  const limit = options.limit ?? DEFAULT_BURST_LIMIT;
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const schedule = options.schedule ?? ((task: () => void) => void setTimeout(task, 0));
  const queue: T[] = [];
  let handledThisTask = 0;
  let taskScheduled = false;
  let dropped = 0;

  const drain = (max: number) => {
    const batch = queue.splice(0, max);
    for (const item of batch) handle(item);
    if (queue.length === 0 && dropped > 0) {
      const count = dropped;
      dropped = 0;
      onDropped(count);
    }
  };

  // One task at a time: it resets this task's allowance and handles the next slice of the queue.
  const nextTask = () => {
    if (taskScheduled) return;
    taskScheduled = true;
    schedule(() => {
      taskScheduled = false;
      handledThisTask = 0;
      if (queue.length === 0 && dropped === 0) return;
      handledThisTask = limit;
      drain(limit);
      nextTask();
    });
  };

  const run = (item: T): boolean => {
    nextTask();
    if (handledThisTask < limit && queue.length === 0) {
      handledThisTask += 1;
      handle(item);
      return true;
    }
    if (queue.length < maxPending) queue.push(item);
    else dropped += 1;
    return false;
  };

  const flush = () => drain(queue.length);

  return { run, flush, pending: () => queue.length };
}

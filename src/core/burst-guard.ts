/** Options for {@link createBurstGuard}. */
export interface BurstGuardOptions {
  /**
   * Time, in ms, that handling may take in one task; the rest of a burst waits for later tasks. A time
   * rather than a count, because the cost of one item varies tenfold between cold and warm code
   * (issue 11). @default 4
   */
  budgetMs?: number;
  /**
   * Items a task always handles at once, however long they take: a few errors together never wait,
   * and a cold first capture does not send the next ones to a later task. @default 10
   */
  minItems?: number;
  /** Items handled at most in one task, on top of the time budget. @default Infinity (only the time counts) */
  limit?: number;
  /** Items kept waiting at most; beyond that they are only counted. @default 10_000 */
  maxPending?: number;
  /**
   * Runs a callback in a later task. @default {@link nextTaskScheduler}: `scheduler.postTask` where the
   * browser has it, else `setTimeout(fn, 0)`
   */
  schedule?: (task: () => void) => void;
  /** A clock in ms for the budget, for tests. @default performance.now (Date.now where there is none) */
  now?: () => number;
}

export const DEFAULT_BURST_BUDGET_MS = 4;
export const DEFAULT_BURST_MIN_ITEMS = 10;
export const DEFAULT_MAX_PENDING = 10_000;

interface TaskScheduler {
  postTask: (
    task: () => void,
    options?: { priority?: 'user-blocking' | 'user-visible' | 'background' },
  ) => unknown;
}

/**
 * The default way to reach a later task. `scheduler.postTask` (Chromium 94+, Firefox 142+) is not clamped:
 * after five nested `setTimeout`s every later one waits at least 4 ms (HTML's timer nesting rule), so a
 * storm drained in 4 ms slices spent as long idle as working. Its tasks take turns with input and rendering
 * like any task. `setTimeout` elsewhere (Node, jsdom, Safari), which test fake timers also drive.
 */
export function nextTaskScheduler(): (task: () => void) => void {
  const { scheduler } = globalThis as { scheduler?: Partial<TaskScheduler> };
  const postTask = scheduler?.postTask;
  if (typeof postTask !== 'function') return (task) => void setTimeout(task, 0);
  return (task) => {
    // A task that throws rejects postTask's promise: reported as an uncaught error, as from setTimeout.
    const posted = postTask.call(scheduler, task, { priority: 'user-visible' }) as Promise<void> | undefined;
    posted?.catch?.((error: unknown) => globalThis.reportError?.(error));
  };
}

/** Spreads a burst of work over several tasks so that no single task runs long. */
export interface BurstGuard<T> {
  /** Handles `item` now if this task's budget is not used up, else queues it. True when handled now. */
  run: (item: T) => boolean;
  /** Handles everything queued, now (tests, page unload, server rendering). */
  flush: () => void;
  /** Items queued and not yet handled. */
  pending: () => number;
}

/**
 * Wraps a handler so that handling takes at most `budgetMs` per task: a storm of 10,000 errors thrown
 * in one loop becomes many short tasks instead of one long one that freezes the page (issue 4: never
 * a long task over 50 ms). Items past `maxPending` are dropped and counted; `onDropped(count)` hears
 * about them once the queue drains. `handle` is told whether the item came from the queue, and `endBatch`
 * runs after each slice of the queue, so the owner can publish a slice at once (one store update, not one
 * per item).
 */
export function createBurstGuard<T>(
  handle: (item: T, queued: boolean) => void,
  onDropped: (count: number) => void,
  options: BurstGuardOptions = {},
  endBatch: () => void = () => {},
): BurstGuard<T> {
  const budget = options.budgetMs ?? DEFAULT_BURST_BUDGET_MS;
  const limit = options.limit ?? Infinity;
  const minItems = Math.min(options.minItems ?? DEFAULT_BURST_MIN_ITEMS, limit);
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const schedule = options.schedule ?? nextTaskScheduler();
  const clock = globalThis.performance;
  const now = options.now ?? (clock ? () => clock.now() : Date.now);
  // A read index instead of `shift()`, which copies the rest of a 10,000-item queue on each call.
  const queue: T[] = [];
  let head = 0;
  const waiting = () => queue.length - head;
  // Time spent and items handled in the current task; both reset when the next task starts.
  let spent = 0;
  let handledThisTask = 0;
  let taskScheduled = false;
  let dropped = 0;

  /**
   * Handles queued items until `more(elapsed, handled, slowest)` says stop, then publishes them as one batch.
   * `slowest` is the longest item of this slice so far, in ms.
   */
  const drain = (more: (elapsed: number, handled: number, slowest: number) => boolean) => {
    const start = now();
    let before = start;
    let slowest = 0;
    let handled = 0;
    try {
      while (waiting() > 0 && more(before - start, handled, slowest)) {
        handled += 1;
        const item = queue[head] as T;
        queue[head++] = undefined as T;
        handle(item, true);
        const after = now();
        slowest = Math.max(slowest, after - before);
        before = after;
      }
      if (waiting() === 0) queue.length = head = 0;
      if (queue.length === 0 && dropped > 0) {
        const count = dropped;
        dropped = 0;
        onDropped(count);
      }
    } finally {
      endBatch();
    }
  };

  // One task at a time: it starts this task's budget afresh and handles the next slice of the queue.
  const nextTask = () => {
    if (taskScheduled) return;
    taskScheduled = true;
    schedule(() => {
      taskScheduled = false;
      spent = 0;
      handledThisTask = 0;
      if (waiting() === 0 && dropped === 0) return;
      // At least one item per task, so a budget smaller than one item still makes progress. A slice goes
      // on only while one more item as slow as its slowest so far still fits: on cold code one capture took a
      // few ms, and checking only the time spent let a slice run to nearly twice its budget (issue 11).
      drain((elapsed, handled, slowest) => handled === 0 || (elapsed + slowest <= budget && handled < limit));
      spent = budget;
      nextTask();
    });
  };

  const run = (item: T): boolean => {
    nextTask();
    if ((spent < budget || handledThisTask < minItems) && handledThisTask < limit && waiting() === 0) {
      const start = now();
      handledThisTask += 1;
      try {
        handle(item, false);
      } finally {
        spent += now() - start;
      }
      return true;
    }
    if (waiting() < maxPending) queue.push(item);
    else dropped += 1;
    return false;
  };

  const flush = () => drain(() => true);

  return { run, flush, pending: waiting };
}

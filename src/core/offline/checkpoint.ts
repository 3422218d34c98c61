import { createDraftStore } from './draft-store';
import type { DraftStore } from './draft-types';

/** What a checkpoint holds: the finished items with their results, and a cursor of the job's own. */
export interface CheckpointState<R = unknown, C = unknown> {
  /** Item id → the result recorded by `markDone` (`undefined` when none was given). */
  readonly done: ReadonlyMap<string, R | undefined>;
  /** The last `setCursor` value, or `undefined`. */
  readonly cursor: C | undefined;
  /** The id `runId()` recorded for this run of the job, or `undefined` before it was asked. */
  readonly runId: string | undefined;
  /** True when the job's last run completed and no new run has recorded anything since. */
  readonly completed: boolean;
}

/** A job's progress, persisted after each step so a reload or crash resumes where it stopped. */
export interface Checkpoint<R = unknown, C = unknown> {
  /** Reads what was recorded (across reloads). */
  load(): Promise<CheckpointState<R, C>>;
  /** Records that `itemId` finished (with its result, which must be storable); resolves once written. */
  markDone(itemId: string | number, result?: R): Promise<void>;
  /** Records a position of the job's own (a page token, an offset …). */
  setCursor(cursor: C): Promise<void>;
  /**
   * This run's id (a random UUID): the one recorded, or a new one recorded now. The same after a reload
   * until `complete()` or `abandon()`, new for the next job of the same id, so keys derived from it
   * (see `JobWorkerContext.idempotencyKey`) repeat only for a retry of the same work.
   */
  runId(): Promise<string>;
  /**
   * The job finished: forgets its records, so the id can start a new job, and leaves a marker saying so
   * (`completed` in `load()`) until the next run records something.
   */
  complete(): Promise<void>;
  /** The job was given up (cancelled): forgets its records, like `complete`. */
  abandon(): Promise<void>;
}

/** Options for {@link createCheckpoint}. */
export interface CheckpointOptions {
  /** Where records are kept. @default a `createDraftStore()` of its own */
  store?: DraftStore;
}

/**
 * A checkpoint for job `jobId`, kept in a draft store (IndexedDB, else localStorage, else memory) as one
 * small record per finished item, so recording an item costs the same at item 10 and item 10,000.
 *
 * @example
 * const checkpoint = createCheckpoint('import:2026-11');
 * const { done } = await checkpoint.load();
 * for (const row of rows) if (!done.has(row.id)) await checkpoint.markDone(row.id, await upload(row));
 * await checkpoint.complete();
 */
export function createCheckpoint<R = unknown, C = unknown>(
  jobId: string,
  options: CheckpointOptions = {},
): Checkpoint<R, C> {
  const store = options.store ?? createDraftStore();
  // Encoded, so job `import` never lists (and `complete` never deletes) the records of job `import:2`.
  const prefix = `job:${encodeURIComponent(jobId)}:`;
  const donePrefix = `${prefix}done:`;
  const cursorKey = `${prefix}cursor`;
  const runKey = `${prefix}run`;
  const completedKey = `${prefix}completed`;
  const forget = async () => {
    const entries = await store.list(prefix);
    await Promise.all(entries.map((entry) => store.remove(entry.key)));
  };
  return {
    async load() {
      const done = new Map<string, R | undefined>();
      let cursor: C | undefined;
      let runId: string | undefined;
      let completed = false;
      for (const entry of await store.list(prefix)) {
        // A record someone else wrote, or one cut short, is ignored rather than failing the job.
        const value = (typeof entry.value === 'object' && entry.value !== null ? entry.value : {}) as {
          result?: R;
          cursor?: C;
          runId?: string;
        };
        if (entry.key.startsWith(donePrefix)) done.set(entry.key.slice(donePrefix.length), value.result);
        else if (entry.key === cursorKey) cursor = value.cursor;
        else if (entry.key === runKey) runId = typeof value.runId === 'string' ? value.runId : undefined;
        else if (entry.key === completedKey) completed = true;
      }
      return { done, cursor, runId, completed };
    },
    async runId() {
      const recorded = (await store.load<{ runId?: unknown } | null>(runKey, { maxAgeMs: Infinity }))?.value
        ?.runId;
      if (typeof recorded === 'string' && recorded) return recorded;
      const runId = newRunId();
      await store.remove(completedKey);
      await store.save(runKey, { runId });
      return runId;
    },
    async markDone(itemId, result) {
      await store.save(`${donePrefix}${String(itemId)}`, { result });
    },
    async setCursor(cursor) {
      await store.save(cursorKey, { cursor });
    },
    async complete() {
      await forget();
      await store.save(completedKey, {});
    },
    abandon: forget,
  };
}

const newRunId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

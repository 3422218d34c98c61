import type { Policy } from '../policies/types';
import { createCheckpoint } from './checkpoint';
import { createDraftStore } from './draft-store';
import { withJobLock } from './job-lock';
import type { DraftCapture, DraftStore } from './draft-types';

/** How far a job is. Counts of items. */
export interface JobProgress {
  readonly total: number;
  /** Finished, in this run or an earlier one. */
  readonly done: number;
  /** Failed in this run (after the retry policy); tried again on the next run. */
  readonly failed: number;
  /** Neither done nor failed: not reached yet, or stopped by an abort. */
  readonly remaining: number;
}

/** An item that failed, with its final error. */
export interface JobFailure {
  readonly id: string;
  readonly error: unknown;
}

/** What {@link runResumable} resolves with. */
export interface JobReport extends JobProgress {
  readonly failures: readonly JobFailure[];
  /** True when `signal` stopped the run. */
  readonly aborted: boolean;
}

/** What the worker receives besides its item. */
export interface JobWorkerContext {
  /** Aborted when the run is stopped (pass it to `fetch`). */
  readonly signal: AbortSignal;
  /** 1 for the first call, more when the retry policy tries again. */
  readonly attempt: number;
  /**
   * A key for this item in this run of the job: `<runId>:<item id, URI-encoded>`, ASCII only, so it fits
   * an `Idempotency-Key` header. The same on every attempt and after a reload (the run id is in the
   * checkpoint), so a server that dedupes by it makes the rerun of an item that was in flight when the
   * page died harmless; new once the job completes or is abandoned, so the next job of the same id is
   * not mistaken for a repeat. Built from the item's id, not its index: an index moves when the list
   * changes between runs.
   */
  readonly idempotencyKey: string;
}

/** Options for {@link runResumable}. */
export interface RunResumableOptions<T> {
  /** Items worked on at once; not finite or below 1 rejects with a `RangeError`. @default 1 */
  concurrency?: number;
  /** Stops the run: no new item starts; the promise resolves with `aborted: true`. @default none */
  signal?: AbortSignal;
  /** Called at the start and after each item (a listener that throws is ignored). @default none */
  onProgress?: (progress: JobProgress) => void;
  /** Where the checkpoint lives. @default a `createDraftStore()` of its own, closed at the end */
  store?: DraftStore;
  /** An item's id. @default `item.id` */
  getId?: (item: T) => string | number;
  /** Retry policy for a failing item (e.g. `retry({ attempts: 3 })`). @default none: one try */
  retry?: Pick<Policy, 'execute'>;
  /** Where final failures go (a `Resilience`'s `capture`). @default none */
  capture?: DraftCapture;
}

/** An item's id as a string (`getId(item)`, else `item.id`); throws a TypeError naming the item when it has none. */
export const readItemId = <T>(
  item: T,
  getId: ((item: T) => string | number) | undefined,
  index: number,
): string => {
  const id = getId ? getId(item) : (item as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new TypeError(
      `runResumable: item ${index} has no string or number id (give items an \`id\` or pass \`getId\`)`,
    );
  }
  return String(id);
};

/**
 * Runs `worker` for every item not yet done in job `jobId`, recording each success in a checkpoint
 * before it counts, so a later call (after a reload or crash) starts at the first unfinished item and
 * never redoes a finished one. An item in flight when the page died had no record yet and runs again:
 * send `context.idempotencyKey` (stable for the item across attempts and reloads) so the server can
 * drop the repeat. When every item is done the
 * checkpoint is forgotten. One run of a job id at a time, across tabs (Web Locks): a second call waits
 * for the first, then skips what it finished. Rejects only for bad input (an item without an id, a
 * duplicate id, a bad `concurrency`), before any worker runs; worker failures are reported in the result and through `capture`.
 *
 * @example
 * const report = await runResumable('send-invites', invites, (invite, { signal, idempotencyKey }) =>
 *   fetch('/api/invite', { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(invite), signal }),
 * { concurrency: 4, retry: retry({ attempts: 3 }), capture: resilience.capture });
 * // { total: 100, done: 100, failed: 0, remaining: 0, failures: [], aborted: false }
 */
export async function runResumable<T, R = unknown>(
  jobId: string,
  items: readonly T[],
  worker: (item: T, context: JobWorkerContext) => R | PromiseLike<R>,
  options: RunResumableOptions<T> = {},
): Promise<JobReport> {
  const { signal, onProgress, getId, retry, capture } = options;
  const concurrency = options.concurrency ?? 1;
  if (!Number.isFinite(concurrency) || concurrency < 1)
    throw new RangeError(
      `runResumable: concurrency must be a number of 1 or more, got ${String(concurrency)}`,
    );
  const ids = items.map((item, index) => readItemId(item, getId, index));
  if (new Set(ids).size !== ids.length)
    throw new TypeError(`runResumable: job ${jobId} has duplicate item ids`);

  const store = options.store ?? createDraftStore({ capture });
  const checkpoint = createCheckpoint<R>(jobId, { store });
  // One run of a job at a time (two tabs, two hooks, a double click): the second waits, then reads the
  // checkpoint the first one left, so no item runs twice.
  return withJobLock(jobId, signal, async (waited) => {
    try {
      const { done: finished, completed } = await checkpoint.load();
      // The run this one waited for completed the job: this was the same request twice, not a new job.
      if (waited && completed)
        return { total: ids.length, done: ids.length, failed: 0, remaining: 0, failures: [], aborted: false };
      const runId = await checkpoint.runId();
      const pending = items.flatMap((item, index) => {
        const id = ids[index] ?? '';
        return finished.has(id) ? [] : [{ item, id }];
      });
      let done = ids.length - pending.length;
      const failures: JobFailure[] = [];
      const progress = (): JobProgress => ({
        total: ids.length,
        done,
        failed: failures.length,
        remaining: ids.length - done - failures.length,
      });
      const tell = () => {
        try {
          onProgress?.(progress());
        } catch {
          // A progress bar's bug must not stop the job.
        }
      };
      const stopped = signal ?? new AbortController().signal;

      const runOne = async ({ item, id }: { item: T; id: string }) => {
        let result: R;
        const idempotencyKey = `${runId}:${encodeURIComponent(id)}`;
        try {
          result = await (retry
            ? retry.execute((context) => worker(item, { ...context, idempotencyKey }), stopped)
            : worker(item, { signal: stopped, attempt: 1, idempotencyKey }));
        } catch (error) {
          // Stopped, not failed: the item stays unfinished for the next run.
          if (stopped.aborted) return;
          failures.push({ id, error });
          try {
            capture?.(error, { source: 'job', name: jobId, tags: { item: id } });
          } catch {
            // A broken capture must not stop the job.
          }
          tell();
          return;
        }
        // Recorded before it counts and before the next item starts. A result that cannot be stored is
        // dropped rather than redoing the item.
        await checkpoint.markDone(id, result).catch(() => checkpoint.markDone(id));
        done++;
        tell();
      };

      tell();
      let next = 0;
      const lane = async () => {
        for (let job = pending[next]; job && !stopped.aborted; job = pending[next]) {
          next++;
          await runOne(job);
        }
      };
      await Promise.all(Array.from({ length: Math.min(Math.floor(concurrency), pending.length) }, lane));
      const report: JobReport = { ...progress(), failures, aborted: stopped.aborted };
      if (report.done === report.total) await checkpoint.complete();
      return report;
    } finally {
      if (!options.store) store.close();
    }
  });
}

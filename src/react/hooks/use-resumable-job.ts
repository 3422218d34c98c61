import { useCallback, useEffect, useRef, useState } from 'react';
import { createCheckpoint } from '../../core/offline/checkpoint';
import { createDraftStore } from '../../core/offline/draft-store';
import type { DraftStore } from '../../core/offline/draft-types';
import {
  readItemId,
  runResumable,
  type JobProgress,
  type JobReport,
  type JobWorkerContext,
  type RunResumableOptions,
} from '../../core/offline/run-resumable';
import { useOptionalResilience } from '../resilience-context';

/**
 * `checking`: reading the checkpoint; `idle`: nothing done yet; `interrupted`: an earlier run stopped
 * part-way (offer `resume()`); `running`; `done`; `failed`: some items failed (`resume()` tries them
 * again); `cancelled`: stopped by `cancel()`, progress forgotten.
 */
export type ResumableJobStatus =
  'checking' | 'idle' | 'interrupted' | 'running' | 'done' | 'failed' | 'cancelled';

/** What {@link useResumableJob} returns. */
export interface ResumableJob {
  readonly status: ResumableJobStatus;
  /** Counts for a progress bar (`done / total`). */
  readonly progress: JobProgress;
  /** The last run's report, once one ended. */
  readonly report: JobReport | undefined;
  /** Starts the job, or resumes it at the first unfinished item. Does nothing while it runs. */
  resume: () => Promise<JobReport | undefined>;
  /** Stops the run (in-flight items get an aborted signal) and forgets the checkpoint. */
  cancel: () => Promise<void>;
}

/** Options of {@link useResumableJob}: those of `runResumable` but `signal` and `onProgress`. */
export type UseResumableJobOptions<T> = Omit<RunResumableOptions<T>, 'signal' | 'onProgress'>;

const idle = (total: number): JobProgress => ({ total, done: 0, failed: 0, remaining: total });

/**
 * A resumable batch job for a component: progress for a progress bar, `resume()` and `cancel()`. On mount
 * it reads the checkpoint and reports `interrupted` when an earlier run stopped part-way (a reload, a
 * crash), so the page can offer to resume. Unmounting stops a run cleanly; it resumes where it stopped.
 *
 * @example
 * const job = useResumableJob('import:rows', rows, (row, { signal }) => upload(row, signal), { concurrency: 2 });
 * <progress value={job.progress.done} max={job.progress.total} />
 * {job.status === 'interrupted' && <button onClick={() => void job.resume()}>Resume</button>}
 */
export function useResumableJob<T>(
  jobId: string,
  items: readonly T[],
  worker: (item: T, context: JobWorkerContext) => unknown,
  options: UseResumableJobOptions<T> = {},
): ResumableJob {
  const resilience = useOptionalResilience();
  const [status, setStatus] = useState<ResumableJobStatus>('checking');
  const [progress, setProgress] = useState<JobProgress>(() => idle(items.length));
  const [report, setReport] = useState<JobReport>();
  const latest = useRef({ items, worker, options });
  const store = useRef<DraftStore>(undefined);
  const running = useRef<{ controller: AbortController; done: Promise<JobReport | undefined> }>(undefined);
  useEffect(() => {
    latest.current = { items, worker, options };
  });

  const storeFor = useCallback((): DraftStore => {
    const given = latest.current.options.store;
    if (given) return given;
    store.current ??= createDraftStore({ capture: resilience?.capture });
    return store.current;
  }, [resilience]);

  // On mount: is there an interrupted run to offer?
  useEffect(() => {
    let live = true;
    const { items: all, options: current } = latest.current;
    void createCheckpoint(jobId, { store: storeFor() })
      .load()
      .then(({ done: finished }) => {
        if (!live || running.current) return;
        const done = all.filter((item, index) => {
          try {
            return finished.has(readItemId(item, current.getId, index));
          } catch {
            // An item without an id: `resume()` reports it.
            return false;
          }
        }).length;
        setProgress({ total: all.length, done, failed: 0, remaining: all.length - done });
        setStatus(done > 0 ? 'interrupted' : 'idle');
      })
      // An unreadable checkpoint offers no resume; `resume()` then reports what fails.
      .catch(() => {
        if (live && !running.current) setStatus('idle');
      });
    // A page going away stops the run cleanly: in-flight items see their signal abort.
    const stop = () => running.current?.controller.abort();
    addEventListener('pagehide', stop);
    return () => {
      live = false;
      removeEventListener('pagehide', stop);
      stop();
      // Closed only once the run has settled: an item that finishes after the abort (a worker that
      // ignores its signal) must still be recorded, or the next visit runs it again.
      const own = store.current;
      store.current = undefined;
      void (running.current?.done ?? Promise.resolve()).finally(() => own?.close());
    };
  }, [jobId, storeFor]);

  const resume = useCallback(() => {
    if (running.current) return running.current.done;
    const controller = new AbortController();
    const { items: all, worker: work, options: current } = latest.current;
    setStatus('running');
    const done = runResumable(jobId, all, work, {
      ...current,
      capture: current.capture ?? resilience?.capture,
      store: storeFor(),
      signal: controller.signal,
      onProgress: setProgress,
    }).then(
      (result) => {
        running.current = undefined;
        setReport(result);
        if (!controller.signal.aborted) setStatus(result.failed > 0 ? 'failed' : 'done');
        return result;
      },
      (error: unknown) => {
        // Bad input (an item without an id): nothing ran.
        running.current = undefined;
        setStatus('failed');
        resilience?.capture(error, { source: 'job', name: jobId });
        return undefined;
      },
    );
    running.current = { controller, done };
    return done;
  }, [jobId, resilience, storeFor]);

  const cancel = useCallback(async () => {
    const run = running.current;
    run?.controller.abort();
    // Forget only after the run has settled, so no late record lands after it.
    await run?.done;
    await createCheckpoint(jobId, { store: storeFor() }).abandon();
    setProgress(idle(latest.current.items.length));
    setStatus('cancelled');
  }, [jobId, storeFor]);

  return { status, progress, report, resume, cancel };
}

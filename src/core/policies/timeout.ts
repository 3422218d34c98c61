import { AppError } from '../errors/app-error';
import { abortError, firstContext } from './abort';
import type { Policy, PolicyContext, PolicyFn } from './types';

/** A timeout policy. */
export type TimeoutPolicy = Required<Policy>;

/**
 * Gives each call `ms` milliseconds: then it aborts the signal handed to `fn` (so a `fetch` really
 * stops) and rejects with an AppError of kind `timeout` (retryable), without waiting for `fn`.
 *
 * @example
 * await timeout(5000).execute(({ signal }) => fetch('/api/report', { signal }));
 */
export function timeout(ms: number): TimeoutPolicy {
  const run = <T>(fn: PolicyFn<T>, outer: PolicyContext): Promise<T> => {
    const controller = new AbortController();
    const { signal } = controller;
    const parent = outer.signal;
    const onParentAbort = () => controller.abort(parent.reason);
    if (parent.aborted) return Promise.reject(abortError(parent));
    parent.addEventListener('abort', onParentAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => {
        controller.abort(
          new AppError(`Timed out after ${ms} ms`, {
            kind: 'timeout',
            retryable: true,
            context: { timeoutMs: ms },
          }),
        );
      }, ms);
      Promise.resolve()
        .then(() => fn({ signal, attempt: outer.attempt }))
        .then(resolve, reject);
    }).finally(() => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
    });
  };
  return { run, execute: (fn, signal) => run(fn, firstContext(signal)) };
}

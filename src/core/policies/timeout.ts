import { AppError } from '../errors/app-error';
import { abortError, policyOf } from './abort';
import { safeTimeout } from '../safe-timeout';
import { invoke } from './invoke';
import { rejectSoon } from './reject-soon';
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
  const run = <T>(fn: PolicyFn<T>, { signal: parent, attempt }: PolicyContext): Promise<T> => {
    if (parent.aborted) return rejectSoon(abortError(parent));
    const controller = new AbortController();
    const { signal } = controller;
    const onParentAbort = () => controller.abort(parent.reason);
    // No `once` on either listener: `finally` removes this one, and a signal aborts only once.
    parent.addEventListener('abort', onParentAbort);
    // `Infinity` (or any bound past 2^31 − 1 ms) means longer than any call, not 1 ms.
    const cancel = safeTimeout(() => {
      controller.abort(
        new AppError(`Timed out after ${ms} ms`, {
          kind: 'timeout',
          retryable: true,
          context: { timeoutMs: ms },
        }),
      );
    }, ms);
    return new Promise<T>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(abortError(signal)));
      invoke(fn, { signal, attempt }).then(resolve, reject);
    }).finally(() => {
      cancel();
      parent.removeEventListener('abort', onParentAbort);
    });
  };
  return policyOf(run);
}

import { AppError, isAppError } from '../errors/app-error';
import { isAbortError } from '../errors/is-abort-error';
import { readProperty } from '../errors/read-property';
import { safeTimeout } from '../safe-timeout';
import type { Policy, PolicyContext, PolicyFn } from './types';

let neverAborted: AbortSignal | undefined;

/** The context of a first attempt; one shared never-aborted signal when the caller gave none (as cockatiel does). */
export const firstContext = (signal: AbortSignal | undefined): PolicyContext => ({
  signal: signal ?? (neverAborted ??= new AbortController().signal),
  attempt: 1,
});

/** A policy from its `run`: `execute` runs a first attempt in {@link firstContext}. */
export const policyOf = <R = never>(
  run: <T>(fn: PolicyFn<T>, context: PolicyContext) => Promise<T | R>,
): Required<Policy<R>> => ({ run, execute: (fn, signal) => run(fn, firstContext(signal)) });

/**
 * The error an aborted signal stands for: its reason when that is an AppError (a timeout policy's), kind
 * `timeout` for the `TimeoutError` of `AbortSignal.timeout()` (the caller's time ran out: a timeout, reported
 * as one, not a cancel), else kind `aborted`.
 */
export function abortError(signal: AbortSignal): AppError {
  const reason: unknown = signal.reason;
  if (isAppError(reason)) return reason;
  return (reason as { name?: unknown } | undefined)?.name === 'TimeoutError'
    ? new AppError('Timed out', { kind: 'timeout', severity: 'warning', retryable: true, cause: reason })
    : new AppError('Aborted', { kind: 'aborted', severity: 'info', cause: reason });
}

/**
 * Whether a failure means "stop" rather than "the service failed": the call's own signal aborted (unless
 * for a timeout), an `AbortError`, or an AppError of kind `aborted`. Such a failure is neutral for a breaker and never
 * answered by a fallback.
 */
export const isAbort = (error: unknown, signal: AbortSignal): boolean =>
  signal.aborted
    ? !isTimeout(signal.reason)
    : isAbortError(error) || (isAppError(error) && error.kind === 'aborted');

/**
 * Whether an abort reason says time ran out (a `timeout` policy outside, `AbortSignal.timeout()`): that is
 * a failure of the service, not the user's "stop", so a breaker counts it (issue 10).
 */
const isTimeout = (reason: unknown): boolean =>
  isAppError(reason) ? reason.kind === 'timeout' : readProperty(reason, 'name') === 'TimeoutError';

/**
 * Waits `ms` (any length: a wait past setTimeout's 2^31 − 1 ms is really waited, not cut to 1 ms),
 * rejecting at once (with {@link abortError}) when `signal` aborts.
 */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(abortError(signal));
    };
    const cancel = safeTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    // No `once`: the timer removes it, and an aborted signal never fires again.
    else signal.addEventListener('abort', onAbort);
  });

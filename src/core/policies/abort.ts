import { AppError, isAppError } from '../errors/app-error';
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

/** The error an aborted signal stands for: its reason when that is an AppError (a timeout), else kind `aborted`. */
export function abortError(signal: AbortSignal): AppError {
  const reason: unknown = signal.reason;
  return isAppError(reason)
    ? reason
    : new AppError('Aborted', { kind: 'aborted', severity: 'info', cause: reason });
}

/** Waits `ms`, rejecting at once (with {@link abortError}) when `signal` aborts. */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    // No `once`: the timer removes it, and an aborted signal never fires again.
    else signal.addEventListener('abort', onAbort);
  });

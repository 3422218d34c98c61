import { isAppError } from '../errors/app-error';
import { abortError, policyOf, sleep } from './abort';
import { exponential, type Backoff } from './backoff';
import { isRetryable } from './outcome';
import { rejectSoon } from './reject-soon';
import type { RetryBudget } from './retry-budget';
import type { Policy, PolicyContext, PolicyFn } from './types';

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** What the failed attempt threw. */
  error: unknown;
  /** The attempt that failed (1 for the first call). */
  attempt: number;
  /** How long the policy waits before the next attempt, in ms. */
  delayMs: number;
}

/** Options for {@link retry}. */
export interface RetryOptions {
  /** Calls in all, counting the first. @default 3 */
  attempts?: number;
  /** Delay before each retry. @default exponential() (200 ms doubling to 30 s, full jitter) */
  backoff?: Backoff;
  /** Which failures are worth another try. @default isRetryable (retryable flag; never aborts, circuit-open or 4xx but 408/425/429) */
  retryOn?: (error: unknown, attempt: number) => boolean;
  /** Told before each wait; an error thrown here is ignored. @default none */
  onRetry?: (event: RetryEvent) => void;
  /** A token bucket shared by policies, so retries stop when a service is down. @default none */
  budget?: RetryBudget;
  /** Longest wait a server's `Retry-After` may ask for, in ms. @default 30000 */
  maxRetryAfterMs?: number;
}

/** A retry policy. */
export type RetryPolicy = Required<Policy>;

/**
 * Retries a failing call with backoff. Waits at least what the server asked (`retryAfterMs` from
 * `Retry-After`, capped by `maxRetryAfterMs`); aborting the signal ends the wait at once.
 *
 * @example
 * const policy = retry({ attempts: 4, backoff: exponential({ initialMs: 100 }) });
 * const items = await policy.execute(({ signal }) => api.get('/items', { signal }));
 */
export function retry(options: RetryOptions = {}): RetryPolicy {
  const {
    attempts = 3,
    backoff = exponential(),
    retryOn = isRetryable,
    onRetry,
    budget,
    maxRetryAfterMs = 30_000,
  } = options;

  const recordSuccess = budget
    ? <T>(result: T): T => {
        budget.recordSuccess();
        return result;
      }
    : undefined;

  /** After attempt `attempt` failed with `error`: wait and try again, or give up with the error. */
  const retryAfter = async <T>(
    fn: PolicyFn<T>,
    signal: AbortSignal,
    error: unknown,
    attempt: number,
  ): Promise<T> => {
    let previousMs = 0;
    for (;;) {
      if (signal.aborted) throw abortError(signal);
      if (attempt >= attempts || !retryOn(error, attempt) || (budget && !budget.tryAcquire())) throw error;
      const asked = isAppError(error) ? error.retryAfterMs : undefined;
      previousMs = backoff(attempt, previousMs);
      const delayMs =
        asked === undefined ? previousMs : Math.max(previousMs, Math.min(asked, maxRetryAfterMs));
      try {
        onRetry?.({ error, attempt, delayMs });
      } catch {
        // A listener's bug must not change the outcome of the call.
      }
      await sleep(delayMs, signal);
      try {
        const result = await fn({ signal, attempt: ++attempt });
        budget?.recordSuccess();
        return result;
      } catch (next) {
        error = next;
      }
    }
  };

  // The first attempt runs without an async frame: most calls succeed, and this keeps them cheap.
  const run = <T>(fn: PolicyFn<T>, outer: PolicyContext): Promise<T> => {
    const { signal } = outer;
    if (signal.aborted) return rejectSoon(abortError(signal));
    let first: T | PromiseLike<T>;
    try {
      first = fn(outer.attempt === 1 ? outer : { signal, attempt: 1 });
    } catch (error) {
      return retryAfter(fn, signal, error, 1);
    }
    return Promise.resolve(first).then<T, T>(recordSuccess, (error: unknown) =>
      retryAfter(fn, signal, error, 1),
    );
  };

  return policyOf(run);
}

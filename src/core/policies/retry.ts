import { isAppError } from '../errors/app-error';
import { abortError, policyOf, sleep } from './abort';
import { exponential, type Backoff } from './backoff';
import { invoke } from './invoke';
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
  /**
   * Time the whole call may take, from the start of its first attempt, in ms. A wait (backoff or
   * `Retry-After`) that would end after it is not started: the call gives up at once with the last
   * error. It does not cut a running attempt: put `timeout(deadlineMs)` outside for that, as
   * `resilientFetch` does. @default none (waits are bounded by `maxRetryAfterMs` alone)
   */
  deadlineMs?: number;
}

/** Calls in all of a retry policy by default, counting the first. */
export const DEFAULT_ATTEMPTS = 3;

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
    attempts = DEFAULT_ATTEMPTS,
    backoff = exponential(),
    retryOn = isRetryable,
    onRetry,
    budget,
    maxRetryAfterMs = 30_000,
    deadlineMs,
  } = options;

  const recordSuccess = budget
    ? <T>(result: T): T => {
        budget.recordSuccess();
        return result;
      }
    : undefined;

  /** Runs one attempt in `context`; a failure goes to `retryAfter`. No async frame: most calls succeed. */
  const attemptIn = <T>(
    fn: PolicyFn<T>,
    context: PolicyContext,
    previousMs: number,
    deadline: number,
  ): Promise<T> => {
    const { signal } = context;
    if (signal.aborted) return rejectSoon(abortError(signal));
    return invoke(fn, context).then<T, T>(recordSuccess, (error: unknown) =>
      retryAfter(fn, context, error, previousMs, deadline),
    );
  };

  /** After the attempt of `context` failed with `error`: wait and try again, or give up with the error. */
  const retryAfter = async <T>(
    fn: PolicyFn<T>,
    { signal, attempt }: PolicyContext,
    error: unknown,
    previousMs: number,
    deadline: number,
  ): Promise<T> => {
    if (signal.aborted) throw abortError(signal);
    if (attempt >= attempts || !retryOn(error, attempt) || (budget && !budget.tryAcquire())) throw error;
    // At least what the server asked for (`Retry-After`), up to maxRetryAfterMs.
    const askedMs = isAppError(error) ? (error.retryAfterMs ?? 0) : 0;
    previousMs = backoff(attempt, previousMs);
    const delayMs = Math.max(previousMs, Math.min(askedMs, maxRetryAfterMs));
    // Waiting past the caller's deadline only to fail then: fail now, with what the server said.
    if (Date.now() + delayMs >= deadline) throw error;
    try {
      onRetry?.({ error, attempt, delayMs });
    } catch {
      // A listener's bug must not change the outcome of the call.
    }
    await sleep(delayMs, signal);
    return attemptIn(fn, { signal, attempt: attempt + 1 }, previousMs, deadline);
  };

  const run = <T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T> =>
    attemptIn(
      fn,
      context.attempt === 1 ? context : { signal: context.signal, attempt: 1 },
      0,
      deadlineMs === undefined ? Infinity : Date.now() + deadlineMs,
    );

  return policyOf(run);
}

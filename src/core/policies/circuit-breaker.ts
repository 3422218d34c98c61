import { firstContext } from './abort';
import { BrokenCircuitError } from './broken-circuit-error';
import { FailureWindow } from './failure-window';
import { createListeners } from './listeners';
import { isServiceFailure } from './outcome';
import type { Policy, PolicyContext, PolicyFn } from './types';

/** `isolated` is a manual hold from {@link CircuitBreaker.isolate}. */
export type CircuitState = 'closed' | 'open' | 'half-open' | 'isolated';

/** Why a breaker changed state. */
export type CircuitReason =
  | 'consecutive-failures'
  | 'failure-rate'
  | 'half-open-after'
  | 'trial-succeeded'
  | 'trial-failed'
  | 'isolated'
  | 'released';

/** A state change, as told to `subscribe` listeners. */
export interface CircuitTransition {
  name: string;
  from: CircuitState;
  to: CircuitState;
  reason: CircuitReason;
  /** Epoch ms. */
  at: number;
  /** When it lets a trial call through (epoch ms), for a transition to `open`. */
  nextAttemptAt: number | undefined;
  /** The failure that opened it, for `consecutive-failures`, `failure-rate` and `trial-failed`. */
  error?: unknown;
}

/** The breaker's state; a new object only on a transition (ready for `useSyncExternalStore`). */
export interface CircuitSnapshot {
  name: string;
  state: CircuitState;
  /** Epoch ms of the last transition (creation time at first). */
  since: number;
  /** While `open`: epoch ms from which a trial call goes through. */
  nextAttemptAt: number | undefined;
  reason: CircuitReason | undefined;
}

/**
 * Options for {@link circuitBreaker}. The defaults trip at one browser tab's request rates: 5
 * failures in a row, or at least half of at least 10 calls in 30 s.
 */
export interface CircuitBreakerOptions {
  /** Names the service (registry key, reports, `useCircuit`). @default 'default' */
  name?: string;
  /** Consecutive failures that open it; `Infinity` uses the rate alone. @default 5 */
  failureThreshold?: number;
  /** Share of failed calls in the window that opens it. @default 0.5 */
  failureRate?: number;
  /** Calls the window needs before the rate counts; `Infinity` uses consecutive failures alone. @default 10 */
  minimumCalls?: number;
  /** Length of the failure-rate window, in ms. @default 30000 */
  windowMs?: number;
  /** How long it stays open before a trial call, in ms. @default 30000 */
  halfOpenAfterMs?: number;
  /** Trial calls let through while half-open; callers beyond it fast-fail. It closes when all succeed. @default 1 */
  halfOpenMaxCalls?: number;
  /** Which errors count against the service. @default isServiceFailure (not aborts, not 4xx but 408/429) */
  isFailure?: (error: unknown) => boolean;
}

/** A circuit breaker: a policy with a state you can watch and hold open. */
export interface CircuitBreaker extends Required<Policy> {
  readonly name: string;
  /** Holds it open (fast-failing every call) until every handle is released; then it closes. */
  readonly isolate: () => { release: () => void };
  /** Calls `listener` on every transition; returns the unsubscribe. */
  readonly subscribe: (listener: (transition: CircuitTransition) => void) => () => void;
  readonly getSnapshot: () => CircuitSnapshot;
}

/**
 * Stops calling a failing service for a while, so it can recover and the user gets a fast answer.
 * Closed → open after `failureThreshold` failures in a row or `failureRate` of `minimumCalls` in
 * `windowMs`; open → half-open on the first call after `halfOpenAfterMs` (no timers); half-open →
 * closed when `halfOpenMaxCalls` trials succeed, back to open when one fails. Open calls reject
 * with a {@link BrokenCircuitError} carrying `retryAt`.
 *
 * @example
 * const payments = circuitBreaker({ name: 'payments' });
 * await payments.execute(({ signal }) => fetch('/api/pay', { signal }));
 */
export function circuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const {
    name = 'default',
    failureThreshold = 5,
    failureRate = 0.5,
    minimumCalls = 10,
    windowMs = 30_000,
    halfOpenAfterMs = 30_000,
    halfOpenMaxCalls = 1,
    isFailure = isServiceFailure,
  } = options;
  const listeners = createListeners<CircuitTransition>();
  const counts = new FailureWindow(windowMs);
  let snapshot: CircuitSnapshot = {
    name,
    state: 'closed',
    since: Date.now(),
    nextAttemptAt: undefined,
    reason: undefined,
  };
  let state: CircuitState = 'closed';
  let generation = 0; // bumped on every transition: late results of an earlier state are ignored
  let consecutive = 0;
  let trials = 0;
  let successes = 0;
  let isolations = 0;
  let openError: BrokenCircuitError | undefined; // one error per open period: fast-fail allocates nothing

  const transition = (to: CircuitState, reason: CircuitReason, error?: unknown) => {
    const at = Date.now();
    const from = state;
    state = to;
    generation++;
    consecutive = trials = successes = 0;
    openError = undefined;
    if (to === 'closed') counts.reset(at);
    const nextAttemptAt = to === 'open' ? at + halfOpenAfterMs : undefined;
    snapshot = { name, state: to, since: at, nextAttemptAt, reason };
    listeners.emit({ name, from, to, reason, at, nextAttemptAt, error });
  };

  const admit = (): number => {
    if (state === 'closed') return generation;
    const now = Date.now();
    if (state === 'open' && now >= (snapshot.nextAttemptAt ?? 0)) transition('half-open', 'half-open-after');
    if (state === 'half-open' && trials < halfOpenMaxCalls) {
      trials++;
      return generation;
    }
    if (state === 'open') throw (openError ??= new BrokenCircuitError(name, snapshot.nextAttemptAt, now));
    throw new BrokenCircuitError(name, state === 'half-open' ? now : undefined, now);
  };

  const settle = (admitted: number, error: unknown, failed: boolean) => {
    if (admitted !== generation) return;
    if (state === 'half-open') {
      if (failed) transition('open', 'trial-failed', error);
      else if (++successes >= halfOpenMaxCalls) transition('closed', 'trial-succeeded');
      return;
    }
    counts.record(failed, Date.now());
    if (!failed) consecutive = 0;
    else if (++consecutive >= failureThreshold) transition('open', 'consecutive-failures', error);
    else if (counts.calls >= minimumCalls && counts.failures >= failureRate * counts.calls)
      transition('open', 'failure-rate', error);
  };

  const run = async <T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T> => {
    const admitted = admit();
    let result: T;
    try {
      result = await fn(context);
    } catch (error) {
      settle(admitted, error, isFailure(error));
      throw error;
    }
    settle(admitted, undefined, false);
    return result;
  };

  return {
    name,
    run,
    execute: (fn, signal) => run(fn, firstContext(signal)),
    isolate: () => {
      if (isolations++ === 0) transition('isolated', 'isolated');
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          if (--isolations === 0) transition('closed', 'released');
        },
      };
    },
    subscribe: listeners.add,
    getSnapshot: () => snapshot,
  };
}

import { firstContext } from './abort';
import { BrokenCircuitError } from './broken-circuit-error';
import { FailureWindow } from './failure-window';
import { emit } from './listeners';
import { isServiceFailure } from './outcome';
import { rejectSoon } from './reject-soon';
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
  return new Breaker(options);
}

// A class, not closures: a breaker per service (and per test) stays near 1 kB (see bench/).
class Breaker implements CircuitBreaker {
  readonly name: string;
  #failureThreshold: number;
  #failureRate: number;
  #minimumCalls: number;
  #halfOpenAfterMs: number;
  #halfOpenMaxCalls: number;
  #isFailure: (error: unknown) => boolean;
  #counts: FailureWindow;
  #listeners: Set<(transition: CircuitTransition) => void> | undefined;
  #snapshot: CircuitSnapshot;
  #state: CircuitState = 'closed';
  #generation = 0; // bumped on every transition: late results of an earlier state are ignored
  #consecutive = 0;
  #trials = 0;
  #successes = 0;
  #isolations = 0;
  #openError: BrokenCircuitError | undefined;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name ?? 'default';
    this.#failureThreshold = options.failureThreshold ?? 5;
    this.#failureRate = options.failureRate ?? 0.5;
    this.#minimumCalls = options.minimumCalls ?? 10;
    this.#halfOpenAfterMs = options.halfOpenAfterMs ?? 30_000;
    this.#halfOpenMaxCalls = options.halfOpenMaxCalls ?? 1;
    this.#isFailure = options.isFailure ?? isServiceFailure;
    this.#counts = new FailureWindow(options.windowMs ?? 30_000);
    this.#snapshot = {
      name: this.name,
      state: 'closed',
      since: Date.now(),
      nextAttemptAt: undefined,
      reason: undefined,
    };
  }

  readonly subscribe = (listener: (transition: CircuitTransition) => void): (() => void) => {
    (this.#listeners ??= new Set()).add(listener);
    return () => {
      this.#listeners?.delete(listener);
    };
  };

  readonly getSnapshot = (): CircuitSnapshot => this.#snapshot;

  execute<T>(fn: PolicyFn<T>, signal?: AbortSignal): Promise<T> {
    return this.run(fn, firstContext(signal));
  }

  run<T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T> {
    if (this.#state === 'closed') return this.#guarded(fn, context, this.#generation);
    const admitted = this.#admit();
    return typeof admitted === 'number' ? this.#guarded(fn, context, admitted) : rejectSoon(admitted);
  }

  isolate(): { release: () => void } {
    if (this.#isolations++ === 0) this.#transition('isolated', 'isolated');
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        if (--this.#isolations === 0) this.#transition('closed', 'released');
      },
    };
  }

  #transition(to: CircuitState, reason: CircuitReason, error?: unknown): void {
    const at = Date.now();
    const from = this.#state;
    const name = this.name;
    this.#state = to;
    this.#generation++;
    this.#consecutive = this.#trials = this.#successes = 0;
    this.#openError = undefined;
    if (to === 'closed') this.#counts.reset();
    const nextAttemptAt = to === 'open' ? at + this.#halfOpenAfterMs : undefined;
    this.#snapshot = { name, state: to, since: at, nextAttemptAt, reason };
    if (this.#listeners) emit(this.#listeners, { name, from, to, reason, at, nextAttemptAt, error });
  }

  /** The generation the call is admitted in, or the error it fast-fails with. */
  #admit(): number | BrokenCircuitError {
    const now = Date.now();
    if (this.#state === 'open' && now >= (this.#snapshot.nextAttemptAt ?? 0)) {
      this.#transition('half-open', 'half-open-after');
    }
    if (this.#state === 'half-open') {
      if (this.#trials >= this.#halfOpenMaxCalls) return new BrokenCircuitError(this.name, now, now);
      this.#trials++;
      return this.#generation;
    }
    // One error per open (or isolated) period: stack capture is most of a fast-fail's cost, and
    // `capture` then records the period once. `retryAt` is exact; `retryAfterMs` is as of the first.
    return (this.#openError ??= new BrokenCircuitError(this.name, this.#snapshot.nextAttemptAt, now));
  }

  #guarded<T>(fn: PolicyFn<T>, context: PolicyContext, admitted: number): Promise<T> {
    let pending: T | PromiseLike<T>;
    try {
      pending = fn(context);
    } catch (error) {
      this.#failed(admitted, error);
      return rejectSoon(error);
    }
    return Promise.resolve(pending).then(
      (result) => {
        this.#succeeded(admitted);
        return result;
      },
      (error: unknown) => {
        this.#failed(admitted, error);
        throw error;
      },
    );
  }

  #succeeded(admitted: number): void {
    if (admitted !== this.#generation) return;
    if (this.#state === 'half-open') {
      if (++this.#successes >= this.#halfOpenMaxCalls) this.#transition('closed', 'trial-succeeded');
      return;
    }
    this.#consecutive = 0;
    this.#counts.success(Date.now);
  }

  #failed(admitted: number, error: unknown): void {
    if (admitted !== this.#generation) return;
    if (!this.#isFailure(error)) {
      this.#succeeded(admitted);
      return;
    }
    if (this.#state === 'half-open') {
      this.#transition('open', 'trial-failed', error);
      return;
    }
    const counts = this.#counts;
    counts.failure(Date.now());
    if (++this.#consecutive >= this.#failureThreshold)
      this.#transition('open', 'consecutive-failures', error);
    else if (counts.calls >= this.#minimumCalls && counts.failures >= this.#failureRate * counts.calls) {
      this.#transition('open', 'failure-rate', error);
    }
  }
}

import { abortError, firstContext, isAbort } from './abort';
import { BrokenCircuitError } from './broken-circuit-error';
import { invoke } from './invoke';
import { emit } from './listeners';
import { isServiceFailure } from './outcome';
import { rejectSoon } from './reject-soon';
import type {
  CircuitBreaker,
  CircuitBreakerOptions,
  CircuitReason,
  CircuitSnapshot,
  CircuitState,
  CircuitTransition,
  PolicyContext,
  PolicyFn,
} from './types';

/** Buckets of the failure-rate window. */
const BUCKETS = 10;
/** Successes counted before the clock is read again. */
const SUCCESS_BATCH = 8;

const sum = (counts: readonly number[]): number => counts.reduce((total, count) => total + count);

/**
 * Stops calling a failing service for a while, so it can recover and the user gets a fast answer.
 * Closed → open after `failureThreshold` failures in a row or `failureRate` of `minimumCalls` in
 * `windowMs`; open → half-open on the first call after `halfOpenAfterMs` (no timers); half-open →
 * closed when `halfOpenMaxCalls` trials succeed, back to open when one fails. Open calls reject
 * with a {@link BrokenCircuitError} carrying `retryAt`.
 *
 * An abort (the caller's signal, an `AbortError`) is neutral: it neither counts as a failure nor
 * resets a failure streak, and an aborted trial hands its place to the next call. A trial that has
 * not settled after another `halfOpenAfterMs` is given up on (a new half-open period starts), so no
 * state waits forever. A call whose signal is already aborted never reaches `fn`.
 *
 * @example
 * const payments = circuitBreaker({ name: 'payments' });
 * await payments.execute(({ signal }) => fetch('/api/pay', { signal }));
 */
export function circuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  return new Breaker(options);
}

// A class, not closures: a breaker per service (and per test) stays near 1 kB (see bench/).
// The failure-rate window lives here too, not in a class of its own: issue 5's size budget.
class Breaker implements CircuitBreaker {
  declare readonly name: string; // `declare`: set in the constructor, no class-field code
  // Each option is read where it is used, with its default (documented on CircuitBreakerOptions):
  // a field per option made the breaker ~30 B bigger gzipped, against issue 5's budget.
  #options: CircuitBreakerOptions;
  // The failure-rate window: calls and failures of the last `windowMs` in ten time buckets rotated
  // on access. O(1) memory and time per call, no per-call arrays, no timers (opossum keeps a rolling
  // array and two intervals per breaker).
  #bucketCalls: number[] = new Array<number>(BUCKETS).fill(0);
  #bucketFailures: number[] = new Array<number>(BUCKETS).fill(0);
  /** The newest bucket's number, in tenths of `windowMs` from the epoch; -Infinity empties them all. */
  #newestBucket = -Infinity;
  /** Successes not yet in a bucket (see {@link Breaker.#count}). */
  #pendingSuccesses = 0;
  #listeners: Set<(transition: CircuitTransition) => void> | undefined;
  /**
   * A new object on every transition, so it is also the generation a call is admitted in: a late
   * result of an earlier state is ignored.
   */
  #snapshot!: CircuitSnapshot;
  /** While closed: failures in a row. While half-open: trial successes still needed to close. */
  #streak = 0;
  /** While half-open: trial calls still to let through. */
  #trials = 0;
  #isolations = 0;
  #openError: BrokenCircuitError | undefined;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name ?? 'default';
    this.#options = { ...options };
    this.#transition('closed'); // the first snapshot, with no reason
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
    if (context.signal.aborted) return rejectSoon(abortError(context.signal));
    if (this.#snapshot.state === 'closed') return this.#guarded(fn, context, this.#snapshot);
    const admitted = this.#admit();
    return admitted instanceof BrokenCircuitError
      ? rejectSoon(admitted)
      : this.#guarded(fn, context, admitted);
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

  #transition(to: CircuitState, reason?: CircuitReason, error?: unknown): void {
    const at = Date.now();
    const from = this.#snapshot?.state; // undefined only for the constructor's first snapshot
    const name = this.name;
    this.#streak = this.#trials = to === 'half-open' ? (this.#options.halfOpenMaxCalls ?? 1) : 0;
    this.#openError = undefined;
    if (to === 'closed') {
      this.#newestBucket = -Infinity;
      this.#pendingSuccesses = 0;
    }
    const nextAttemptAt = to === 'open' ? at + (this.#options.halfOpenAfterMs ?? 30_000) : undefined;
    this.#snapshot = { name, state: to, since: at, nextAttemptAt, reason };
    // `reason` is missing only for the constructor's first snapshot, before anyone can listen.
    if (this.#listeners)
      emit(this.#listeners, { name, from, to, reason: reason as CircuitReason, at, nextAttemptAt, error });
  }

  /** The snapshot (the state's generation) the call is admitted in, or the error it fast-fails with. */
  #admit(): CircuitSnapshot | BrokenCircuitError {
    const now = Date.now();
    const { state, nextAttemptAt, since } = this.#snapshot;
    const halfOpenAfterMs = this.#options.halfOpenAfterMs ?? 30_000;
    // From open when its time is up; from half-open when the trials let through have hung that long
    // (their late results belong to the old period and are ignored).
    if (
      (state === 'open' && now >= (nextAttemptAt ?? 0)) ||
      (state === 'half-open' && this.#trials <= 0 && now >= since + halfOpenAfterMs)
    ) {
      this.#transition('half-open', 'half-open-after');
    }
    if (this.#snapshot.state === 'half-open') {
      if (this.#trials <= 0) return new BrokenCircuitError(this.name, now, now);
      this.#trials--;
      return this.#snapshot;
    }
    // One error per open (or isolated) period: stack capture is most of a fast-fail's cost, and
    // `capture` then records the period once. `retryAt` is exact; `retryAfterMs` is as of the first.
    return (this.#openError ??= new BrokenCircuitError(this.name, this.#snapshot.nextAttemptAt, now));
  }

  #guarded<T>(fn: PolicyFn<T>, context: PolicyContext, admitted: CircuitSnapshot): Promise<T> {
    return invoke(fn, context).then(
      (result) => {
        this.#succeeded(admitted);
        return result;
      },
      (error: unknown) => {
        this.#failed(admitted, error, context.signal);
        throw error;
      },
    );
  }

  #succeeded(admitted: CircuitSnapshot): void {
    if (admitted !== this.#snapshot) return;
    if (this.#snapshot.state === 'half-open') {
      if (--this.#streak <= 0) this.#transition('closed', 'trial-succeeded');
      return;
    }
    this.#streak = 0;
    if (++this.#pendingSuccesses >= SUCCESS_BATCH) this.#count(0);
  }

  #failed(admitted: CircuitSnapshot, error: unknown, signal: AbortSignal): void {
    if (admitted !== this.#snapshot) return;
    // Says nothing about the service: keep the streak, and give an aborted trial's place back.
    if (isAbort(error, signal)) {
      if (this.#snapshot.state === 'half-open') this.#trials++;
      return;
    }
    if (!(this.#options.isFailure ?? isServiceFailure)(error)) {
      this.#succeeded(admitted);
      return;
    }
    if (this.#snapshot.state === 'half-open') {
      this.#transition('open', 'trial-failed', error);
      return;
    }
    this.#count(1);
    const calls = sum(this.#bucketCalls);
    const failures = sum(this.#bucketFailures);
    if (++this.#streak >= (this.#options.failureThreshold ?? 5))
      this.#transition('open', 'consecutive-failures', error);
    else if (
      calls >= (this.#options.minimumCalls ?? 10) &&
      failures >= (this.#options.failureRate ?? 0.5) * calls
    ) {
      this.#transition('open', 'failure-rate', error);
    }
  }

  /**
   * Adds the pending successes and `failures` to the bucket of now, emptying the buckets passed
   * since the newest. Successes are time-stamped in batches of 8, at the next clock reading (every
   * failure reads it): a clock read costs more than the rest of a breaker call on some machines
   * (~150 ns on the bench VM). The rate thus errs, by at most 7 calls' timing, towards staying closed.
   */
  #count(failures: number): void {
    const bucket = Math.floor((Date.now() * BUCKETS) / (this.#options.windowMs ?? 30_000));
    // A clock that steps back adds to the newest bucket.
    for (this.#newestBucket = Math.max(this.#newestBucket, bucket - BUCKETS); this.#newestBucket < bucket;) {
      const slot = ++this.#newestBucket % BUCKETS;
      this.#bucketCalls[slot] = this.#bucketFailures[slot] = 0;
    }
    const slot = this.#newestBucket % BUCKETS;
    this.#bucketCalls[slot] = (this.#bucketCalls[slot] ?? 0) + this.#pendingSuccesses + failures;
    this.#bucketFailures[slot] = (this.#bucketFailures[slot] ?? 0) + failures;
    this.#pendingSuccesses = 0;
  }
}

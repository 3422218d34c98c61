/** What a policy hands the function it runs. */
export interface PolicyContext {
  /** Aborted when the caller aborts, or when a `timeout` policy gives up on this attempt. */
  readonly signal: AbortSignal;
  /** 1 for the first call, 2 for the first retry, and so on. */
  readonly attempt: number;
}

/** The function a policy runs. */
export type PolicyFn<T> = (context: PolicyContext) => T | PromiseLike<T>;

/**
 * A resilience policy: `retry`, `circuitBreaker`, `timeout`, `fallback` or a `compose` of them.
 * `R` is what it may answer instead of `fn`'s result (a fallback's value); `never` for the others.
 *
 * @example
 * const data = await policy.execute(({ signal }) => fetch('/api/items', { signal }));
 */
export interface Policy<R = never> {
  /** Runs `fn` under this policy; `signal` cancels it (and any wait between retries) at once. */
  execute<T>(fn: PolicyFn<T>, signal?: AbortSignal): Promise<T | R>;
  /**
   * Runs `fn` with the caller's context, so the attempt number flows through a `compose`.
   * Optional for your own policies: `compose` falls back to `execute`.
   */
  run?<T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T | R>;
}

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

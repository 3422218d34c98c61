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

/** Options for {@link retryBudget}. */
export interface RetryBudgetOptions {
  /** Tokens the bucket holds (and starts with). @default 10 */
  capacity?: number;
  /** Tokens one retry takes. @default 1 */
  retryCost?: number;
  /** Tokens a success puts back (gRPC's `tokenRatio`). @default 0.1 */
  successRefund?: number;
}

/** A token bucket shared by retry policies: retries spend tokens, successes refill it. */
export interface RetryBudget {
  /** Takes one retry's tokens; false (and takes nothing) when the bucket is too low. */
  tryAcquire(): boolean;
  /** Puts a success's refund back, up to the capacity. */
  recordSuccess(): void;
  /** Tokens left. */
  readonly tokens: number;
}

/**
 * A retry budget, as the AWS SDKs and gRPC retry throttling use: when a service is failing, every
 * retry drains the bucket and only successes refill it, so a storm of retries stops by itself while
 * first attempts still go through. Share one budget between the policies that call one service.
 *
 * @example
 * const budget = retryBudget({ capacity: 20 });
 * const policy = retry({ attempts: 4, budget });
 */
export function retryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const { capacity = 10, retryCost = 1, successRefund = 0.1 } = options;
  let tokens = capacity;
  return {
    tryAcquire() {
      if (tokens < retryCost) return false;
      tokens -= retryCost;
      return true;
    },
    recordSuccess() {
      tokens = Math.min(capacity, tokens + successRefund);
    },
    get tokens() {
      return tokens;
    },
  };
}

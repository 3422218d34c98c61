/**
 * How long to wait before retry number `retry` (1 for the first retry), given the previous delay
 * (0 before the first retry). Write your own or use {@link exponential} / {@link constant}.
 */
export type Backoff = (retry: number, previousMs: number) => number;

/** How randomness spreads retries of many clients apart (see AWS "Exponential Backoff and Jitter"). */
export type Jitter = 'full' | 'equal' | 'decorrelated' | 'none';

/** Options for {@link exponential}. */
export interface ExponentialOptions {
  /** Delay of the first retry before jitter, in ms. @default 200 */
  initialMs?: number;
  /** Upper bound of any delay, in ms. @default 30000 */
  maxMs?: number;
  /** Growth per retry. @default 2 */
  factor?: number;
  /** @default 'full' */
  jitter?: Jitter;
  /** Source of randomness in [0, 1), for tests. @default Math.random */
  random?: () => number;
}

/**
 * Exponential backoff with jitter: `min(maxMs, initialMs * factor^(retry-1))`, then spread by `jitter`:
 * `full` picks in [0, d], `equal` in [d/2, d], `decorrelated` in [initialMs, 3 * previous] (capped),
 * `none` waits exactly d.
 *
 * @example
 * retry({ backoff: exponential({ initialMs: 100, maxMs: 5000, jitter: 'equal' }) });
 */
export function exponential(options: ExponentialOptions = {}): Backoff {
  const { initialMs = 200, maxMs = 30_000, factor = 2, jitter = 'full', random = Math.random } = options;
  return (retry, previousMs) => {
    let low = initialMs;
    let high = Math.max(initialMs, previousMs * 3);
    if (jitter !== 'decorrelated') {
      high = Math.min(maxMs, initialMs * factor ** (retry - 1));
      low = jitter === 'full' ? 0 : jitter === 'equal' ? high / 2 : high;
    }
    return Math.min(maxMs, low + random() * (high - low));
  };
}

/**
 * The same delay before every retry.
 *
 * @example
 * retry({ attempts: 5, backoff: constant(1000) });
 */
export const constant =
  (ms: number): Backoff =>
  () =>
    ms;

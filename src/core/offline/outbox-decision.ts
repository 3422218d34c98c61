import { exponential } from '../policies/backoff';

/** What to do with an entry after one attempt. */
export type OutboxDecision =
  | { action: 'delivered' }
  /** Keep it at the head of the line and try again in `delayMs`. */
  | { action: 'retry'; delayMs: number }
  /** Stop the whole outbox until the page calls `resume()` (after signing in again). */
  | { action: 'pause' }
  /** Move it to the dead letters: the server will not take it as it is. */
  | { action: 'dead' };

/** Backoff of an outbox's automatic retries. */
export interface OutboxBackoffOptions {
  /** First retry's delay before jitter, in ms. @default 1000 */
  retryBaseMs?: number;
  /** Longest delay between two attempts, in ms (a longer `Retry-After` is still honoured). @default 30000 */
  retryCapMs?: number;
}

/** @see OutboxBackoffOptions.retryBaseMs */
export const DEFAULT_RETRY_BASE_MS = 1000;
/** @see OutboxBackoffOptions.retryCapMs */
export const DEFAULT_RETRY_CAP_MS = 30_000;

// Statuses worth sending again unchanged: the request may succeed later (RFC 9110 §15.5.9, RFC 8470, RFC 6585).
const TRANSIENT = new Set([408, 425, 429]);

/**
 * Decides an entry's fate from one attempt's status (0 for a network failure): only a 2xx delivers;
 * network failures, 408, 425, 429 and 5xx retry with backoff and jitter (`Retry-After` wins when longer);
 * 401 pauses the outbox; any other status dead-letters it (a 3xx here means a redirect the request did not follow).
 *
 * @param attempts Attempts made so far, this one included (1 after the first).
 * @param retryAfterMs The answer's parsed `Retry-After`, if any.
 */
export function decideOutbox(
  status: number,
  attempts: number,
  retryAfterMs: number | undefined,
  options: OutboxBackoffOptions = {},
  random: () => number = Math.random,
): OutboxDecision {
  if (status >= 200 && status < 300) return { action: 'delivered' };
  if (status === 401) return { action: 'pause' };
  if (status === 0 || status >= 500 || TRANSIENT.has(status)) {
    const backoff = exponential({
      initialMs: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
      maxMs: options.retryCapMs ?? DEFAULT_RETRY_CAP_MS,
      // 'equal' keeps at least half the delay: 'full' jitter could retry a failing server at once.
      jitter: 'equal',
      random,
    });
    return { action: 'retry', delayMs: Math.max(backoff(attempts, 0), retryAfterMs ?? 0) };
  }
  return { action: 'dead' };
}

import { isAppError } from '../errors/app-error';

// Statuses worth another try: timeouts, too-early, rate limits and transient server failures.
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

// Names of the errors `AbortSignal.abort()` and `AbortSignal.timeout()` reject with.
const isAbort = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/**
 * The default `retryOn`: an AppError's `retryable` flag, or a retryable status (408, 425, 429, 5xx
 * transients); never an abort, an open circuit or another 4xx. A value that is not an AppError is
 * retried unless it is an abort (like cockatiel's `handleAll`).
 */
export function isRetryable(error: unknown): boolean {
  if (!isAppError(error)) return !isAbort(error);
  const { kind, status = 0 } = error;
  if (kind === 'aborted' || kind === 'circuit-open') return false;
  return RETRYABLE_STATUS.has(status) || (error.retryable && (status < 400 || status >= 500));
}

/**
 * The default `isFailure` of a breaker: every error counts against the service except aborts,
 * open circuits and 4xx answers other than 408 and 429 (a 404 or a validation error says nothing
 * about the service's health).
 */
export function isServiceFailure(error: unknown): boolean {
  if (!isAppError(error)) return !isAbort(error);
  const { kind, status = 0 } = error;
  if (kind === 'aborted' || kind === 'circuit-open') return false;
  return status < 400 || status >= 500 || status === 408 || status === 429;
}

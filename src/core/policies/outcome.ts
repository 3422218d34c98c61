import { isAppError } from '../errors/app-error';

// Statuses worth another try: timeouts, too-early, rate limits and transient server failures.
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

const statusOf = (error: unknown): number | undefined => (isAppError(error) ? error.status : undefined);

const isAbort = (error: unknown): boolean =>
  isAppError(error)
    ? error.kind === 'aborted'
    : error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/**
 * The default `retryOn`: an AppError's `retryable` flag, or a retryable status (408, 425, 429, 5xx
 * transients); never an abort, an open circuit or another 4xx. A value that is not an AppError is
 * retried unless it is an abort (like cockatiel's `handleAll`).
 */
export function isRetryable(error: unknown): boolean {
  if (isAbort(error)) return false;
  if (!isAppError(error)) return true;
  if (error.kind === 'circuit-open') return false;
  const status = error.status;
  if (status !== undefined && RETRYABLE_STATUS.has(status)) return true;
  if (status !== undefined && status >= 400 && status < 500) return false;
  return error.retryable;
}

/**
 * The default `isFailure` of a breaker: every error counts against the service except aborts,
 * open circuits and 4xx answers other than 408 and 429 (a 404 or a validation error says nothing
 * about the service's health).
 */
export function isServiceFailure(error: unknown): boolean {
  if (isAbort(error)) return false;
  if (isAppError(error) && error.kind === 'circuit-open') return false;
  const status = statusOf(error);
  return status === undefined || status < 400 || status >= 500 || status === 408 || status === 429;
}

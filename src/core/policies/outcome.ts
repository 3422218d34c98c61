import { isAppError, type AppError } from '../errors/app-error';
import { isAbortError } from '../errors/is-abort-error';

// The error `AbortSignal.abort()` rejects with, from any realm: by shape, not `instanceof` (an AbortError
// from an iframe was retried and opened a breaker, issue 9). `AbortSignal.timeout()`'s `TimeoutError` is
// not one: time ran out on the service, which a breaker counts (issue 10).
const isAbort = isAbortError;

// A 4xx says the request was wrong, not that the service is down; 408 and 429 are the exceptions.
const isClientError = (status: number): boolean =>
  status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * The rule both defaults share: a value that is not an AppError counts unless it is an abort (like
 * cockatiel's `handleAll`); an abort or an open circuit never counts; other AppErrors are left to `rest`.
 */
const judge = (error: unknown, rest: (error: AppError, status: number) => boolean): boolean =>
  isAppError(error)
    ? !['aborted', 'circuit-open'].includes(error.kind) && rest(error, error.status ?? 0)
    : !isAbort(error);

/**
 * The default `retryOn`: an AppError's `retryable` flag, or a retryable status (408, 425, 429, 5xx
 * transients); never an abort, an open circuit or another 4xx. A value that is not an AppError is
 * retried unless it is an abort.
 */
export const isRetryable = (error: unknown): boolean =>
  judge(
    error,
    (appError, status) =>
      // 425 Too Early is worth another try, though it says nothing about the service's health.
      [408, 425, 429, 500, 502, 503, 504].includes(status) || (appError.retryable && !isClientError(status)),
  );

/**
 * The default `isFailure` of a breaker: every error counts against the service except aborts,
 * open circuits and 4xx answers other than 408 and 429 (a 404 or a validation error says nothing
 * about the service's health).
 */
export const isServiceFailure = (error: unknown): boolean =>
  judge(error, (_appError, status) => !isClientError(status));

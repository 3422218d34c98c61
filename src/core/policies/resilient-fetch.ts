import { HttpError } from '../errors/http-error';
import { normalizeError } from '../errors/normalize';
import type { AppError } from '../errors/app-error';
import { abortError } from './abort';
import type { CaptureContext } from '../types';
import type { CircuitBreaker } from './types';
import { compose } from './compose';
import { DEFAULT_ATTEMPTS, retry, type RetryOptions } from './retry';
import { timeout } from './timeout';
import type { Policy, PolicyContext } from './types';

/** `fetch`'s init plus the policies to run it under. */
export interface ResilientFetchInit extends RequestInit {
  /** Retry options, or `false` for none. Only idempotent requests are retried. @default { attempts: 3 } */
  retry?: RetryOptions | false;
  /** A breaker, or its name in the instance's registry (`resilience.fetch`). @default none */
  breaker?: CircuitBreaker | string;
  /** Time limit of each attempt, in ms; aborts the request. @default none */
  timeoutMs?: number;
  /**
   * Time the whole call may take, attempts and the waits between them, in ms. A wait (backoff or
   * `Retry-After`) that would end after it is not taken: the call fails at once with the last error
   * (a 503 asking for 120 s fails now, not in 60 s). When it passes, the running attempt is aborted
   * and the call rejects with kind `timeout`.
   * @default timeoutMs × attempts when `timeoutMs` is set (8000 × 3 = 24 s with the default retry;
   * `timeoutMs` alone when the request is not retried), else none
   */
  deadlineMs?: number;
  /** Whether sending it twice is harmless. @default true for GET, HEAD, OPTIONS, PUT, DELETE or with an Idempotency-Key header */
  idempotent?: boolean;
}

/** What `resilientFetch` reports to and fetches with; `resilience.fetch` fills these in. */
export interface ResilientFetchDeps {
  /** Where the final failure goes (`resilience.capture`). Aborts are not reported. @default none */
  capture?: (error: unknown, context: CaptureContext) => unknown;
  /** Resolves a breaker name. @default none: a name then throws */
  breaker?: (name: string) => CircuitBreaker;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Classifies the final failure (`resilience.normalize`, with the app's rules): what the call rejects
   * with and what `capture` records are then the same error. @default normalizeError (default rules)
   */
  normalize?: (error: unknown) => AppError;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * `fetch` that retries idempotent requests (honouring `Retry-After`), goes through a breaker, limits
 * each attempt, throws an `HttpError` for a non-2xx answer, and reports the final failure through
 * `capture`. Every failure it throws is an `AppError`.
 *
 * @example
 * const response = await resilientFetch('/api/items', { breaker: itemsBreaker, timeoutMs: 8000 });
 * // or, with the instance's registry and pipeline:
 * const response2 = await resilience.fetch('/api/items', { breaker: 'items' });
 */
export async function resilientFetch(
  input: RequestInfo | URL,
  init: ResilientFetchInit = {},
  deps: ResilientFetchDeps = {},
): Promise<Response> {
  const { retry: retryOptions, breaker, timeoutMs, deadlineMs, idempotent, ...request } = init;
  const isRequest = typeof Request !== 'undefined' && input instanceof Request;
  const method = (request.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
  const headers = new Headers(request.headers ?? (isRequest ? input.headers : undefined));
  const repeatable = idempotent ?? (IDEMPOTENT.has(method) || headers.has('idempotency-key'));
  let resolved: CircuitBreaker | undefined;
  if (typeof breaker === 'string') {
    if (!deps.breaker) throw new TypeError(`resilientFetch: no registry to find breaker "${breaker}" in`);
    resolved = deps.breaker(breaker);
  } else resolved = breaker;

  const retrying = repeatable && retryOptions !== false ? { ...retryOptions } : undefined;
  const deadline =
    deadlineMs ??
    (timeoutMs === undefined
      ? undefined
      : timeoutMs * (retrying?.attempts ?? (retrying ? DEFAULT_ATTEMPTS : 1)));
  const policies: Policy[] = [];
  if (deadline !== undefined) policies.push(timeout(deadline));
  if (retrying) policies.push(retry({ deadlineMs: deadline, ...retrying }));
  if (resolved) policies.push(resolved);
  if (timeoutMs !== undefined) policies.push(timeout(timeoutMs));

  const doFetch = deps.fetch ?? globalThis.fetch;
  let attempts = 0;
  const attempt = async ({ signal, attempt: n }: PolicyContext) => {
    attempts = n;
    const response = await doFetch(isRequest ? input.clone() : input, { ...request, signal });
    if (!response.ok) throw await HttpError.fromResponse(response);
    return response;
  };
  // The caller's signal: in `init`, else the Request's own (a Request always has one). A fresh signal
  // when neither: fetch adds listeners to it, so it must not be shared.
  const signal = request.signal ?? (isRequest ? input.signal : undefined) ?? new AbortController().signal;
  try {
    return await compose(...policies).execute(attempt, signal);
  } catch (thrown) {
    // The caller aborted: an abort whatever the reason it gave (`abort('navigated')` makes fetch reject
    // with that string); `AbortSignal.timeout()` is kind `timeout` (see abortError).
    const error = signal.aborted ? abortError(signal) : (deps.normalize ?? normalizeError)(thrown);
    if (error.kind !== 'aborted') {
      deps.capture?.(error, {
        source: 'policy',
        name: resolved?.name ?? 'fetch',
        attempts,
        tags: { method },
      });
    }
    throw error;
  }
}

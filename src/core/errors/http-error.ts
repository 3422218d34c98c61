import { AppError } from './app-error';
import { classifyError, type ClassificationRule } from './classify';
import { readFieldErrors } from './read-field-errors';
import { parseRetryAfter } from './retry-after';
import { statusLine } from './status-line';
import { redact, redactString } from './redact';
import type { FieldErrors } from './types';

/** What an {@link HttpError} is built from. */
export interface HttpErrorInit {
  /** The HTTP status code. */
  status: number;
  /** @default '' */
  statusText?: string;
  /** The request URL; secrets in its query string are removed. @default '' */
  url?: string;
  /** Parsed `Retry-After`, in ms. @default undefined */
  retryAfterMs?: number;
  /** Excerpt of the body; redacted and cut to 1,000 characters. @default undefined */
  bodyExcerpt?: string;
  /** Field messages from a validation response body. @default undefined */
  fieldErrors?: FieldErrors;
  /** App rules tried before the default rules. @default [] */
  rules?: readonly ClassificationRule[];
  /** The original value (`fromResponse` puts the Response here). @default undefined */
  cause?: unknown;
}

/** Options for {@link HttpError.fromResponse}. */
export interface FromResponseOptions {
  /** App rules tried before the default rules. @default [] */
  rules?: readonly ClassificationRule[];
}

const MAX_EXCERPT = 1000;

/** Status line, URL and Retry-After of a response, read synchronously (the body is not touched). */
export const responseInit = (response: Response): HttpErrorInit => ({
  status: response.status,
  statusText: response.statusText,
  url: response.url,
  retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
});

/** Reads at most `max` characters of the body, then cancels the rest of the stream. */
const readExcerpt = async (response: Response, max: number): Promise<string> => {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < max) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.cancel().catch(() => undefined);
  return text.slice(0, max);
};

/**
 * A non-2xx HTTP response as an {@link AppError}. Kind, severity and retryability come from the same
 * rules table as every other error (401 → auth, 429 → rate-limit, 503 → server, …).
 *
 * @example
 * const res = await fetch('/api/orders');
 * if (!res.ok) throw await HttpError.fromResponse(res);
 */
export class HttpError extends AppError {
  /** Marker that survives two copies of the package. Use {@link isHttpError}. */
  readonly isHttpError = true as const;
  // `declare`: assigned in the constructor, so no class-field boilerplate is emitted (size budget, issue 2).
  declare readonly status: number;
  declare readonly statusText: string;
  /** The request URL with secret query parameters removed. */
  declare readonly url: string;
  /** A redacted excerpt of the response body, at most 1,000 characters. */
  declare readonly bodyExcerpt: string | undefined;

  constructor(init: HttpErrorInit) {
    const { status, statusText = '', fieldErrors } = init;
    super(statusLine(status, statusText), {
      ...classifyError({ name: 'HttpError', status, fieldErrors }, init.rules),
      status,
      code: `HTTP_${status}`,
      retryAfterMs: init.retryAfterMs,
      fieldErrors,
      cause: init.cause,
    });
    this.name = 'HttpError';
    this.statusText = statusText;
    this.url = redactString(init.url ?? '');
    this.bodyExcerpt =
      init.bodyExcerpt === undefined ? undefined : redactString(init.bodyExcerpt).slice(0, MAX_EXCERPT);
  }

  /**
   * Builds an HttpError from a response: status line, URL, `Retry-After`, and up to 4,000 characters
   * of the body (consumed; pass `response.clone()` to read it yourself too). A JSON body is redacted
   * by key and read for field errors. Never rejects, even if the body was used or reading fails.
   */
  static async fromResponse(response: Response, options: FromResponseOptions = {}): Promise<HttpError> {
    let text = '';
    let json: unknown;
    try {
      if (!response.bodyUsed) text = await readExcerpt(response, MAX_EXCERPT * 4);
      json = JSON.parse(text);
    } catch {
      // A body that cannot be read leaves the excerpt empty; one that is not JSON (or cut short) is kept as text.
    }
    return new HttpError({
      ...responseInit(response),
      bodyExcerpt: text ? (json === undefined ? text : JSON.stringify(redact(json))) : undefined,
      fieldErrors: readFieldErrors(json),
      rules: options.rules,
      cause: response,
    });
  }
}

/** True for any `HttpError`, including one from another copy of bulwark. */
export function isHttpError(value: unknown): value is HttpError {
  return (
    typeof value === 'object' && value !== null && (value as { isHttpError?: unknown }).isHttpError === true
  );
}

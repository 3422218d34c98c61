import { AppError, isAppError } from './app-error';
import { classifyTraced, kindDefaults, type ClassificationRule, type PredicateAnswer } from './classify';
import { readFacts } from './error-facts';
import { readProperty } from './read-property';
import { statusLine } from './status-line';
import { parseRetryAfter } from './retry-after';

/** Options for {@link normalizeError}. */
export interface NormalizeOptions {
  /** App rules tried before the default rules. @default [] */
  rules?: readonly ClassificationRule[];
  /** Filled with the predicate rules asked about the value and their answers (for `capture`'s repeat path). @default undefined */
  asked?: PredicateAnswer[];
}

/** Messages longer than this are cut (a thrown 10 MB string stays a short message). */
const MAX_MESSAGE = 1000;
/** V8 stacks start with the message: keep the end, where the frames are. */
const MAX_STACK = 10_000;

/** A readable message for any value; may throw (a hostile toString), the caller catches. */
const describe = (value: unknown, message: string | undefined, name: string | undefined): string => {
  const known = message || name;
  if (known) return known;
  // An object's own toString may say something useful (URL, custom errors); it may also throw.
  const text = String(value);
  if (!text.startsWith('[object ')) return text;
  // `[object Object]` says nothing: show the fields, or at least their names when they cannot be
  // stringified (a cycle, a BigInt). Secrets are removed where the message is stored or shown.
  try {
    return JSON.stringify(value);
  } catch {
    return `Object with keys: ${Object.keys(value as object).join(', ')}`;
  }
};

/**
 * Turns any thrown value into a classified {@link AppError}. Never throws. An `AppError` is returned
 * as is; anything else is classified with the rules table and keeps the original as `cause` and its
 * stack. A thrown `Response` keeps its status, `Retry-After` and URL without query (in `context`); its
 * body is not read (`HttpError.fromResponse` does that). The message is at most 1,000 characters.
 *
 * Not redacted here: `capture` redacts message and stack before the store sees them, and
 * `ErrorDetails` and the reporters redact what they show and send. Use `redact` before logging a
 * normalized error yourself.
 *
 * @example
 * try { await save(); } catch (e) { const error = normalizeError(e); if (error.retryable) retry(); }
 */
export function normalizeError(value: unknown, options: NormalizeOptions = {}): AppError {
  try {
    if (isAppError(value)) return value;
    // An Error is no Response, and Node's lazy `Response` global costs ~1.6 µs a read (issue 11).
    const response =
      !(value instanceof Error) && typeof Response !== 'undefined' && value instanceof Response
        ? value
        : undefined;
    const { name, message, status, code, fieldErrors } = readFacts(value);
    const text = response
      ? statusLine(response.status, response.statusText)
      : describe(value, message, name).slice(0, MAX_MESSAGE);
    const stack = readProperty(value, 'stack');
    const error = new AppError(text || 'Unknown error', {
      ...classifyTraced(value, options.rules, options.asked),
      code: code?.slice(0, 100) || (status ? `HTTP_${status}` : undefined),
      status,
      retryAfterMs: response && parseRetryAfter(response.headers.get('retry-after')),
      // Without the query string, where secrets in URLs live.
      context: response && { url: response.url.replace(/[?#].*/, '') },
      fieldErrors,
      cause: value,
      // Keep where it was thrown, not where it was normalised: fingerprints use the top frame.
      stack: typeof stack === 'string' ? stack.slice(-MAX_STACK) : undefined,
    });
    return error;
  } catch {
    return new AppError('Unknown error', { ...kindDefaults.unknown, cause: value });
  }
}

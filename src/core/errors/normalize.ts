import { AppError, isAppError } from './app-error';
import { classifyError, kindDefaults, matchRule, type ClassificationRule } from './classify';
import { readFacts } from './error-facts';
import { readProperty } from './read-property';
import { statusLine } from './status-line';
import { parseRetryAfter } from './retry-after';

/** Options for {@link normalizeError}. */
export interface NormalizeOptions {
  /** App rules tried before the default rules. @default [] */
  rules?: readonly ClassificationRule[];
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
 * An AppError as the app's rules see it: when one matches, a copy (same class, fields, message and
 * stack) with the rule's classification; else the error itself. The thrown error is never changed.
 */
const reclassify = (error: AppError, rules: readonly ClassificationRule[]): AppError => {
  if (!matchRule(error, rules)) return error;
  try {
    const copy = Object.create(
      Object.getPrototypeOf(error) as object,
      Object.getOwnPropertyDescriptors(error),
    ) as AppError;
    return Object.assign(copy, classifyError(error, rules));
  } catch {
    return error; // a frozen error: keep it as it is rather than lose it
  }
};

/**
 * Turns any thrown value into a classified {@link AppError}. Never throws. An `AppError` (an
 * `HttpError` too) is returned as is unless one of `rules` matches it: your rules come first for every
 * value, so it comes back as a copy with the rule's classification (a rule opts out with
 * `appErrors: false`). Anything else is classified with the rules table and keeps the original as `cause` and its
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
    if (isAppError(value)) return options.rules ? reclassify(value, options.rules) : value;
    const response = typeof Response !== 'undefined' && value instanceof Response ? value : undefined;
    const { name, message, status, code, fieldErrors } = readFacts(value);
    const text = response
      ? statusLine(response.status, response.statusText)
      : describe(value, message, name).slice(0, MAX_MESSAGE);
    const error = new AppError(text || 'Unknown error', {
      ...classifyError(value, options.rules),
      code: code?.slice(0, 100) || (status ? `HTTP_${status}` : undefined),
      status,
      retryAfterMs: response && parseRetryAfter(response.headers.get('retry-after')),
      // Without the query string, where secrets in URLs live.
      context: response && { url: response.url.replace(/[?#].*/, '') },
      fieldErrors,
      cause: value,
    });
    const stack = readProperty(value, 'stack');
    // Keep where it was thrown, not where it was normalised: fingerprints use the top frame.
    if (typeof stack === 'string') error.stack = stack.slice(-MAX_STACK);
    return error;
  } catch {
    return new AppError('Unknown error', { ...kindDefaults.unknown, cause: value });
  }
}

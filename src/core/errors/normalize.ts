import { AppError, isAppError } from './app-error';
import { classifyError, kindDefaults, type ClassificationRule } from './classify';
import { readFacts } from './error-facts';
import { HttpError, responseInit } from './http-error';
import { readProperty } from './read-property';
import { redact, redactString } from './redact';

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
  if (message) return message;
  if (typeof value !== 'object' || value === null) return name ?? String(value);
  if (name) return name;
  // An object's own toString may say something useful (URL, custom errors); it may also throw.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = String(value);
  // `[object Object]` says nothing: show the (redacted) fields instead.
  return text.startsWith('[object ') ? JSON.stringify(redact(value)) : text;
};

/**
 * Turns any thrown value into a classified {@link AppError}. Never throws. An `AppError` is returned
 * as is; a `Response` becomes an {@link HttpError} (its body is not read: use `HttpError.fromResponse`
 * for that); anything else is classified with the rules table and keeps the original as `cause` and
 * its stack. The message is redacted and at most 1,000 characters.
 *
 * @example
 * try { await save(); } catch (e) { const error = normalizeError(e); if (error.retryable) retry(); }
 */
export function normalizeError(value: unknown, options: NormalizeOptions = {}): AppError {
  try {
    if (isAppError(value)) return value;
    if (typeof Response !== 'undefined' && value instanceof Response) {
      return new HttpError({ ...responseInit(value), rules: options.rules, cause: value });
    }
    const { name, message, status, code, fieldErrors } = readFacts(value);
    const text = describe(value, message, name).slice(0, MAX_MESSAGE);
    const error = new AppError(redactString(text) || 'Unknown error', {
      ...classifyError(value, options.rules),
      code: code?.slice(0, 100) || (status ? `HTTP_${status}` : undefined),
      status,
      fieldErrors,
      cause: value,
    });
    const stack = readProperty(value, 'stack');
    // Keep where it was thrown, not where it was normalised: fingerprints use the top frame.
    if (typeof stack === 'string') error.stack = redactString(stack.slice(-MAX_STACK));
    return error;
  } catch {
    return new AppError('Unknown error', { ...kindDefaults.unknown, cause: value });
  }
}

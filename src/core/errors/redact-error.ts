import { AppError } from './app-error';
import { readProperty } from './read-property';
import type { Redactor } from './redact';
import { clip } from './redaction/clip';

/** Kept of a message and of a stack (its end, where the frames are), as `normalizeError` keeps. */
const MAX_MESSAGE = 1000;
const MAX_STACK = 10_000;

/** Sets a non-enumerable field: JSON and object spread never see it. */
export const hidden = (target: object, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
};

/** Field errors kept per error: a form rarely has more fields than this. */
const MAX_FIELDS = 50;

/**
 * Field errors with their field names and messages scanned for secrets, but a field's name is never a
 * reason to wipe its messages: `{ password: ['Too short'] }` must still reach the form (issue 9).
 */
export function redactFieldErrors(value: unknown, redactor: Redactor): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return redactor(value);
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, MAX_FIELDS)
      .map(([field, messages]) => [
        redactor.redactString(field, 200),
        Array.isArray(messages)
          ? messages
              .slice(0, MAX_FIELDS)
              .map((message) => redactor.redactString(String(message), MAX_MESSAGE))
          : redactor(messages),
      ]),
  );
}

/**
 * A redacted, bounded copy of an AppError, of the same class (an HttpError stays one): message
 * (1,000 characters) and stack (its last 10,000) redacted before they are cut, every string field
 * redacted, `context`, `fieldErrors` and other object fields replaced by redacted JSON copies. No
 * `cause`. Never throws: an error that cannot be read becomes a plain AppError saying so.
 */
export function redactError(error: AppError, redactor: Redactor): AppError {
  try {
    const copy = Object.create(Object.getPrototypeOf(error) as object) as Record<string, unknown>;
    for (const key of Object.keys(error)) {
      const value = (error as unknown as Record<string, unknown>)[key];
      copy[key] =
        key === 'fieldErrors'
          ? redactFieldErrors(value, redactor)
          : key === 'actions' && Array.isArray(value)
            ? value.filter((id) => typeof id === 'string')
            : value === null || typeof value === 'boolean' || typeof value === 'undefined'
              ? value
              : // By its name too: an app's own `token` field, a card number kept as a number (issue 9).
                (redactor({ [key]: value }) as Record<string, unknown>)[key];
    }
    hidden(copy, 'message', redactor.redactString(error.message, MAX_MESSAGE - 1));
    const stack = readProperty(error, 'stack');
    if (typeof stack === 'string')
      hidden(copy, 'stack', clip(stack, MAX_STACK - 1, redactor.redactString, true));
    return copy as unknown as AppError;
  } catch {
    return new AppError('An error that could not be read');
  }
}

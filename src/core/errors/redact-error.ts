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
        typeof value === 'string'
          ? redactor.redactString(value, MAX_MESSAGE)
          : key === 'actions' && Array.isArray(value)
            ? value.filter((id) => typeof id === 'string')
            : value !== null && typeof value === 'object'
              ? redactor(value)
              : value;
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

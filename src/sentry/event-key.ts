import type { AppError } from '../core/errors/app-error';
import { fingerprint } from '../core/errors/fingerprint';
import type { SentryEvent } from './types';

/** Sentry's placeholder for its own grouping inside a custom fingerprint. */
const DEFAULT_PART = '{{ default }}';

/**
 * "The same error" for the caps when the event has no fingerprint of its own: bulwark's fingerprint
 * recipe over the exception type, message and top frame, so ids, numbers, emails, URLs' queries and
 * line numbers in the message do not make each error of a storm new (`Order 1 not found`,
 * `Order 2 not found`, … are one key). Issue 13, finding F10.
 */
const defaultKey = (event: SentryEvent): string => {
  const exception = event.exception?.values?.at(-1);
  // Sentry lists frames oldest first: the last is where it was thrown.
  const frame = exception?.stacktrace?.frames?.at(-1);
  // Read by shape: `fingerprint` reads its fields as untrusted and needs no real AppError.
  const facts = {
    kind: exception ? (exception.type ?? 'Error') : 'message',
    message: exception ? (exception.value ?? '') : (event.message ?? ''),
    stack: frame ? `    at ${frame.function ?? '?'} (${frame.filename ?? frame.abs_path ?? ''})` : '',
  };
  return fingerprint(facts as unknown as AppError);
};

/**
 * The key the caps count an event under: its custom fingerprint when it has one (`{{ default }}` in it
 * stands for the normalised default key), else the normalised default key.
 */
export function eventKey(event: SentryEvent): string {
  const custom = event.fingerprint;
  if (!custom?.length) return defaultKey(event);
  return custom.map((part) => (part === DEFAULT_PART ? defaultKey(event) : part)).join('|');
}

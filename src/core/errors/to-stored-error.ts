import { isAppError, type AppError } from './app-error';
import { normalizeError, type NormalizeOptions } from './normalize';
import { readProperty } from './read-property';
import { inOneCall, type Redactor } from './redact';
import { hidden, redactError } from './redact-error';
import { noteOf, setThrownType } from './thrown-type';

/**
 * What the store keeps of a thrown value (issue 9): only redacted, bounded data. A thrown AppError
 * becomes a redacted copy (see {@link redactError}); anything else is normalised with the redactor.
 * The original stays reachable for the app's own code as the non-enumerable `cause` (the thrown
 * value, or the AppError's own cause), which neither `toJSON` nor `JSON.stringify` ever copies.
 */
export function toStoredError(value: unknown, options: NormalizeOptions & { redactor: Redactor }): AppError {
  // One redaction budget for the whole error: message, stack, code, fields (issue 9, H1).
  return inOneCall(options.redactor, storedError, value, options);
}

/** `toStoredError`'s work, a function rather than a closure per call (see `readOnce`). */
function storedError(value: unknown, options: NormalizeOptions & { redactor: Redactor }): AppError {
  // App rules come first for AppErrors too (issue 10): a matching rule gives a reclassified copy.
  const error = normalizeError(value, options);
  if (!isAppError(value)) return error;
  const copy = redactError(error, options.redactor, options.redactStack);
  hidden(copy, 'cause', readProperty(value, 'cause'));
  // A wrapped error captured again (resilience.fetch's, a hook's) keeps the type it was wrapped from.
  setThrownType(copy, noteOf(value), options.redactor);
  return copy;
}

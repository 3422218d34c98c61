import type { AppError } from './app-error';
import { readProperty } from './read-property';
import type { Redactor } from './redact';
import { hidden } from './redact-error';

/** The hidden (non-enumerable) field that holds the type of the value an AppError was normalised from. */
const FIELD = 'thrownType';
/** Kept of a type, as of every name. */
const MAX_TYPE = 100;

/** The type noted on `value` by {@link setThrownType}, if any. */
export const noteOf = (value: unknown): unknown => readProperty(value, FIELD);

/** Notes on `error` the `name` of the value it was normalised from (`TypeError`), redacted and cut to 100 characters. */
export function setThrownType(error: AppError, type: unknown, redactor: Redactor): void {
  if (typeof type === 'string' && type) hidden(error, FIELD, redactor.redactString(type, MAX_TYPE - 1));
}

/**
 * The type of what was thrown, as an error tracker titles it: `TypeError` for a `TypeError` that `normalizeError`
 * wrapped, the error's own `name` for an AppError thrown as such (`AppError`, `HttpError`). Never throws.
 */
export function thrownType(error: AppError): string {
  const type = noteOf(error);
  return typeof type === 'string' && type ? type : error.name;
}

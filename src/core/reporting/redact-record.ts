import { redactError } from '../errors/redact-error';
import type { Redactor } from '../errors/redact';
import { noteOf, setThrownType } from '../errors/thrown-type';
import type { CaptureContext, ErrorRecord } from '../types';

/**
 * The copy of a record that may leave the app: message, stack, error context, capture context and
 * field errors go through the redactor (an HttpError stays one, its URL and body excerpt redacted);
 * `cause` and action callbacks are dropped; the thrown value's type is kept (see `thrownType`).
 */
export function redactRecord(record: ErrorRecord, redactor: Redactor): ErrorRecord {
  const copy = redactError(record.error, redactor);
  // What was thrown (`TypeError`), for the reporter to title its event by (issue 13).
  setThrownType(copy, noteOf(record.error), redactor);
  const context = redactor({ ...record.context, actions: undefined }) as CaptureContext;
  return { ...record, error: copy, context };
}

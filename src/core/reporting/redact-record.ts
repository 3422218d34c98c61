import { AppError } from '../errors/app-error';
import type { Redactor } from '../errors/redact';
import type { FieldErrors } from '../errors/types';
import type { CaptureContext, ErrorRecord } from '../types';

/**
 * The copy of a record that may leave the app: message, stack, error context, capture context and
 * field errors go through the redactor; `cause` and action callbacks are dropped.
 */
export function redactRecord(record: ErrorRecord, redactor: Redactor): ErrorRecord {
  const { error } = record;
  const copy = new AppError(redactor.redactString(error.message), {
    kind: error.kind,
    severity: error.severity,
    retryable: error.retryable,
    code: error.code,
    status: error.status,
    retryAfterMs: error.retryAfterMs,
    messageKey: error.messageKey,
    actions: error.actions,
    // The redactor returns a JSON-safe copy of the same shape, minus secrets.
    context: error.context && (redactor(error.context) as Record<string, unknown>),
    fieldErrors: error.fieldErrors && (redactor(error.fieldErrors) as FieldErrors),
  });
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactor.redactString(error.stack);
  const context = redactor({ ...record.context, actions: undefined }) as CaptureContext;
  return { ...record, error: copy, context };
}

import type { Redactor } from '../../../core/errors/redact';
import { redactRecord } from '../../../core/reporting/redact-record';
import type { ErrorRecord } from '../../../core/types';

/** Copies made per redactor and record: records are immutable, so each is redacted once. */
const copies = new WeakMap<Redactor, WeakMap<ErrorRecord, ErrorRecord>>();

/**
 * Records given to the error log (from a backend, a story) redacted as a report is — message, stack,
 * code, error and capture context, field errors — with their recovery actions kept, so the table, the
 * search, the export and the details all show the same redacted text (issue 9, findings-9c N6). The
 * store's own records are redacted when captured and are not copied again.
 */
export function redactGivenRecords(records: readonly ErrorRecord[], redactor: Redactor): ErrorRecord[] {
  let known = copies.get(redactor);
  if (!known) {
    known = new WeakMap();
    copies.set(redactor, known);
  }
  const cache = known;
  return records.map((record) => {
    let safe = cache.get(record);
    if (!safe) {
      const copy = redactRecord(record, redactor);
      const actions = record.context.actions;
      safe = actions ? { ...copy, context: { ...copy.context, actions } } : copy;
      cache.set(record, safe);
    }
    return safe;
  });
}

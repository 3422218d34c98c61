import { AppError } from '../errors/app-error';

/**
 * A request was not queued: an entry still in the outbox carries the same app-supplied
 * `Idempotency-Key` for a different request (another method, URL or body). The server would apply
 * only the first and answer the second with the first's result, so the second would leave the outbox
 * as "delivered" without ever being applied (break-it finding F17 of issue 12). The worker answers it
 * with a `409` and `Bulwark-Queue-Error: key-conflict`.
 */
export class OutboxKeyConflictError extends AppError {
  /** The id of the entry already holding the key. */
  declare readonly conflictsWith: string;

  constructor(conflictsWith: string) {
    super(
      'Offline queue: another queued request already uses this Idempotency-Key for a different request; this one was not queued',
      { kind: 'unknown', severity: 'error', retryable: false, code: 'OUTBOX_KEY_CONFLICT' },
    );
    this.name = 'OutboxKeyConflictError';
    this.conflictsWith = conflictsWith;
  }
}

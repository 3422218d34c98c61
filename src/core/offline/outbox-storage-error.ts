import { AppError } from '../errors/app-error';

/** Why a request could not be stored: the origin's quota is full, or IndexedDB cannot be used at all. */
export type OutboxStorageProblem = 'quota-exceeded' | 'unavailable';

/**
 * The outbox could not store (or read) a request: the request was not queued, and the app must say
 * so instead of "saved". Captured with `source: 'queue'`.
 */
export class OutboxStorageError extends AppError {
  /** Marker that survives two copies of the package. */
  readonly isOutboxStorageError = true as const;
  declare readonly problem: OutboxStorageProblem;

  constructor(problem: OutboxStorageProblem, cause?: unknown) {
    super(
      problem === 'quota-exceeded'
        ? 'Offline queue: storage is full, the request was not queued'
        : 'Offline queue: storage (IndexedDB) is unavailable, the request was not queued',
      {
        kind: 'unknown',
        severity: 'error',
        retryable: false,
        code: `OUTBOX_${problem.toUpperCase().replace('-', '_')}`,
        messageKey: 'outbox-storage',
        cause,
      },
    );
    this.name = 'OutboxStorageError';
    this.problem = problem;
  }
}

/** Names the storage problem behind an IndexedDB failure. */
export function toStorageError(error: unknown): OutboxStorageError {
  if (error instanceof OutboxStorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return new OutboxStorageError(name === 'QuotaExceededError' ? 'quota-exceeded' : 'unavailable', error);
}

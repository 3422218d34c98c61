import { AppError } from '../errors/app-error';

/**
 * What an open (or isolated, or busy half-open) breaker throws instead of calling the service:
 * kind `circuit-open`, not retryable, with the time it will let a call through again.
 */
export class BrokenCircuitError extends AppError {
  /** Marker that survives two copies of the package. Use {@link isBrokenCircuitError}. */
  readonly isBrokenCircuitError = true as const;
  /** The breaker's name. */
  declare readonly breaker: string;
  /** Epoch ms from which the breaker lets a trial call through; undefined while isolated. */
  declare readonly retryAt: number | undefined;

  constructor(breaker: string, retryAt: number | undefined, now: number) {
    super(`Circuit "${breaker}" is open`, {
      kind: 'circuit-open',
      severity: 'warning',
      // Undefined while isolated: no time to tell.
      retryAfterMs: retryAt && Math.max(0, retryAt - now),
      context: { breaker, retryAt },
    });
    this.name = 'BrokenCircuitError';
    this.breaker = breaker;
    this.retryAt = retryAt;
  }
}

/** True for a {@link BrokenCircuitError}, including one from another copy of bulwark. */
export function isBrokenCircuitError(value: unknown): value is BrokenCircuitError {
  return (value as { isBrokenCircuitError?: unknown } | null | undefined)?.isBrokenCircuitError === true;
}

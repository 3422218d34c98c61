import type { DeadLetterReason } from './outbox-record';

/** A request the server refused (or that expired): kept until the user retries or discards it. */
export interface DeadLetter {
  /** The entry's id (the `Bulwark-Queued` header the app got). */
  id: string;
  method: string;
  /** The request URL with secret query parameters removed. */
  url: string;
  /**
   * Status of the last answer; 0 when it expired without one, was answered with a redirect, or was
   * refused by the server's CORS rules (see `excerpt`).
   */
  status: number;
  /** A short, redacted excerpt of the answer's body (at most 200 characters). */
  excerpt: string;
  /** Attempts made. */
  attempts: number;
  /** When it was queued (epoch ms). */
  queuedAt: number;
  /** `rejected` by the server (a 4xx), or `expired` after `maxAgeMs`. */
  reason: DeadLetterReason;
}

/** What the page sees of an outbox. A new object only when something changed. */
export interface OutboxSnapshot {
  /** Entries waiting to be sent. */
  pending: number;
  /** Entries the server refused, oldest first. */
  dead: readonly DeadLetter[];
  /** True while an entry is being sent. */
  replaying: boolean;
  /** True after a 401, until `resume()`. */
  paused: boolean;
}

// A queued request as a plain, storable record (after workbox's StorableRequest: a Request cannot be
// stored in IndexedDB, its parts can).
import { defaultRedactor, type Redactor } from '../errors/redact';
import type { DeadLetter } from './outbox-types';

/** The header every queued request carries so the server can apply it once. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** The header of the `202` answer to a queued request: the entry's id. */
export const QUEUED_HEADER = 'Bulwark-Queued';
/**
 * The header of the answer when the request was not queued: `quota-exceeded` or `unavailable` (a `507`:
 * storage failed), or `key-conflict` (a `409`: a queued entry holds its `Idempotency-Key` for another request).
 */
export const QUEUE_ERROR_HEADER = 'Bulwark-Queue-Error';

/** Where an entry is: waiting to be sent, or set aside until the user retries or discards it. */
export type OutboxEntryState = 'pending' | 'dead';

/** Why an entry became a dead letter: the server refused it (a 4xx), or it waited longer than `maxAgeMs`. */
export type DeadLetterReason = 'rejected' | 'expired';

/** One stored request. Everything in it survives a structured clone (IndexedDB). */
export interface OutboxEntry {
  /** Position in line: assigned by IndexedDB, grows with every add (a retried dead letter gets a new one). */
  seq?: number;
  /** Stable id (the `Bulwark-Queued` header), unchanged by a retry. */
  id: string;
  /** The outbox's name. */
  outbox: string;
  state: OutboxEntryState;
  method: string;
  url: string;
  /**
   * Header pairs in order; includes `Idempotency-Key` when `key` is set. Stored without the
   * `dropHeaders` of `installOfflineQueue` (credentials: `onReplayRequest` puts fresh ones on).
   */
  headers: [string, string][];
  /** The body's bytes; `undefined` for none. */
  body: ArrayBuffer | undefined;
  credentials: RequestCredentials;
  mode: RequestMode;
  /**
   * The `Idempotency-Key` value, identical on every attempt; `undefined` for a cross-origin request
   * the app gave no key, whose origin is not in `keyOrigins` (the header would need CORS approval).
   */
  key?: string;
  /** When it was queued (epoch ms). */
  queuedAt: number;
  /** When the user last retried it as a dead letter (epoch ms): its age for `maxAgeMs` counts from here. */
  requeuedAt?: number;
  /** Replay attempts made so far. */
  attempts: number;
  /** Status of the last attempt; 0 for a network failure, `undefined` before any. */
  lastStatus: number | undefined;
  /** Not sent before this time (epoch ms), set by backoff or `Retry-After`. */
  notBefore: number;
  /** Not sent before this time (epoch ms) even by a forced replay: the server's `Retry-After` (RFC 9110 §10.2.3). */
  retryAfterUntil?: number;
  /** For a dead letter: true once a page has captured it (one capture, whichever tab claims it first). */
  reported?: boolean;
  /** For a dead letter: why, and a short redacted excerpt of the answer. */
  reason?: DeadLetterReason;
  excerpt?: string;
}

/** How {@link toEntry} reads a request. */
export interface ToEntryOptions {
  /**
   * Origins (besides the worker's own, `location.origin`) whose requests get an `Idempotency-Key` added. Elsewhere the
   * header would turn a simple CORS request into a preflighted one that the server may refuse.
   */
  keyOrigins?: readonly string[];
  /** When it is queued (epoch ms). @default Date.now() */
  now?: number;
}

/**
 * Reads a request into a record, adding an `Idempotency-Key` unless the app set one (same-origin and
 * `keyOrigins` only: see {@link ToEntryOptions.keyOrigins}). Reads the body, so pass a clone if the
 * request is still needed. The record keeps every header: strip credentials with {@link withoutHeaders}
 * before storing it.
 */
export async function toEntry(
  request: Request,
  outbox: string,
  options: ToEntryOptions = {},
): Promise<OutboxEntry> {
  const headers = new Headers(request.headers);
  const origin = new URL(request.url).origin;
  const mayAdd = origin === location.origin || options.keyOrigins?.includes(origin);
  // An empty (or blank) key is no key: the server could not tell two entries apart.
  const key = headers.get(IDEMPOTENCY_HEADER)?.trim() || (mayAdd ? crypto.randomUUID() : undefined);
  if (key) headers.set(IDEMPOTENCY_HEADER, key);
  else headers.delete(IDEMPOTENCY_HEADER);
  const body = request.body === null ? undefined : await request.arrayBuffer();
  return {
    id: crypto.randomUUID(),
    outbox,
    state: 'pending',
    method: request.method,
    url: request.url,
    headers: [...headers],
    body: body && body.byteLength > 0 ? body : undefined,
    credentials: request.credentials,
    // A navigation's mode cannot be given to `new Request`.
    mode: request.mode === 'navigate' ? 'same-origin' : request.mode,
    key,
    queuedAt: options.now ?? Date.now(),
    attempts: 0,
    lastStatus: undefined,
    notBefore: 0,
  };
}

/** The record as stored: without the named headers (case-insensitive). */
export function withoutHeaders(entry: OutboxEntry, names: readonly string[]): OutboxEntry {
  const drop = new Set(names.map((name) => name.toLowerCase()));
  return { ...entry, headers: entry.headers.filter(([name]) => !drop.has(name.toLowerCase())) };
}

/**
 * True when two records are the same request (method, URL and body bytes; headers aside): sharing an
 * `Idempotency-Key` is then the app retrying one change, which the server applies once, as it should.
 */
export function sameRequest(a: OutboxEntry, b: OutboxEntry): boolean {
  if (a.method !== b.method || a.url !== b.url) return false;
  const x = new Uint8Array(a.body ?? new ArrayBuffer(0));
  const y = new Uint8Array(b.body ?? new ArrayBuffer(0));
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/**
 * Rebuilds the request a record describes, with the same `Idempotency-Key` every time. A replay
 * passes `redirect: 'manual'`: a followed redirect (an expired session sent to `/login`) would turn
 * the write into a GET whose 200 looks like delivery.
 */
export function toRequest(entry: OutboxEntry, redirect: RequestRedirect = 'follow'): Request {
  return new Request(entry.url, {
    method: entry.method,
    headers: entry.headers,
    body: entry.body,
    credentials: entry.credentials,
    mode: entry.mode,
    redirect,
  });
}

/** What the page shows of a dead entry: no headers, no body, the URL without secrets. */
export function toDeadLetter(entry: OutboxEntry, redactor: Redactor = defaultRedactor): DeadLetter {
  return {
    id: entry.id,
    method: entry.method,
    url: redactor.redactString(entry.url),
    status: entry.lastStatus ?? 0,
    // Stored redacted by the worker; read again with the page's rules, which the worker may not have.
    excerpt: redactor.redactString(entry.excerpt ?? ''),
    attempts: entry.attempts,
    queuedAt: entry.queuedAt,
    reason: entry.reason ?? 'rejected',
  };
}

import { readFieldErrors } from './read-field-errors';
import { readProperty, remembered } from './read-property';
import { ERROR_KINDS, type ErrorKind, type FieldErrors } from './types';

/** What classification rules look at, read from one thrown value without ever throwing. */
export interface ErrorFacts {
  /** `error.name` (`TypeError`, `AbortError`, `ChunkLoadError`, …). */
  name?: string;
  /** `error.message`, or the value itself when a string was thrown. */
  message?: string;
  /** HTTP status from `status`, `statusCode` or `response.status` (axios, ky). */
  status?: number;
  /** A string `code` (`ECONNREFUSED`, `ERR_NETWORK`, `EOPENBREAKER`). */
  code?: string;
  /** A `kind` field naming one of the error kinds, as an `AppError` has. */
  kind?: ErrorKind;
  /** Field messages, when the value looks like a validation failure. */
  fieldErrors?: FieldErrors;
}

const MAX_CHAIN = 5;

/**
 * Rules read at most this much of a message or name: a 50 MB thrown string is classified in bounded
 * time (issue 9), and the words rules look for sit at the start.
 */
const MAX_TEXT = 4000;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
const isStatus = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 600;

/** Where the facts are kept among a value's reads. */
const FACTS = '\u0000facts';

/**
 * Reads the facts of one value. Never throws. Inside `readOnce` (a capture) they are read once per
 * value: the classifier and the repeat key ask again for the same value (break-it pass 2, H3).
 */
export function readFacts(value: unknown): ErrorFacts {
  if (typeof value === 'string') return { message: text(value) };
  return remembered(value, FACTS, () => readFreshFacts(value));
}

function readFreshFacts(value: unknown): ErrorFacts {
  // The first status found, read in this order (no array: this runs on every capture, issue 11).
  let status = readProperty(value, 'status');
  if (!isStatus(status)) status = readProperty(value, 'statusCode');
  if (!isStatus(status)) status = readProperty(readProperty(value, 'response'), 'status');
  const kind = readProperty(value, 'kind') as ErrorKind;
  return {
    name: text(readProperty(value, 'name')),
    message: text(readProperty(value, 'message')),
    status: isStatus(status) ? status : undefined,
    code: text(readProperty(value, 'code')),
    kind: ERROR_KINDS.includes(kind) ? kind : undefined,
    fieldErrors: readFieldErrors(value),
  };
}

/** The value and its `cause` chain (at most 5 links, stopping at a cycle). */
export function causeChain(value: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let link = value; link !== undefined && chain.length < MAX_CHAIN; link = readProperty(link, 'cause')) {
    if (chain.includes(link)) break;
    chain.push(link);
  }
  return chain;
}

import { AppError } from './app-error';
import { readProperty } from './read-property';
import type { StackMessage } from './normalize';
import type { Redactor } from './redact';
import { clip } from './redaction/clip';
import { ERROR_KINDS, SEVERITIES } from './types';

/** Kept of a message and of a stack (its end, where the frames are), as `normalizeError` keeps. */
const MAX_MESSAGE = 1000;
const MAX_STACK = 10_000;
/** Kept of a name, code or catalog key: identifiers, not text. */
const MAX_NAME = 100;

/** Sets a non-enumerable field: JSON and object spread never see it. */
export const hidden = (target: object, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
};

/** Field errors kept per error, and messages per field: a form rarely has more fields than this. */
const MAX_FIELDS = 50;
/** Own fields of a subclass kept besides AppError's, as a redacted copy keeps entries per object. */
const MAX_OWN_FIELDS = 50;

/** The first `max` own enumerable keys of `value`, or none when they cannot be listed. */
const ownKeys = (value: unknown, max: number): string[] => {
  try {
    return Object.keys(value as object).slice(0, max);
  } catch {
    return [];
  }
};

/**
 * Field errors with their field names and messages scanned for secrets, but a field's name is never a
 * reason to wipe its messages: `{ password: ['Too short'] }` must still reach the form (issue 9). A
 * field's name is scanned with its messages as nearby text and the messages with the field's name, so
 * `{ 4111111111111111: ['card invalid'] }` and `{ card: ['4111… declined'] }` are card numbers. At most
 * 50 fields of 50 messages each, each message 1,000 characters, each name 200.
 */
export function redactFieldErrors(value: unknown, redactor: Redactor): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return redactor(value);
  const fields: Record<string, unknown> = {};
  for (const field of ownKeys(value, MAX_FIELDS)) {
    const messages = readProperty(value, field);
    const list = Array.isArray(messages) ? messages.slice(0, MAX_FIELDS) : [messages];
    const nearby = list
      .map((message) => (typeof message === 'string' ? message.slice(0, 200) : ''))
      .join(' ');
    fields[redactor.redactString(field, 200, nearby)] = Array.isArray(messages)
      ? list.map((message) => redactor.redactString(String(message), MAX_MESSAGE, field))
      : redactor(messages);
  }
  return fields;
}

const text = (value: unknown, redactor: Redactor, fallback: string | undefined): string | undefined =>
  typeof value === 'string' ? redactor.redactString(value, MAX_NAME) : fallback;
const isStatus = (value: unknown): boolean =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < 600;
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * AppError's own fields, each checked for its type and rebuilt (issue 9, C3): a forged or foreign
 * `isAppError` record with `status: 1e300` or an object for a `code` is stored with the defaults instead.
 */
const FIELDS: Record<string, (value: unknown, redactor: Redactor) => unknown> = {
  isAppError: () => true,
  name: (value, redactor) => text(value, redactor, 'AppError'),
  kind: (value) => (ERROR_KINDS.includes(value as never) ? value : 'unknown'),
  severity: (value) => (SEVERITIES.includes(value as never) ? value : 'error'),
  retryable: (value) => value === true,
  code: (value, redactor) => text(value, redactor, 'UNKNOWN'),
  messageKey: (value, redactor) => text(value, redactor, 'unknown'),
  status: (value) => (isStatus(value) ? value : undefined),
  retryAfterMs: (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined,
  actions: (value, redactor) =>
    Array.isArray(value)
      ? value
          .slice(0, MAX_FIELDS)
          .filter((id) => typeof id === 'string')
          .map((id: string) => redactor.redactString(id, MAX_NAME))
      : [],
  context: (value, redactor) => {
    const copy = isObject(value) ? redactor(value) : undefined;
    return isObject(copy) && !Array.isArray(copy) ? copy : undefined;
  },
  fieldErrors: (value, redactor) => (isObject(value) ? redactFieldErrors(value, redactor) : undefined),
};
/** `redactor.redactString(text)`, called as a method (a hand-made redactor may use `this`, findings-11f F6), without a closure per call. */
const redactWith = (text: string, redactor: Redactor): string => redactor.redactString(text);

/** Never stored as fields: the message and stack are kept hidden, the cause is the raw thrown value. */
const SKIPPED = new Set(['message', 'stack', 'cause']);

/**
 * A redacted, bounded copy of an AppError, of the same class when it is one of this copy of bulwark (an
 * HttpError stays one), else a plain AppError: message (1,000 characters) and stack (its last 10,000)
 * redacted before they are cut; AppError's fields checked for their types (see `FIELDS`); `context`
 * and `fieldErrors` as redacted JSON copies; a subclass's own fields (at most 50) through one redactor
 * call, so they are redacted by name and value with its bounds (500 values in all). No `cause`.
 * `redactStack` redacts the stack (`capture` passes one that caches per throw site, issue 11; by default
 * the redactor's `redactString`). Never throws: an error that cannot be read becomes a plain AppError
 * saying so.
 */
export function redactError(
  error: AppError,
  redactor: Redactor,
  redactStack?: (stack: string, message?: StackMessage) => string,
): AppError {
  try {
    const copy = Object.create(
      error instanceof AppError ? (Object.getPrototypeOf(error) as object) : AppError.prototype,
    ) as Record<string, unknown>;
    for (const [key, check] of Object.entries(FIELDS)) copy[key] = check(readProperty(error, key), redactor);
    const own: Record<string, unknown> = {};
    for (const key of ownKeys(error, MAX_OWN_FIELDS + 20)) {
      if (Object.keys(own).length === MAX_OWN_FIELDS) break;
      if (!Object.hasOwn(FIELDS, key) && !SKIPPED.has(key)) own[key] = readProperty(error, key);
    }
    // By its name too: an app's own `token` field, a card number kept as a number (issue 9).
    Object.assign(copy, redactor(own));
    const message = readProperty(error, 'message');
    const raw = typeof message === 'string' ? message : '';
    const clean = redactor.redactString(raw, MAX_MESSAGE - 1);
    hidden(copy, 'message', clean);
    const stack = readProperty(error, 'stack');
    const name = readProperty(error, 'name');
    const known = { name: typeof name === 'string' ? name : undefined, raw, clean };
    if (typeof stack === 'string')
      hidden(
        copy,
        'stack',
        redactStack
          ? clip(stack, MAX_STACK - 1, redactStack, true, known)
          : clip(stack, MAX_STACK - 1, redactWith, true, redactor),
      );
    return copy as unknown as AppError;
  } catch {
    return new AppError('An error that could not be read');
  }
}

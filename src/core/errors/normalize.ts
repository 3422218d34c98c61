import { AppError, isAppError } from './app-error';
import {
  classifyError,
  classifyTraced,
  kindDefaults,
  matchRule,
  type ClassificationRule,
  type PredicateAnswer,
} from './classify';
import { readFacts, type ErrorFacts } from './error-facts';
import { setThrownType } from './thrown-type';
import { readOnce, readProperty } from './read-property';
import { stackText } from './stack-text';
import { statusLine } from './status-line';
import { parseRetryAfter } from './retry-after';
import { defaultRedactor, inOneCall, type Redactor } from './redact';
import { toJsonSafe } from './to-json-safe';
import { clip } from './redaction/clip';
import { redactFieldErrors } from './redact-error';
import type { FieldErrors } from './types';

/** An error's name, and its message as thrown and as redacted for the normalised error. */
export interface StackMessage {
  name: string | undefined;
  raw: string;
  clean: string;
}

/** Options for {@link normalizeError}. */
export interface NormalizeOptions {
  /** App rules tried before the default rules. @default [] */
  rules?: readonly ClassificationRule[];
  /** Removes secrets from the message, stack, code, field errors and URL before they are cut. @default the default rules */
  redactor?: Redactor;
  /**
   * Redacts the stack (`capture` passes one that caches per throw site and reuses the redacted message
   * for a `Name: message` head, issue 11). @default `redactor.redactString`
   */
  redactStack?: (stack: string, message?: StackMessage) => string;
  /** Filled with the predicate rules asked about the value and their answers (for `capture`'s repeat path). @default undefined */
  asked?: PredicateAnswer[];
  /** The value's facts when the caller has read them already (`capture`'s repeat key does). @default read here */
  facts?: ErrorFacts;
}

/** Messages longer than this are cut, `…` included (a thrown 10 MB string stays a short message). */
const MAX_MESSAGE = 1000;
/** V8 stacks start with the message: keep the end, where the frames are. */
const MAX_STACK = 10_000;

/** What a plain object's message shows of it: a few fields, a few levels (a 2-million-item value costs as much as a small one). */
const SUMMARY = { maxDepth: 3, maxEntries: 20, maxStringLength: 200, maxNodes: 60 };

/**
 * A readable message for any value. Never throws: a value whose `toString` throws or is missing (a
 * null-prototype object, issue 9) is shown by its fields, and the facts read beside it are kept.
 */
const describe = (value: unknown, message: string | undefined, name: string | undefined): string => {
  const known = message || name;
  if (known) return known;
  let text = '[object Object]';
  try {
    // An object's own toString may say something useful (URL, custom errors). Not an array's or a
    // typed array's: it joins every item (two million of them, issue 9).
    text =
      Array.isArray(value) || ArrayBuffer.isView(value)
        ? '[object Array]'
        : typeof value === 'bigint'
          ? (toJsonSafe(value, { ...SUMMARY, mapNumber: String }) as string) // its digits, bounded (H4)
          : String(value);
  } catch {
    // Shown by its fields below.
  }
  // `[object Object]` says nothing: show a bounded copy of its fields (cycles, BigInts and throwing
  // getters included). Secrets are removed with the rest of the message.
  return text.startsWith('[object ') ? JSON.stringify(toJsonSafe(value, SUMMARY)) : text;
};

/**
 * An AppError as the app's rules see it: when one matches, a copy (same class, fields, message and
 * stack) with the rule's classification; else the error itself. The thrown error is never changed.
 */
const reclassify = (
  error: AppError,
  rules: readonly ClassificationRule[],
  asked?: PredicateAnswer[],
): AppError => {
  if (!matchRule(error, rules, asked)) return error;
  try {
    const copy = Object.create(
      Object.getPrototypeOf(error) as object,
      Object.getOwnPropertyDescriptors(error),
    ) as AppError;
    return Object.assign(copy, classifyError(error, rules));
  } catch {
    return error; // a frozen error: keep it as it is rather than lose it
  }
};

/**
 * Turns any thrown value into a classified {@link AppError}. Never throws. An `AppError` (an
 * `HttpError` too) is returned as is unless one of `rules` matches it: your rules come first for every
 * value, so it comes back as a copy with the rule's classification (a rule opts out with
 * `appErrors: false`). Anything else is classified with the rules table and keeps the original as `cause` and its
 * stack. A thrown `Response` keeps its status, `Retry-After` and URL without query (in `context`); its
 * body is not read (`HttpError.fromResponse` does that). Message (at most 1,000 characters), stack
 * (its last 10,000), code, field errors and URL of a new AppError are redacted, then cut (issue 9);
 * the original stays reachable as its non-enumerable `cause`, which `toJSON` never copies. Bounded
 * work for any value. `capture` stores a redacted copy of an `AppError`.
 *
 * @example
 * try { await save(); } catch (e) { const error = normalizeError(e); if (error.retryable) retry(); }
 */
export function normalizeError(value: unknown, options: NormalizeOptions = {}): AppError {
  // Each property of the value read once, and one redaction budget for all its text (issue 9, H1, H3).
  const redactor = options.redactor ?? defaultRedactor;
  return readOnce(normalizeInOneCall, value, options, redactor);
}

/** `normalizeOnce` as one call of `redactor`: a function, not a closure per call (see `readOnce`). */
const normalizeInOneCall = (value: unknown, options: NormalizeOptions, redactor: Redactor): AppError =>
  inOneCall(redactor, normalizeOnce, value, options, redactor);

function normalizeOnce(value: unknown, options: NormalizeOptions, redactor: Redactor): AppError {
  try {
    if (isAppError(value)) return options.rules ? reclassify(value, options.rules, options.asked) : value;
    // An Error is no Response, and Node's lazy `Response` global costs ~1.6 µs a read (issue 11).
    const response =
      !(value instanceof Error) && typeof Response !== 'undefined' && value instanceof Response
        ? value
        : undefined;
    const facts = options.facts ?? readFacts(value);
    const { name, message, status, code, fieldErrors } = facts;
    const raw = describe(value, message, name);
    const text = response
      ? statusLine(response.status, response.statusText)
      : redactor.redactString(raw, MAX_MESSAGE - 1);
    const { redactStack } = options;
    const stack = stackText(readProperty(value, 'stack'));
    const { kind, severity, retryable, messageKey, actions } = classifyTraced(
      value,
      options.rules,
      options.asked,
      facts,
    );
    const error = new AppError(text || 'Unknown error', {
      kind,
      severity,
      retryable,
      messageKey,
      actions,
      code: (code && redactor.redactString(code, 100)) || (status ? `HTTP_${status}` : undefined),
      status,
      retryAfterMs: response && parseRetryAfter(response.headers.get('retry-after')),
      // Without the query string, where secrets in URLs live.
      context: response && { url: redactor.redactString(response.url.replace(/[?#].*/, ''), MAX_MESSAGE) },
      fieldErrors: fieldErrors && (redactFieldErrors(fieldErrors, redactor) as FieldErrors),
      cause: value,
      // Keep where it was thrown, not where it was normalised: fingerprints use the top frame.
      stack:
        typeof stack === 'string'
          ? redactStack
            ? clip(
                stack,
                MAX_STACK - 1,
                redactStack,
                true,
                !response && message === raw ? { name, raw, clean: text } : undefined,
              )
            : clip(stack, MAX_STACK - 1, redactor.redactString, true)
          : undefined,
    });
    // Its own type (`TypeError`), for error trackers to title it by rather than `AppError` (issue 13).
    setThrownType(error, name, redactor);
    return error;
  } catch {
    return new AppError('Unknown error', { ...kindDefaults.unknown, cause: value });
  }
}

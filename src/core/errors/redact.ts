import { toJsonSafe, type JsonSafeLimits } from './to-json-safe';
import type { JsonValue } from './types';

/** Options for {@link createRedactor}. */
export interface RedactOptions {
  /** Extra secret key names: a string matches case-insensitively, ignoring `-`, `_` and spaces. @default [] */
  keys?: readonly (string | RegExp)[];
  /** Extra value patterns, replaced wherever they appear in a string. @default [] */
  patterns?: readonly RegExp[];
  /** Key names that are never redacted by name (their values are still scanned for patterns). @default [] */
  allowKeys?: readonly (string | RegExp)[];
  /** Text put in place of a secret. @default '[REDACTED]' */
  replacement?: string;
  /** Depth, string length and entry limits of the copy. @default toJsonSafe's limits */
  limits?: JsonSafeLimits;
}

/** Copies a value into JSON with secrets removed; `redactString` cleans a single string. */
export interface Redactor {
  (value: unknown): JsonValue;
  redactString: (value: string) => string;
}

const DEFAULT_REPLACEMENT = '[REDACTED]';

/** Key names (lower-cased, without `-`, `_`, spaces) whose values are secrets. */
const SECRET_KEY =
  /pass(w(or)?d|phrase)?$|secret|token|apikey|^(proxy)?auth(orization)?$|cookie|credential|privatekey|signature|sessionid|cardnumber|^(otp|pin|cv[cv]|ssn|si[dg]|jwt)$/;
/** Whole header lines: `Authorization: …`, `Cookie: a=1; b=2` up to the end of the line or quote. */
const HEADER = /\b((?:proxy-)?authorization|cookie|x-api-key)(["']?\s*[:=]\s*["']?)[^\r\n"']+/gi;
const BEARER = /\bbearer\s+[\w.~+/-]+=*/gi;
/**
 * Secrets recognised by their shape alone: JWTs; well-known key formats (Stripe, AWS access key ids,
 * GitHub, Slack, Google); emails (see ASSIGNMENT on the lookbehind).
 */
const SECRET_VALUE =
  /\beyJ[\w-]+\.[\w-]+\.[\w-]*|\b(?:[sprk]k_(?:live|test)_\w{8,}|AKIA[0-9A-Z]{16}|gh[pousr]_\w{20,}|xox[abpr]-[\w-]{10,}|AIza[\w-]{35})|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** 13–19 digits, or grouped 4-4-4-n / 4-6-5 with one kind of separator (so uuids never match). */
const CARD = /\b(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{5})\b/g;
/**
 * `key=value`, `key: value`, `"key": "value"` and query parameters; the key decides. The lookbehinds
 * (here and in SECRET_VALUE) start a match only at the start of a word, keeping long strings linear.
 */
const ASSIGNMENT = /(?<![\w.[\]-])([\w.[\]-]+)(["']?\s*(?:=|:(?!\/\/))\s*)("[^"]*"|'[^']*'|[^\s"'&,;?)}]+)/g;

/** Luhn checksum, so order numbers and timestamps are kept and only card-like numbers go. */
const luhn = (text: string): boolean =>
  (text.match(/\d/g) ?? [])
    .reverse()
    .reduce((sum, digit, i) => sum + ((i % 2) + 1) * +digit - (i % 2 && +digit > 4 ? 9 : 0), 0) %
    10 ===
  0;

const normalizeKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const listed = (list: readonly (string | RegExp)[] | undefined, key: string): boolean =>
  list?.some((k) => (typeof k === 'string' ? normalizeKey(k) === normalizeKey(key) : k.test(key))) ?? false;

/**
 * Creates a redactor: secrets are found by key name (passwords, tokens, API keys, secrets,
 * `Authorization`, `Cookie`, `Set-Cookie`, …) and by value pattern (JWTs, bearer tokens, card numbers
 * passing Luhn, emails, known API-key formats, secret query parameters). Works on nested, cyclic and
 * frozen objects, arrays, Errors (message and stack), Maps, Sets, `Headers` and `URLSearchParams`.
 * Never throws; returns a JSON-safe copy.
 *
 * @example
 * const redact = createRedactor({ keys: ['ssnLast4'], allowKeys: ['tokenCount'] });
 * redact({ password: 'hunter2', tokenCount: 3 }); // { password: '[REDACTED]', tokenCount: 3 }
 */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const replacement = options.replacement ?? DEFAULT_REPLACEMENT;
  const patterns = (options.patterns ?? []).map((p) => new RegExp(p.source, p.flags.replace('g', '') + 'g'));
  const isSecretKey = (key: string): boolean =>
    !listed(options.allowKeys, key) && (SECRET_KEY.test(normalizeKey(key)) || listed(options.keys, key));

  const redactString = (text: string): string =>
    patterns.reduce(
      (out, pattern) => out.replace(pattern, replacement),
      text
        .replace(HEADER, `$1$2${replacement}`)
        .replace(BEARER, `Bearer ${replacement}`)
        .replace(SECRET_VALUE, replacement)
        .replace(CARD, (digits) => (luhn(digits) ? replacement : digits))
        .replace(ASSIGNMENT, (all, key: string, separator: string, value: string) => {
          if (!isSecretKey(key)) return all;
          const quote = /^["']/.test(value) ? value.charAt(0) : '';
          return `${key}${separator}${quote}${replacement}${quote}`;
        }),
    );

  const redactor = (value: unknown): JsonValue =>
    toJsonSafe(value, {
      ...options.limits,
      mapString: redactString,
      mapEntry: (key, item) => (isSecretKey(key) ? replacement : item),
    });
  return Object.assign(redactor, { redactString });
}

const defaultRedactor = /* @__PURE__ */ createRedactor();

/**
 * Removes secrets from any value with the default rules. Returns a JSON-safe copy.
 *
 * @example
 * redact({ headers: { Authorization: 'Bearer abc' }, email: 'ada@example.com' });
 * // { headers: { Authorization: '[REDACTED]' }, email: '[REDACTED]' }
 */
export function redact(value: unknown): JsonValue {
  return defaultRedactor(value);
}

/** Removes secrets from a string with the default rules. */
export function redactString(value: string): string {
  return defaultRedactor.redactString(value);
}

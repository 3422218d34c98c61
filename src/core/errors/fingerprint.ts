import type { AppError } from './app-error';
import { readProperty } from './read-property';

/** Query strings and fragments, then emails, id-like tokens (8+ chars with a digit: uuids, hex and numeric ids, chunk hashes) and numbers. */
const QUERY = /[?#][^\s'")]*/g;
const VARIABLE = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\w-])(?=[\w-]*\d)[\w-]{8,}|\d+/g;
const MAX_PART = 500;

const clean = (text: string): string =>
  text.slice(0, MAX_PART).replace(QUERY, '').replace(VARIABLE, '#').replace(/\s+/g, ' ').trim();

/** The top stack frame: V8's first `    at …` line, or Firefox/Safari's first `fn@url:line:col` line. */
const topFrame = (stack: unknown): string =>
  typeof stack === 'string' ? ((/^\s*at .*/m.exec(stack) ?? /.*@\S*:\d.*/.exec(stack))?.[0] ?? '') : '';

/** Two FNV-1a lanes with different primes, folded to 53 bits and printed in base 36 (at most 11 characters). */
const hash = (text: string): string => {
  let low = 0x811c9dc5;
  let high = 0;
  for (let i = 0; i < text.length; i++) {
    low = Math.imul(low ^ text.charCodeAt(i), 16777619);
    high = Math.imul(high ^ low, 2654435761);
  }
  return (4294967296 * (2097151 & (high >>> 11)) + (low >>> 0)).toString(36);
};

/**
 * A stable key for "the same error", so an error storm collapses into one record: `kind:hash` of
 * the kind, code, status, request URL (HttpError), the message and the top stack frame, with
 * query strings, emails, ids and numbers (so line and column too) replaced.
 *
 * @example
 * fingerprint(normalizeError(new Error('Order 123 not found'))) === fingerprint(normalizeError(new Error('Order 456 not found'))); // true
 */
export function fingerprint(error: AppError): string {
  const url = readProperty(error, 'url');
  const parts = [
    error.code,
    error.status ?? '',
    typeof url === 'string' ? clean(url) : '',
    clean(error.message),
    clean(topFrame(error.stack)),
  ];
  return `${error.kind}:${hash(parts.join('|'))}`;
}

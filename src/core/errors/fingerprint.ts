import type { AppError } from './app-error';
import { readRaw } from './read-property';
import { stackText } from './stack-text';

/** Query strings and fragments, then emails, id-like tokens (8+ chars with a digit: uuids, hex and numeric ids, chunk hashes) and numbers. */
const QUERY = /[?#][^\s'")]*/g;
const VARIABLE = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\w-])(?=[\w-]*\d)[\w-]{8,}|\d+/g;
const MAX_PART = 500;

/** Stack text searched for the top frame: frames sit near the start, and the search stays linear and bounded. */
const MAX_STACK = 20_000;

/**
 * What `clean`'s replacements need to change anything: `?`/`#` (QUERY), `@` or a digit (VARIABLE), a blank
 * other than a space or two in a row (`\s+`). Without one, they are skipped: most messages have none, and
 * three replacements over each new error's message were a tenth of its fingerprint (issue 11).
 */
const CHANGES = /[?#@\d]|[^\S ]| {2}/;

/** A fingerprint part: the first 500 characters without query strings, ids and numbers, blanks folded (exported for its test). */
export const clean = (whole: string): string => {
  const text = whole.slice(0, MAX_PART);
  if (!CHANGES.test(text)) return text.trim();
  return text.replace(QUERY, '').replace(VARIABLE, '#').replace(/\s+/g, ' ').trim();
};

const OTHER_FRAME = /^[^\n@]*@\S*:\d.*/m;

/** Where the line holding `from` ends: at the first line terminator, as a RegExp's `.` stops. */
const lineEnd = (text: string, from: number): number => {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return i;
  }
  return text.length;
};

/** Where the first line of `text` that is blanks (space, tab) then `at ` starts, as `/^[ \t]*at /m` finds it; -1 if none. */
const v8FrameStart = (text: string): number => {
  // V8's own stacks: the first `\n    at ` after a head holding no `at ` at all, found by the engine's search.
  const first = text.indexOf('\n    at ');
  if (first >= 0 && text.lastIndexOf('at ', first) < 0) return first + 1;
  for (let line = 0; line < text.length;) {
    let at = line;
    for (let code = text.charCodeAt(at); code === 32 || code === 9; code = text.charCodeAt(++at));
    if (text.startsWith('at ', at)) return line;
    // Linear: each character is read once, by the blank skip or by `lineEnd`.
    line = lineEnd(text, at) + 1;
  }
  return -1;
};

/**
 * The top stack frame: V8's first `    at …` line, or Firefox/Safari's first `fn@url:line:col` line.
 * `[ \t]`, not `\s`: `^\s*` would run across blank lines from every line start (quadratic on 200,000
 * newlines, issue 9); a match starts only at a line start.
 */
const topFrame = (stack: unknown): string => {
  if (typeof stack !== 'string') return '';
  const text = stack.slice(0, MAX_STACK);
  // Found without a RegExp match (a `search` makes one too), then the line's end (issue 11, tenth session).
  const start = v8FrameStart(text);
  // A V8 frame line starts with blanks and `at `, so it runs from its start to its line's end; a
  // Firefox/Safari one may hold a `\r` or U+2028 before its `@url` (findings-11e E2): matched whole.
  if (start >= 0) return text.slice(start, lineEnd(text, start));
  return OTHER_FRAME.exec(text)?.[0] ?? '';
};

/** Top frames whose cleaned text is remembered: a storm has a handful of throw sites. */
const MAX_SITES = 64;
/** Cleaned top frames by their raw text: the `VARIABLE` regex ran over the same frame on every new error (issue 11). A memo of a pure function, not app state. */
const sites = /* @__PURE__ */ new Map<string, string>();

/** `clean(frame)`, remembered per frame (oldest out first: a Map iterates in insertion order). */
const cleanFrame = (whole: string): string => {
  // `clean` reads no further: the key stays short.
  const frame = whole.slice(0, MAX_PART);
  let cleaned = sites.get(frame);
  if (cleaned === undefined) {
    cleaned = clean(frame);
    if (sites.size >= MAX_SITES) sites.delete(sites.keys().next().value as string);
    sites.set(frame, cleaned);
  }
  return cleaned;
};

/**
 * Two FNV-1a lanes with different primes over `parts.join('|')`, folded to 53 bits and printed in base 36
 * (at most 11 characters). Read part by part: the joined string was a new error's largest allocation
 * after the store's copy (issue 11, tenth session).
 */
const hash = (parts: readonly string[]): string => {
  let low = 0x811c9dc5;
  let high = 0;
  for (let p = 0; p < parts.length; p++) {
    const text = parts[p] as string;
    for (let i = p === 0 ? 0 : -1; i < text.length; i++) {
      low = Math.imul(low ^ (i < 0 ? SEPARATOR : text.charCodeAt(i)), 16777619);
      high = Math.imul(high ^ low, 2654435761);
    }
  }
  return base36(4294967296 * (2097151 & (high >>> 11)) + (low >>> 0));
};
/** `|`, between two parts. */
const SEPARATOR = 124;

/** 36^5: every integer below 2^53 is `high * 36^5 + low` with both below 2^31. */
const LOW_PART = 60_466_176;

/**
 * `value.toString(36)` for an integer from 0 to 2^53 - 1, as two small integers' conversions: the engine's
 * radix conversion of a number past 2^31 was a quarter of a new error's fingerprint (issue 11), and
 * building it digit by digit made a string per digit (tenth session: 230 ns instead of 530 ns). Exact:
 * `value % 36^5` and `(value - low) / 36^5` stay integers below 2^53. Exported for its test.
 */
export const base36 = (value: number): string => {
  const low = value % LOW_PART;
  const high = (value - low) / LOW_PART;
  return high > 0 ? high.toString(36) + low.toString(36).padStart(5, '0') : low.toString(36);
};

/**
 * A field of the error as a fingerprint part: a string or number, its first 500 characters; else `''`.
 * Read as untrusted: a forged or half-built record must not make this throw (issue 9). Each field once,
 * so not through a capture's memo: it held nothing the fingerprint reads twice (issue 11). A function,
 * not a closure per call: V8 recompiled that closure after every major GC (tenth session).
 */
const readPart = (error: AppError, key: string): string => {
  const value = readRaw(error, key);
  return typeof value === 'string' || typeof value === 'number' ? `${value}`.slice(0, MAX_PART) : '';
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
  const parts = [
    readPart(error, 'code'),
    readPart(error, 'status'),
    clean(readPart(error, 'url')),
    clean(readPart(error, 'message')),
    cleanFrame(topFrame(stackText(readRaw(error, 'stack')))),
  ];
  return `${readPart(error, 'kind') || 'unknown'}:${hash(parts)}`;
}

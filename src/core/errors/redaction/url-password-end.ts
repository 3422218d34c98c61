import { isSpaceChar } from './value-end';

/** A URL password holds 1 to 200 characters; a host 1 to 253. */
const MAX_PASSWORD = 200;
const MAX_HOST = 253;

/** `[\w.-]`, read by code (also the rest of an `aligned-pair` key). */
export const isHostChar = (code: number): boolean =>
  (code >= 48 && code <= 57) ||
  ((code | 32) >= 97 && (code | 32) <= 122) ||
  code === 95 ||
  code === 46 ||
  code === 45;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** The end of the text (NaN), a space, or `/ ? # , ; ' " < > ) ]`: what may follow an authority. */
const isAuthorityEnd = (code: number): boolean =>
  Number.isNaN(code) ||
  isSpaceChar(code) ||
  code === 47 ||
  code === 63 ||
  code === 35 ||
  code === 44 ||
  code === 59 ||
  code === 39 ||
  code === 34 ||
  code === 60 ||
  code === 62 ||
  code === 41 ||
  code === 93;

/** An IPv6 literal holds at most 64 characters between its brackets (a zone id included). */
const MAX_IPV6 = 64;

/** The index after an IPv6 literal `[2001:db8::1]` at `at` (RFC 3986 IP-literal), or `at` when there is none. */
function ipv6End(text: string, at: number): number {
  if (text.charCodeAt(at) !== 91) return at;
  let i = at + 1;
  // Hex digits, `:` and `.` (an embedded IPv4), `%25` and a zone id
  for (let code = text.charCodeAt(i); i - at <= MAX_IPV6 && (isHostChar(code) || code === 58 || code === 37);)
    code = text.charCodeAt(++i);
  return text.charCodeAt(i) === 93 && i > at + 2 ? i + 1 : at;
}

/**
 * Whether a host (1–253 of `[\w.-]`, or an IPv6 literal: break-it pass 2, L5), an optional `:port`
 * (1–5 digits) and the end of the authority start at `at`.
 */
function hostAt(text: string, at: number): boolean {
  let i = ipv6End(text, at);
  if (i === at) while (i - at <= MAX_HOST && isHostChar(text.charCodeAt(i))) i++;
  if (i === at || i - at > MAX_HOST) return false;
  if (text.charCodeAt(i) === 58) {
    let digits = 0;
    while (digits < 6 && isDigit(text.charCodeAt(i + 1 + digits))) digits++;
    if (digits >= 1 && digits <= 5 && isAuthorityEnd(text.charCodeAt(i + 1 + digits))) return true;
  }
  return isAuthorityEnd(text.charCodeAt(i));
}

/** Per scan: no position in `[from, to)` of its text is a space or an `@` before a host. */
interface Clean {
  from: number;
  to: number;
}
const scans = new WeakMap<object, Clean>();

/**
 * Where the password of a URL's `user:password@host` ends: the first `@` (1 to 200 characters
 * after `from`, no space between) followed by a host and the end of the authority, or `from` when
 * there is none. A scan by character codes rather than the lazy `\S{1,200}?@(?=host)` it replaces,
 * which tried the host at every `@` again for every `scheme://` before it (4–7 ms per 20,000
 * characters of `a://b:c@`, issue 9). `scan` is one object per scan of one text (the rule context):
 * what an earlier match of the scan read is not read again, so the work is linear in the text.
 */
export function urlPasswordEnd(text: string, from: number, scan: object): number {
  if (from >= text.length || isSpaceChar(text.charCodeAt(from))) return from;
  let clean = scans.get(scan);
  if (!clean) scans.set(scan, (clean = { from: 0, to: 0 }));
  const limit = Math.min(text.length, from + MAX_PASSWORD + 1);
  let i = from + 1;
  if (clean.from <= i && i <= clean.to) i = clean.to;
  else clean.from = i;
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceChar(code) || (code === 64 && hostAt(text, i + 1))) break;
  }
  clean.to = i;
  return i < limit && text.charCodeAt(i) === 64 ? i : from;
}

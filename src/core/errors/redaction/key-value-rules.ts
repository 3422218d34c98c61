import { isAuthParam } from './auth-param';
import { commandRules } from './command-rules';
import { markupRules } from './markup-rules';
import { proseRules } from './prose-rules';
import { isArnSecretName, isSettingValue } from './named-not-secret';
import { isReason } from './reason';
import type { RedactionRule } from './types';
import { valueEnd, type ValueForm } from './value-end';

/**
 * A value that is already a replacement: bulwark's markers and Sentry's (`[REDACTED]`, `[Filtered]`,
 * `[Unreadable]`, `***`), or the redactor's own `replacement` (`markerEnd`), never any bracketed word:
 * `password=[HunterTwo]` is a password (issue 9, break-it pass 3: N8).
 */
const MARKER = String.raw`\[(?:REDACTED|Redacted|redacted|FILTERED|Filtered|filtered|Unreadable|Circular|Object)\]`;
const REPLACED = new RegExp(String.raw`^(?:${MARKER}|\*{3,})$`);
const MARKER_THEN_SPACE = new RegExp(`${MARKER}(?=[ \t])`, 'y');
/** The end of a marker at `start` followed by a space or tab (a custom `replacement` too: W5), or -1. */
function markerEnd(text: string, start: number, replacement: string): number {
  if (
    replacement &&
    text.startsWith(replacement, start) &&
    /[ \t]/.test(text.charAt(start + replacement.length))
  )
    return start + replacement.length;
  MARKER_THEN_SPACE.lastIndex = start;
  return MARKER_THEN_SPACE.test(text) ? MARKER_THEN_SPACE.lastIndex : -1;
}
/** The quotes, brackets and backslashes around a key: `\"api key\"` → `api key`. */
const KEY_WRAP = /^[\\"'[:]+|[\\"'\]]+$/g;
const WRAPPED = /^[\\"'[:]/;
/**
 * Characters of a key name: letters and digits (ASCII, Latin, Greek, Cyrillic, Armenian, Hebrew,
 * Arabic, Indic, Thai, Georgian, kana, CJK, Hangul, full-width), `_ $ . - [ ]`, and invisible ones, read
 * through (`pass\u200Bword`). Listed rather than `\p{L}`: the `u` flag made the pattern several times
 * slower. Other scripts than Latin matter for an app's own `keys` (`пароль=…`, `密码: …`: break-it pass 3, N2).
 */
const LETTER = String.raw`A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F\u0531-\u0587\u05D0-\u05EA\u0620-\u06D3\u0904-\u0E7F\u10A0-\u10FF\u3041-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uFF21-\uFF3A\uFF41-\uFF5A`;
const K = String.raw`[${LETTER}\d\uFF10-\uFF19_$.\-[\]\u00AD\u200B-\u200F\u2060\uFEFF]`;
/** What may not come right before a key: a key character, `%` or `\` (`%3F` and `\n` are let in apart). */
const K_OR_PERCENT = String.raw`${K.slice(0, -1)}%\\]`;

/** The rest of a line (Digest parameters). */
const TO_LINE_END = /[^\r\n]*/y;

/** The separator of a `key=value` pair (any other is a `key: value` colon). */
const EQUALS = /=|%(?:25)?3d|\\u003d|\\x3d|\uFF1D|&#0*61;|&#x0*3d;|&equals;/i;
const ENCODED_QUERY_BEFORE = /(?:%(?:25)?(?:3f|26|23)|\\u00(?:3f|26))$/i;
/**
 * A bind placeholder or an unexpanded template after `=` is not the secret (break-it pass 2, F6):
 * `password_hash = $1 WHERE id = $2`, `password = ?`, `@p1`, `%s`, `%(pw)s`, `${DB_PASSWORD}`,
 * `{{password}}`, and a named one only when it repeats the key (`password = :password`), so that a
 * password starting with `:` or `@` is still one.
 */
const PLACEHOLDER =
  /(?:\$\d{1,3}|\?|%s|%\(\w{1,40}\)s|@p\d{1,3}|\$\{[\w.]{1,60}\}|\{\{?[A-Za-z_.]{1,60}\}\}?|[:@]([A-Za-z_]{1,60}))(?=[\s,;)]|$)/y;
/** The same placeholder and nothing else: an earlier scan already kept it (see `secretEnd`). */
const isPlaceholder = (text: string, at: number, key: string): number => {
  PLACEHOLDER.lastIndex = at;
  const m = PLACEHOLDER.exec(text);
  if (
    !m ||
    (m[1] !== undefined && m[1].toLowerCase() !== key.replace(/^[\\"'[:]+|[\\"'\]]+$/g, '').toLowerCase())
  )
    return -1;
  return PLACEHOLDER.lastIndex;
};
/** Last words of a key whose secret is a number: `pin`, `otp`, `cvv`, `verification_code` (see `isReason`). */
const NUMERIC_KEY = /(?:^|[^a-z])(pin|otp|totp|hotp|cvv2?|cvc2?|csc|code|passcode)["'\]]*$/i;
/** Plain words only (letters, numbers, `/paths`): what may follow a replaced token in the same value. */
const PLAIN_REST = /^(?:\s+[("'[]?(?:\p{L}+(?:[-'’]\p{L}+)*|\d{1,4}|\/[\w/.-]*)[)"'\].,;:!?]*)*\s*$/u;

/**
 * Whether the key at `at` is a URL query parameter: after `?`, `&`, `#` (`&amp;` in markup), or
 * their encoded forms. Read by character codes: this runs for every secret key, thousands per value.
 */
function queryForm(text: string, at: number): ValueForm['query'] {
  const code = text.charCodeAt(at - 1);
  if (code === 63 || code === 38 || code === 35 || (code === 59 && text.startsWith('&amp;', at - 5)))
    return 'raw';
  const hex = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);
  return hex && ENCODED_QUERY_BEFORE.test(text.slice(Math.max(0, at - 8), at)) ? 'encoded' : false;
}

/**
 * The words of 8 letters or more that follow "Bearer" in prose (`Bearer authentication required`,
 * `WWW-Authenticate: Bearer challenge`); any other word after Bearer is taken for its token (issue 9,
 * L10: a letters-only token is still a token). Shorter words (`Bearer token expired`) never match.
 */
/** A grammar word after a word: what follows a word of prose, never a token. */
const PROSE_NEXT = /^\s+(?:by|the|a|an|and|or|with|for|to|in|of|is|was|as|on|from)\b/;
const BEARER_PROSE =
  /^(?:authenticat(?:e|ed|ion|ions)|authori[sz]ation|authori[sz]ed|unauthori[sz]ed|credentials?|required|challenge|supported|unsupported|accepted|rejected|rejection|instrument|security|transmission)$/i;

/** Basic credentials are base64 of `user:password`. */
const basicCredentials = (text: string): boolean => {
  try {
    return /^[^:\s]*:\S/.test(atob(text.slice(0, 400)));
  } catch {
    return false;
  }
};

/** Secrets known by the name in front of them: authorization schemes, cookies, `key=value` pairs. */
export const keyValueRules: readonly RedactionRule[] = [
  // Bearer credentials anywhere; Basic only when it decodes to user:password; Digest with its parameters
  {
    id: 'authorization-scheme',
    pattern: /\b(bearer|basic|digest)(\s+)((?=(?:username|response|nonce|realm)=)|[\w.~+/%-]{8,}=*)/gi,
    secretGroup: 3,
    secretEnd: (text, start, m) => {
      // `Bearer followed by the token`: a lower-case word of up to 12 letters (an English word, not a
      // random token) with a grammar word after it is prose (break-it pass 2, F3).
      if (
        m[3] &&
        /^[a-z]{8,12}$/.test(m[3]) &&
        PROSE_NEXT.test(text.slice(start + m[3].length, start + m[3].length + 8))
      )
        return start;
      if (m[3]) return start + m[3].length;
      TO_LINE_END.lastIndex = start;
      return TO_LINE_END.test(text) ? TO_LINE_END.lastIndex : start;
    },
    // Outside an Authorization header (the key-value rule covers that), `digest 7f83…`, `Digest
    // sha256-…` (SRI) and `basic plan_2024` are prose: only a token after Bearer counts alone, and
    // whatever its characters (`bearer abcdefghijkl`, issue 9 L10), unless it is a prose word.
    test: (m, { secret }) => {
      const scheme = (m[1] as string).toLowerCase();
      if (!m[3]) return scheme === 'digest';
      return scheme === 'bearer'
        ? !BEARER_PROSE.test(secret) && !isAuthParam(m, secret)
        : scheme === 'basic' && basicCredentials(secret);
    },
  },
  // Cookie and Set-Cookie header values: the whole line (or quoted value), whatever the cookies are called
  {
    id: 'cookie-header',
    pattern: /(?<![\w-])((?:set-)?cookie)(\\*["']?[ \t]*:[ \t]*)(\\*["']|)()/gi,
    secretGroup: 4,
    secretEnd: (text, start, m) =>
      valueEnd(text, start, { quote: m[3] as string, equals: false, query: false }, m.index),
    // A line with a `name=value` pair is a cookie header, never a reason; `Cookie: none` is not.
    test: (_, { secret }) => secret.includes('=') || !(REPLACED.test(secret) || isReason(secret, true)),
  },
  // key=value, key: value, "key": "value", key => value, query and fragment parameters (also
  // percent- and \u-encoded), whose key is a secret name; the value's end is scanned (value-end.ts)
  {
    id: 'key-value',
    pattern: new RegExp(
      String.raw`(?:(?<=%(?:25)?[\dA-Fa-f]{2}|\\u00[\dA-Fa-f]{2}|\\[nrt])|(?<!${K_OR_PERCENT}|${K}-))` +
        String.raw`(\\*["'][${K.slice(1, -1)} ]{1,80}\\*["']|&quot;[${K.slice(1, -1)} ]{1,80}&quot;|\[${K}{1,80}\]|:?(?:[${LETTER}_$]|\d(?=[${LETTER}]))${K}{0,80})` +
        String.raw`([ \t]*(?:=>|=(?!=)|:(?!\/\/|:)|%(?:25)?3[aAdD]|\\u003[aAdD]|\\x3[aAdD]|&#0*(?:61|58);|&#x0*3[aAdD];|&(?:equals|colon);|[\uFF1A\uFF1D])[ \t]*)(\\*["']|&quot;|)()`,
      'g',
    ),
    secretGroup: 4,
    secretEnd: (text, start, m, { isSecretKey, replacement }) => {
      const key = (m[1] as string).replace(/&quot;/g, '"');
      if (!isSecretKey(WRAPPED.test(key) ? key.replace(KEY_WRAP, '') : key)) return start;
      if (isArnSecretName(text, m.index)) return start;
      const equals = EQUALS.test(m[2] as string);
      // Kept by `test`, which sees the placeholder alone as the value.
      const placeholder = equals ? isPlaceholder(text, start, key) : -1;
      if (placeholder > 0) return placeholder;
      if (m[3] === '&quot;') {
        const close = text.indexOf('&quot;', start);
        return close < 0 ? valueEnd(text, start, { quote: '', equals, query: false }, m.index) : close;
      }
      const query = equals && queryForm(text, m.index);
      const json = !equals && /^\\*"/.test(key);
      const end = valueEnd(text, start, { quote: m[3] as string, equals, query, json }, m.index);
      // A token an earlier rule replaced was the whole secret (`api_key=[REDACTED] card declined`),
      // unless a word with digits or symbols follows it in the value (`[REDACTED] second3word`: L10).
      const marker = markerEnd(text, start, replacement);
      if (marker > start && PLAIN_REST.test(text.slice(marker, end))) return marker;
      return end;
    },
    test: (m, { secret }) =>
      !REPLACED.test(secret) &&
      !(EQUALS.test(m[2] as string) && isPlaceholder(secret, 0, m[1] as string) === secret.length) &&
      !isReason(secret, !EQUALS.test(m[2] as string), NUMERIC_KEY.test(m[1] as string)) &&
      !isSettingValue(m[1] as string, secret),
  },
  ...markupRules,
  ...commandRules,
  ...proseRules,
];

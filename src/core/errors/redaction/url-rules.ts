import { isReason } from './reason';
import { opaque } from './checks';
import type { RedactionRule } from './types';
import { urlPasswordEnd } from './url-password-end';

/**
 * Query parameter names that carry a credential although, as key names, they are harmless
 * (`{ code: 'E_QUOTA' }`, `{ key: 'orders' }`): the OAuth authorization code, map and signing
 * keys, pre-signed URL signatures (S3, GCS, Azure SAS). Their values count only when opaque.
 */
const QUERY_CREDENTIALS =
  /^(code|auth_?code|key|ticket|otp|nonce|sig|signature|x-amz-(signature|credential|security-token)|x-goog-(signature|credential)|sas)$/i;
/** A stored value that is itself a query string: Sentry's `request.query_string`, span attributes `url.query`. */
const QUERY_KEY = /(?:^|[^a-z])(query(?:[_ -]?string)?|search|qs)(?:[^a-z]|$)/i;
/** Path segments after which the next segment is a credential: reset, magic-link, invite, verify links. */
const CREDENTIAL_PATHS =
  'reset|reset[-_]?password|password[-_]?reset|reset[-_]?token|forgot[-_]?password|verify|verify[-_]?email|verification|confirm|confirm[-_]?email|confirmation|activate|activation|invite|invites|invitation|invitations|accept[-_]?invite|magic|magic[-_]?link|login[-_]?link|sign[-_]?in[-_]?link|unsubscribe|one[-_]?time|otp|token|tokens|set[-_]?password';

/** The `state` parameter of an OAuth redirect (RFC 6749 §4.1.2), within 500 characters of its `code`. */
const OAUTH_STATE = /[?&#;]state=/;

/**
 * A `code` beside `state` in one URL is an OAuth authorization code whatever its characters (a
 * lower-case-only code is not "opaque"; break-it pass 2); `?code=404&state=…` stays (digits only).
 */
function oauthCode(m: RegExpExecArray, name: string, value: string): boolean {
  if (name.toLowerCase() !== 'code' || value.length < 8 || /^\d+$/.test(value)) return false;
  const around = m.input.slice(Math.max(0, m.index - 500), m.index + m[0].length + 500);
  return OAUTH_STATE.test(around);
}

/** `host:443/…`: a port, then a path. */
const PORT_AND_PATH = /^[^:]*:\d{1,5}[/?#]/;

/** Secrets in URLs: credentials in the authority, credential query parameters, credential path segments. */
export const urlRules: readonly RedactionRule[] = [
  // user:password@ in a URL; the user may be empty (redis://:pw@host) and the password may hold
  // `@ / # ? :` — it runs to the first `@` followed by a host and the end of the authority (a
  // scan, url-password-end.ts: linear where a lazy pattern was not)
  {
    id: 'url-credentials',
    pattern: /(\b[a-z][\w+.-]{0,20}:\/\/)([^\s:@/?#]{0,200}:)/gi,
    secretGroup: 2,
    secretEnd: (text, start, m, context) => {
      const from = start + (m[2] as string).length;
      const end = urlPasswordEnd(text, from, context);
      if (end === from) return start;
      // `https://host:443/path?u=ada@example.com` is a port and a path, not a password; rejected
      // here (not in `test`) so the scan resumes after the scheme, and a URL inside the path is seen
      return PORT_AND_PATH.test(text.slice(start, end)) ? start : end;
    },
  },
  // A credential query or fragment parameter, after `?`, `&`, `;` or `#`, also percent-encoded
  // once or twice (`%3Fcode%3D…` inside `redirect_uri=`), in absolute, relative and scheme-less
  // URLs and bare query strings (`?code=…`; `code=…` when stored under `query_string`). The
  // lookahead on the name is a cheap filter: only names holding a secret word reach the test. A
  // value never holds a separator, so no two candidates scan the same characters (linear).
  {
    id: 'query-credential',
    pattern:
      /(?:(^)|([?&;#]|%(?:25)?(?:3f|26|23)))((?=[\w.-]{0,40}?(?:code|key|token|secret|pass|pw|auth|sig|sess|sid|otp|ticket|nonce|cred|jwt|cookie|pin|cv[cv]|ssn|iban|phone|sas))[a-z][\w.-]{0,40})(=|%(?:25)?3d)((?:[^\s&#;?"'<>%]|%(?!(?:25)?(?:26|23|3f)))+)/gi,
    secretGroup: 5,
    test: (m, { before, isSecretKey }) => {
      if (m[1] !== undefined && !QUERY_KEY.test(before)) return false;
      const name = m[3] as string;
      const value = m[5] as string;
      // `[REDACTED]` already, or a literal (`?token=undefined` is the bug being reported)
      if (value.startsWith('[') || isReason(value, false)) return false;
      return QUERY_CREDENTIALS.test(name) ? opaque(value) || oauthCode(m, name, value) : isSecretKey(name);
    },
  },
  // The segment after a reset, invite, verify or magic-link segment: `/reset-password/<token>`
  {
    id: 'path-credential',
    pattern: new RegExp(`(\\/(?:${CREDENTIAL_PATHS})\\/)([^\\s/?#"'<>]{8,256})(?=[\\s/?#"'<>]|$)`, 'gi'),
    secretGroup: 2,
    test: (m) => opaque(m[2] as string),
  },
];

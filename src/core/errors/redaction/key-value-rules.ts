import { tokenLike } from './checks';
import type { RedactionRule } from './types';

/**
 * What follows a key name when the text is a reason, not a value: `Invalid token: expired`,
 * `password: too short`, `Authorization: required for /admin`.
 */
const REASON =
  /^(expired|expires|expiring|invalid|missing|required|too|is|was|are|not|no|none|null|undefined|nil|true|false|empty|blank|must|should|cannot|can't|does|did|has|had|failed|rejected|revoked|denied|malformed|unknown|mismatch|incorrect|wrong|unset|needed|changed|reset|updated|ok|valid|accepted|present|provided|refreshed|weak|short|long|n\/a)\b/i;
const LOWER_KEY = /^["']|["']$/g;

/** A value that is already a replacement (`[REDACTED]`, `***`) or a reason, not a secret. */
const isValue = (value: string): boolean => !REASON.test(value) && !/^(\[|\*{3})/.test(value);

/** Secrets known by the name in front of them: authorization schemes, cookies, `key=value` pairs. */
export const keyValueRules: readonly RedactionRule[] = [
  // Bearer / Basic / Digest credentials anywhere in text
  {
    id: 'authorization-scheme',
    pattern: /\b(bearer|basic|digest)(\s+)([\w.~+/-]{8,}=*)/gi,
    secretGroup: 3,
    test: (m) => tokenLike(m[3] as string),
  },
  // Cookie and Set-Cookie header values, every pair to the end of the line
  {
    id: 'cookie-header',
    pattern: /(?<![\w-])((?:set-)?cookie)(\\?["']?[ \t]*:[ \t]*\\?["']?)([^\r\n"'\\]+)/gi,
    secretGroup: 3,
    test: (m) => isValue(m[3] as string),
  },
  // key=value, key: value (to the end of the line), "key": "value" and query parameters whose key is a secret name
  {
    id: 'key-value',
    pattern:
      /(?<![\w$.[\]%-])(["']?[A-Za-z_$][\w$.[\]-]{0,80})(\\?["']?[ \t]*(?:=|:(?!\/\/)|%3[aAdD])[ \t]*)(\\?["']?)((?<=")(?:[^"\\\r\n]|\\.)+|(?<=')(?:[^'\\\r\n]|\\.)+|(?<=(?:=|%3[dD])[ \t]*)[^\s"'&,;<>{}\\]+|[^\r\n"',;&<>{}\\]*[^\s"',;&<>{}\\])/g,
    secretGroup: 4,
    test: (m, { isSecretKey }) =>
      isSecretKey((m[1] as string).replace(LOWER_KEY, '')) && isValue(m[4] as string),
  },
];

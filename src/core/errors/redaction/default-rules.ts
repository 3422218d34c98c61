import { ibanChecksum, luhn, tokenLike } from './checks';
import type { RedactionRule } from './types';

/**
 * What follows a key name when the text is a reason, not a value: `Invalid token: expired`,
 * `password: too short`, `Authorization: required for /admin`.
 */
const REASON =
  /^(expired|expires|expiring|invalid|missing|required|too|is|was|are|not|no|none|null|undefined|nil|true|false|empty|blank|must|should|cannot|can't|does|did|has|had|failed|rejected|revoked|denied|malformed|unknown|mismatch|incorrect|wrong|unset|needed|changed|reset|updated|ok|valid|accepted|present|provided|refreshed|weak|short|long|n\/a)\b/i;
/** Card issuers' prefixes (IIN): Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay. */
const CARD_ISSUER = /^(4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6(011|5|4[4-9]|2))/;
const CARD_WORDS = /card|credit|debit|visa|master|amex|discover|\bcc\b|\bpan\b|\bpa(y|id)/i;
const LOWER_KEY = /^["']|["']$/g;

/** A value that is already a replacement (`[REDACTED]`, `***`) or a reason, not a secret. */
const isValue = (value: string): boolean => !REASON.test(value) && !/^(\[|\*{3})/.test(value);

/** A vendor token recognised by its prefix alone, as gitleaks' rules do. */
const token = (id: string, description: string, pattern: RegExp): RedactionRule => ({
  id,
  description,
  pattern,
});

/**
 * The default rules, applied in this order. Key names are matched by whole words (see
 * `isSecretKeyName`); values by their shape, with a checksum (Luhn, IBAN mod 97), a nearby keyword
 * or a token-shape test where the shape alone would catch harmless ids.
 */
export const defaultRedactionRules: readonly RedactionRule[] = [
  {
    id: 'private-key',
    description: 'PEM private key block (to its END line, or to the end of the text when cut)',
    pattern: /-----BEGIN[A-Z ]{0,20} PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]{0,20} PRIVATE KEY-----|$)/g,
  },
  {
    id: 'url-credentials',
    description: 'user:password in a URL',
    pattern: /(\b[a-z][\w+.-]{0,20}:\/\/)([^\s:@/?#]{1,200}:[^\s@/?#]{1,200})@/gi,
    secretGroup: 2,
  },
  token(
    'jwt',
    'JSON Web Token (three base64url parts, header starting eyJ)',
    /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g,
  ),
  token(
    'aws-access-key-id',
    'AWS access key id',
    /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z\d]{16}\b/g,
  ),
  token(
    'github-token',
    'GitHub token (classic, fine-grained github_pat_)',
    /\b(?:gh[pousr]_[A-Za-z\d]{30,}|github_pat_\w{22,})/g,
  ),
  token('gitlab-token', 'GitLab personal access token', /\bglpat-[\w-]{20,}/g),
  token('slack-token', 'Slack token', /\bxox[abposr]-[\w-]{10,}/g),
  token(
    'stripe-key',
    'Stripe secret, publishable, restricted key or webhook secret',
    /\b(?:[sprk]k_(?:live|test)_\w{10,}|whsec_\w{20,})/g,
  ),
  token('google-api-key', 'Google API key', /\bAIza[\w-]{35}/g),
  token('openai-key', 'OpenAI / Anthropic API key', /\bsk-(?:proj-|ant-[a-z\d]{0,8}-?)?[\w-]{20,}/g),
  token('npm-token', 'npm access token', /\bnpm_[A-Za-z\d]{36}\b/g),
  token('sendgrid-key', 'SendGrid API key', /\bSG\.[\w-]{22}\.[\w-]{43}\b/g),
  {
    id: 'authorization-scheme',
    description: 'Bearer / Basic / Digest credentials anywhere in text',
    pattern: /\b(bearer|basic|digest)(\s+)([\w.~+/-]{8,}=*)/gi,
    secretGroup: 3,
    test: (m) => tokenLike(m[3] as string),
  },
  {
    id: 'cookie-header',
    description: 'Cookie and Set-Cookie header values, every pair to the end of the line',
    pattern: /(?<![\w-])((?:set-)?cookie)(\\?["']?[ \t]*:[ \t]*\\?["']?)([^\r\n"'\\]+)/gi,
    secretGroup: 3,
    test: (m) => isValue(m[3] as string),
  },
  {
    id: 'key-value',
    description:
      'key=value, key: value (to the end of the line), "key": "value" and query parameters whose key is a secret name',
    pattern:
      /(?<![\w$.[\]%-])(["']?[A-Za-z_$][\w$.[\]-]{0,80})(\\?["']?[ \t]*(?:=|:(?!\/\/)|%3[aAdD])[ \t]*)(\\?["']?)((?<=")(?:[^"\\\r\n]|\\.)+|(?<=')(?:[^'\\\r\n]|\\.)+|(?<=(?:=|%3[dD])[ \t]*)[^\s"'&,;<>{}\\]+|[^\r\n"',;&<>{}\\]*[^\s"',;&<>{}\\])/g,
    secretGroup: 4,
    test: (m, { isSecretKey }) =>
      isSecretKey((m[1] as string).replace(LOWER_KEY, '')) && isValue(m[4] as string),
  },
  {
    id: 'email',
    description:
      'email address, also percent-encoded (%40); every domain label has a letter, so `pkg@1.2.3` is kept',
    pattern:
      /(?<=^|[^\w.+%-]|%[\dA-Fa-f]{2})[\w.+-]{1,64}(?:@|%40)(?:(?=[\w-]{0,62}[a-zA-Z])[\w-]{1,63}\.){1,8}[a-zA-Z]{2,24}(?![\w-])/g,
  },
  {
    id: 'card-number',
    description:
      'card number: 13–19 digits, an issuer prefix, Luhn, and either card grouping (4-4-4-4, 4-6-5) or a card word nearby',
    pattern:
      /(?<![\w.-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{5})(?![\w-]|\.\d)/g,
    test: (m, { before }) =>
      CARD_ISSUER.test(m[0]) && luhn(m[0]) && (/[ -]/.test(m[0]) || CARD_WORDS.test(before)),
  },
  {
    id: 'iban',
    description: 'IBAN, with its mod-97 checksum',
    pattern: /(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?(?![\w-])/g,
    test: (m) => ibanChecksum(m[0]),
  },
  {
    id: 'phone',
    description:
      'phone number: international (+ and 8–15 digits) or (415) 555-2671; 415-555-2671 near a phone word',
    pattern:
      /(?<![\w+])\+\d(?:[ .()-]{0,2}\d){7,14}(?![\w])|(?<![\w.-])\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?![\w-])|(?<![\w.-])\d{3}[.-]\d{3}[.-]\d{4}(?![\w.-])/g,
    test: (m, { before }) =>
      m[0].startsWith('+') || m[0].startsWith('(') || /phone|tel|mobile|call|sms/i.test(before),
  },
  {
    id: 'us-ssn',
    description: 'US social security number (area not 000, 666 or 9xx)',
    pattern: /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g,
  },
];

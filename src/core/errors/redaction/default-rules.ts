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

/**
 * The default rules, applied in this order. Key names are matched by whole words (see
 * `isSecretKeyName`); values by their shape, with a checksum (Luhn, IBAN mod 97), a nearby keyword
 * or a token-shape test where the shape alone would catch harmless ids.
 */
export const defaultRedactionRules: readonly RedactionRule[] = [
  // PEM private key block (to its END line, or to the end of the text when cut)
  {
    id: 'private-key',
    pattern: /-----BEGIN[A-Z ]{0,20} PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]{0,20} PRIVATE KEY-----|$)/g,
  },
  // user:password in a URL
  {
    id: 'url-credentials',
    pattern: /(\b[a-z][\w+.-]{0,20}:\/\/)([^\s:@/?#]{1,200}:[^\s@/?#]{1,200})@/gi,
    secretGroup: 2,
  },
  // JSON Web Token (three base64url parts, header starting eyJ)
  {
    id: 'jwt',
    pattern: /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g,
  },
  // AWS access key id
  {
    id: 'aws-access-key-id',
    pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z\d]{16}\b/g,
  },
  // GitHub token (classic, fine-grained github_pat_)
  {
    id: 'github-token',
    pattern: /\b(?:gh[pousr]_[A-Za-z\d]{30,}|github_pat_\w{22,})/g,
  },
  // GitLab personal access token
  { id: 'gitlab-token', pattern: /\bglpat-[\w-]{20,}/g },
  // Slack token
  { id: 'slack-token', pattern: /\bxox[abposr]-[\w-]{10,}/g },
  // Stripe secret, publishable, restricted key or webhook secret
  {
    id: 'stripe-key',
    pattern: /\b(?:[sprk]k_(?:live|test)_\w{10,}|whsec_\w{20,})/g,
  },
  // Google API key
  { id: 'google-api-key', pattern: /\bAIza[\w-]{35}/g },
  // OpenAI / Anthropic API key
  {
    id: 'openai-key',
    pattern: /\bsk-(?:proj-|ant-[a-z\d]{0,8}-?)?[\w-]{20,}/g,
  },
  // npm access token
  { id: 'npm-token', pattern: /\bnpm_[A-Za-z\d]{36}\b/g },
  // SendGrid API key
  { id: 'sendgrid-key', pattern: /\bSG\.[\w-]{22}\.[\w-]{43}\b/g },
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
  // email address, also percent-encoded (%40); every domain label has a letter, so `pkg@1.2.3` is kept
  {
    id: 'email',
    pattern:
      /(?<=^|[^\w.+%-]|%[\dA-Fa-f]{2})[\w.+-]{1,64}(?:@|%40)(?:(?=[\w-]{0,62}[a-zA-Z])[\w-]{1,63}\.){1,8}[a-zA-Z]{2,24}(?![\w-])/g,
  },
  // card number: 13–19 digits, an issuer prefix, Luhn, and either card grouping (4-4-4-4, 4-6-5) or a card word nearby
  {
    id: 'card-number',
    pattern:
      /(?<![\w.-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{5})(?![\w-]|\.\d)/g,
    test: (m, { before }) =>
      CARD_ISSUER.test(m[0]) && luhn(m[0]) && (/[ -]/.test(m[0]) || CARD_WORDS.test(before)),
  },
  // IBAN, with its mod-97 checksum
  {
    id: 'iban',
    pattern: /(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?(?![\w-])/g,
    test: (m) => ibanChecksum(m[0]),
  },
  // phone number: international (+ and 8–15 digits) or (415) 555-2671; 415-555-2671 near a phone word
  {
    id: 'phone',
    pattern:
      /(?<![\w+])\+\d(?:[ .()-]{0,2}\d){7,14}(?![\w])|(?<![\w.-])\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?![\w-])|(?<![\w.-])\d{3}[.-]\d{3}[.-]\d{4}(?![\w.-])/g,
    test: (m, { before }) =>
      m[0].startsWith('+') || m[0].startsWith('(') || /phone|tel|mobile|call|sms/i.test(before),
  },
  // US social security number (area not 000, 666 or 9xx)
  {
    id: 'us-ssn',
    pattern: /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g,
  },
];

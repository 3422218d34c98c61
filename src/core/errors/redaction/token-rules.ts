import { base64JsonKeys, tokenLike } from './checks';
import type { RedactionRule } from './types';
import { urlRules } from './url-rules';

/** Secrets known by their own shape: private keys, URL credentials, JWTs and vendor tokens. */
export const tokenRules: readonly RedactionRule[] = [
  // PEM, OpenSSH and PGP private key blocks (to their END line, or to the end of the text when cut)
  {
    id: 'private-key',
    pattern:
      /-----BEGIN[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----|$)/g,
  },
  ...urlRules,
  // JSON Web Encryption, compact (five parts; the second is empty for `alg: dir`, break-it pass 2 L5):
  // all but the header
  {
    id: 'jwe',
    pattern: /(?<![\w-])(eyJ[\w-]{5,}\.)([\w-]*\.[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,})(?![\w-])/g,
    secretGroup: 2,
  },
  // JSON Web Token (three base64url parts, header starting eyJ), also glued after a name
  // (`id_token_eyJ…`) or split across lines after its dots (also `\n` escaped in JSON text); the
  // name before it is kept
  {
    id: 'jwt',
    pattern:
      /(?:(?<![\w-])|(?<=\\[nrt]))([\w-]{0,32}?[_-])?(eyJ[\w-]{5,}\.(?:(?:\r?\n|(?:\\r)?\\n)[ \t]*)?[\w-]{5,}\.(?:(?:\r?\n|(?:\\r)?\\n)[ \t]*)?[\w-]*)/g,
    secretGroup: 2,
  },
  // One base64-encoded JSON object (`state=eyJ…`) whose keys name a secret: `{"password":…}`
  {
    id: 'base64-json',
    pattern: /(?<![\w+/-])eyJ[\w+/-]{8,}={0,2}(?![\w+/.=-])/g,
    test: (m, { isSecretKey }) => base64JsonKeys(m[0]).some(isSecretKey),
  },
  // AWS secret access key: 40 base64 characters, mixed case, within 40 characters after `aws`,
  // `secret` or a key id (the keyword leads the pattern: most text has none, so the scan is cheap)
  {
    id: 'aws-secret-access-key',
    pattern:
      /(aws|secret|AKIA|ASIA|amazon)([^\n]{0,40}?)(?<![A-Za-z\d/+=])([A-Za-z\d/+]{40})(?![A-Za-z\d/+=])/gi,
    secretGroup: 3,
    test: (m) =>
      /[a-z]/.test(m[3] as string) && /[A-Z]/.test(m[3] as string) && /[\d/+]/.test(m[3] as string),
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
  // Slack token (bot, user, app-level, refresh)
  { id: 'slack-token', pattern: /\b(?:xox[abposre]-[\w-]{10,}|xapp-\d-[\w-]{10,})/g },
  // Slack incoming webhook URL (the host is kept)
  {
    id: 'slack-webhook-url',
    pattern: /(hooks\.slack\.com\/(?:services|workflows|triggers)\/)([\w+/-]{16,})/g,
    secretGroup: 2,
  },
  // Stripe secret or restricted key, or webhook secret; a publishable key (`pk_live_…`) is public by
  // design (it is in every checkout page), so it stays, as in gitleaks (break-it pass 2, F7)
  {
    id: 'stripe-key',
    pattern: /\b(?:[sr]k_(?:live|test)_\w{10,}|whsec_\w{20,})/g,
  },
  // Google API key
  { id: 'google-api-key', pattern: /\bAIza[\w-]{35}/g },
  // Google OAuth access token, client secret and refresh token
  { id: 'google-oauth', pattern: /\b(?:ya29\.[\w-]{20,}|GOCSPX-[\w-]{20,}|1\/\/0[\w-]{30,})/g },
  // OpenAI / Anthropic API key
  {
    id: 'openai-key',
    pattern: /\bsk-(?:proj-|ant-[a-z\d]{0,8}-?)?[\w-]{20,}/g,
  },
  // npm access token
  { id: 'npm-token', pattern: /\bnpm_[A-Za-z\d]{36}\b/g },
  // SendGrid API key
  { id: 'sendgrid-key', pattern: /\bSG\.[\w-]{22}\.[\w-]{43}\b/g },
  // Other vendor prefixes (gitleaks): Hugging Face, Shopify, Mapbox secret, Sentry, PyPI,
  // DigitalOcean, Linear, Postman, Square, Doppler, Twilio API key
  {
    id: 'vendor-token',
    pattern:
      /\b(?:hf_[A-Za-z\d]{30,}|shp(?:at|ca|pa|ss)_[a-fA-F\d]{32}|sk\.eyJ[\w-]{10,}\.[\w-]{10,}|sntry[su]_[\w+/=]{40,}|pypi-AgEIcHlwaS5vcmc[\w-]{50,}|dop_v1_[a-f\d]{64}|lin_api_[A-Za-z\d]{40}|PMAK-[a-f\d]{24}-[a-f\d]{34}|sq0(?:atp|csp)-[\w-]{22,}|dp\.pt\.[A-Za-z\d]{40,}|SK[a-fA-F\d]{32}\b)/g,
  },
  // A 64-hex private key (Ethereum and other signing keys) within 40 characters after a key word;
  // a transaction hash stays (the keyword leads the pattern, as for the AWS secret)
  {
    id: 'hex-private-key',
    pattern:
      /(private|secret|signing|wallet|mnemonic|seed|(?<![a-z])key)([^\n]{0,40}?)(?<!\w)((?:0x)?[a-f\d]{64})(?!\w)/gi,
    secretGroup: 3,
  },
  // DRF's `Token` and the `ApiKey` authorization schemes (Bearer, Basic and Digest are in `authorization-scheme`)
  {
    id: 'token-scheme',
    pattern: /\b(token|api-?key)(\s+)([\w.~+/%-]{20,}=*)/gi,
    secretGroup: 3,
    test: (m) => tokenLike(m[3] as string) && /\d/.test(m[3] as string) && /[a-z]/i.test(m[3] as string),
  },
];

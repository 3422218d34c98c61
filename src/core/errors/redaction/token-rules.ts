import type { RedactionRule } from './types';

/** Secrets known by their own shape: private keys, URL credentials, JWTs and vendor tokens. */
export const tokenRules: readonly RedactionRule[] = [
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
];

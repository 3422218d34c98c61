import type { RedactionRule } from './types';

/**
 * Vendor credentials gitleaks knows by their shape and bulwark had no rule for (break-it pass 2, L5):
 * a fixed prefix, a length and a character set (from gitleaks' `config/gitleaks.toml`), or a webhook
 * URL whose path is the credential (the host and the ids before it are kept). Where gitleaks needs a
 * vendor word in front (Mailgun's `key-…`, Heroku's UUID), so do these rules: the shape alone is a
 * cache key or a request id.
 */
export const vendorTokenRules: readonly RedactionRule[] = [
  // Webhook URLs: Discord, Microsoft Teams (Office 365 connector), Zapier catch hooks
  {
    id: 'webhook-url',
    pattern:
      /((?:discord(?:app)?\.com\/api\/webhooks\/\d{5,25}\/|\.webhook\.office\.com\/webhookb2\/|outlook\.office(?:365)?\.com\/webhook\/|hooks\.zapier\.com\/hooks\/catch\/\d{1,12}\/))([\w@.-]{5,300}(?:\/IncomingWebhook\/[\w-]{8,64}\/[\w-]{8,64}(?:\/[\w-]{8,64})?)?)/gi,
    secretGroup: 2,
  },
  // Telegram bot token (`123456789:AAH…`, also in `api.telegram.org/bot<token>/`)
  { id: 'telegram-bot-token', pattern: /(?<!\d)\d{5,16}:A[\w-]{32,40}(?![\w-])/g },
  // Twilio auth token after its Account SID (`AC…:token`, `AC… auth token …`); the SID is an id and stays
  {
    id: 'twilio-auth-token',
    pattern: /\b(AC[a-f\d]{32})([: \t]+(?:auth(?:[ _-]?token)?[ \t]*[:=]?[ \t]*)?)([a-f\d]{32})\b/gi,
    secretGroup: 3,
  },
  // age secret key (bech32)
  { id: 'age-secret-key', pattern: /\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{50,70}/g },
  // PuTTY private key file: the base64 lines after `Private-Lines: N` (up to the `Private-MAC:` line)
  {
    id: 'putty-private-key',
    pattern:
      /(Private-Lines:[ \t]*\d{1,4}[ \t]*(?:\r?\n|\\n))((?:[A-Za-z\d+/=]|\r?\n|\\n){8,})(?=\r?\n|\\n|$)/g,
    secretGroup: 2,
  },
  // Prefixed tokens: Heroku, Atlassian, GitLab (deploy, runner, feed, OAuth, SCIM, …), Databricks,
  // Dynatrace, EasyPost, Fly.io, Grafana, HashiCorp Terraform and Vault, New Relic, 1Password,
  // PlanetScale, Pulumi, ReadMe, RubyGems, Prefect, Notion, Airtable, OpenShift, Octopus Deploy,
  // DigitalOcean OAuth and refresh, Doppler (other kinds), Square and Facebook, Azure AD client
  // secret, Cloudflare origin CA, Adobe, Alibaba, Artifactory, Clojars, Duffel, Flutterwave,
  // Mailchimp, Sentry user, SettleMint
  {
    id: 'vendor-prefixed-token',
    pattern: new RegExp(
      String.raw`\b(?:HRKU-[\w-]{30,80}|ATATT3[\w=-]{100,200}|ATCTT3[\w=-]{100,200}|gl(?:dt|ft|rt|ptt|oas|soat|agent|imt|ffct|cbt)-[\w-]{20,64}|GR1348941[\w-]{20}|dapi[a-f\d]{32}(?:-\d)?|dt0c01\.[A-Za-z\d]{24}\.[A-Za-z\d]{64}|EZ[AT]K[A-Za-z\d]{54}|fo1_[\w-]{43}|fm[12][ar]?_[A-Za-z\d+/]{100,}={0,3}|glc_[A-Za-z\d+/]{32,400}={0,3}|glsa_[A-Za-z\d]{32}_[A-Fa-f\d]{8}|[a-z\d]{14}\.atlasv1\.[\w=-]{60,70}|hv[sb]\.[\w-]{90,300}|NRA[KI]-[A-Z\d]{27}|NRII-[\w-]{32}|ops_eyJ[A-Za-z\d+/]{100,}={0,3}|pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64}|pul-[a-f\d]{40}|rdme_[a-z\d]{70}|rubygems_[a-f\d]{48}|pnu_[A-Za-z\d]{36}|ntn_\d{11}[A-Za-z\d]{35}|pat[A-Za-z\d]{14}\.[a-f\d]{64}|sha256~[\w-]{43}|API-[A-Z\d]{26}|do[or]_v1_[a-f\d]{64}|dp\.(?:ct|sa|scim|audit)\.[A-Za-z\d]{40,44}|EAAA[\w-]{22,60}|EAA[MC][A-Za-z\d]{100,}|v1\.0-[a-f\d]{24}-[a-f\d]{146}|p8e-[A-Za-z\d]{32}|LTAI[A-Za-z\d]{20}|AKCp[A-Za-z\d]{69}|CLOJARS_[A-Za-z\d]{60}|duffel_(?:test|live)_[\w=-]{43}|FLWSECK(?:_TEST)?-[a-h\d]{32}-X|[a-f\d]{32}-us\d{1,2}|sntryu_[a-f\d]{64}|sm_[aps]at_[A-Za-z\d]{16})(?![\w-])`,
      'g',
    ),
  },
  // Azure AD client secret (`abc8Q~…`)
  { id: 'azure-ad-client-secret', pattern: /(?<![\w~.-])[\w~.]{3}\dQ~[\w~.-]{31,34}(?![\w~.-])/g },
  // Secrets known by their shape only beside the vendor's name (within 40 characters before):
  // Mailgun `key-<32 hex>`, Heroku's legacy API key (a UUID)
  {
    id: 'vendor-keyword-secret',
    pattern:
      /(mailgun|heroku)([^\n]{0,40}?)(?<![\w-])(key-[a-f\d]{32}|pubkey-[a-f\d]{32}|[a-f\d]{8}-[a-f\d]{4}-[a-f\d]{4}-[a-f\d]{4}-[a-f\d]{12})(?![\w-])/gi,
    secretGroup: 3,
  },
];

import { ibanChecksum, luhn, words } from './checks';
import type { RedactionRule } from './types';

/** Card issuers' prefixes (IIN): Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay. */
const CARD_ISSUER = /^(4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6(011|5|4[4-9]|2))/;
/** Card context as whole words (`payload`, `cardinality`, `discard` are not), after camelCase is split. */
const CARD_WORD =
  /\b(cards?|credit|debit|visa|master ?card|mastercard|amex|discover|cc|ccn|pan|charged?|charging|paid|pay|payment|checkout|billing|cvc|cvv2?|csc|exp month|exp year|expiry|expiration)\b/g;
/** An id word between the card word and the number cancels it: `Payment for order 4539…`, `cardId`. */
const ID_WORD =
  /\b(order|invoice|shipment|tracking|id|ids|ref|reference|request|txn|transaction|count|number of)\b/;
/**
 * Card fields right after a number (Stripe's `createToken`, Braintree: `{"number":"4111…","exp_month":12,
 * "cvc":"123"}`): the card context may follow the number (break-it pass 2, L1).
 */
const CARD_AFTER = /\b(cvc|cvv2?|csc|exp month|exp year|expiry|expiration|exp date)\b/;
/** Keys whose whole value is what a person typed: a card number there needs no card word (`{ input: '4539…' }`). */
const INPUT_KEY = /^\s*(input|value|val|field|text|data|entry|raw|pasted?)\s*$/;
/**
 * Whitespace that groups digits: spaces (1–3), tab, and every Unicode space separator (NBSP, en and em
 * spaces, figure, thin, hair, narrow no-break, ideographic: break-it pass 2, L7).
 */
const GAP = '[ \\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]{1,3}';
/** A digit, ASCII or full-width (an IME types `４１１１`; break-it pass 2, L7). */
const D = '[\\d\\uff10-\\uff19]';
/** Full-width digits as ASCII, for the issuer and Luhn checks. */
const asciiDigits = (text: string): string =>
  text.replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

/** Card context in the text before a number: the last card word, with no id word after it. */
function cardContext(before: string): boolean {
  const text = words(before);
  let last = -1;
  for (const m of text.matchAll(CARD_WORD)) last = (m.index ?? 0) + m[0].length;
  return last >= 0 && !ID_WORD.test(text.slice(last));
}

/** IBAN lengths by country (SWIFT IBAN registry), for IBANs that are not written in capitals. */
const IBAN_LENGTHS: Record<string, number> = Object.fromEntries(
  'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 UA29 VA22 VG24 XK20 YE30'
    .split(' ')
    .map((entry) => [entry.slice(0, 2), +entry.slice(2)]),
);
/** Words near a phone number (whole words, camelCase split): `tel` but not `hotel` or `telemetry`. */
const PHONE_WORD =
  /\b(phones?|telephone|tel|mobile|cell|cellphone|call|called|calling|sms|text|fax|msisdn|whatsapp|dial|dialed|contact|reach)\b/;
/** A unit after `+digits` makes it a quantity, not a phone: `+86400000 ms`, `+16777216 bytes`. */
const UNIT_AFTER =
  /^\s*(ms|s|sec|secs|seconds?|min|mins|minutes?|h|hours?|days?|b|bytes?|[kmgt]i?b|%|px|items?|rows?|ops|req|requests?|x|times|pts|points)\b/i;
/** Top-level domains that are file extensions or private names: `icon@2x.webp`, `deploy@build.internal`. */
const NOT_MAIL_TLD =
  /^(png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|heic|js|mjs|cjs|jsx|ts|tsx|css|scss|less|map|json|html?|txt|wasm|woff2?|ttf|otf|eot|mp[34]|webm|ogg|wav|pdf|internal|local|localdomain|localhost|lan|intranet|corp|home)$/i;

/** Personal data known by its shape and checksum: e-mail, card number, IBAN, phone, SSN, UK NI number. */
export const personalDataRules: readonly RedactionRule[] = [
  // email address, in any script (josé@exämple.com), also percent-encoded (%40, %2E inside the
  // local part) or \u0040-escaped; every domain label has a letter, so `pkg@1.2.3` is kept; asset
  // names (`icon@2x.webp`), SSH and git remotes (`git@host:org/repo`) and private hosts are kept
  {
    id: 'email',
    pattern:
      /(?<![\p{L}\p{N}_.+%-])(?:[\p{L}\p{N}_.+-]|%[\dA-Fa-f]{2}){1,64}(?:@|%40|\\u0040)(?:(?=[\p{L}\p{N}-]{0,62}\p{L})[\p{L}\p{N}-]{1,63}\.){1,8}(\p{L}{2,24})(?![\p{L}\p{N}_-])/gu,
    test: (m, { before }) =>
      !NOT_MAIL_TLD.test(m[1] as string) &&
      !/^git@/i.test(m[0]) &&
      // The userinfo and host of a URL (`https://public@o0.ingest.sentry.io/0`, a Sentry DSN's public
      // key: break-it pass 2, F7), not an address; an address as the userinfo (`//ada%40x.io@host`) is one
      !(/:\/\/$/.test(before) && /^[^@%\\]+@/.test(m[0]) && m.input.charAt(m.index + m[0].length) !== '@') &&
      !/^:[\w~/.]/.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 2)) &&
      !/\b(ssh|scp|sftp|rsync|host)\s*$/i.test(before),
  },
  // card number: 13–19 digits, an issuer prefix, Luhn, and card grouping (4-4-4-4 or 4-6-5, with
  // spaces, NBSP, thin spaces or dashes) or a card word before it (dots: only with a card word), or
  // the whole value typed into an input (`{ input: '4539…' }`)
  {
    id: 'card-number',
    pattern: new RegExp(
      `(?<![\\w.\\uff10-\\uff19-])(?:${D}{13,19}|${D}{4}(${GAP}|[.-])${D}{4}\\1${D}{4}\\1${D}{1,7}|${D}{4}(${GAP}|[.-])${D}{6}\\2${D}{5})(?![\\w\\uff10-\\uff19-]|\\.\\d)`,
      'g',
    ),
    test: (m, { before }) => {
      const digits = asciiDigits(m[0]);
      if (!CARD_ISSUER.test(digits) || !luhn(digits)) return false;
      const separator = m[1] ?? m[2];
      if (separator !== undefined && separator !== '.') return true;
      return (
        cardContext(before) ||
        CARD_AFTER.test(words(m.input.slice(m.index + m[0].length, m.index + m[0].length + 40))) ||
        (!separator && m[0].length === m.input.length && INPUT_KEY.test(words(before)))
      );
    },
  },
  // IBAN, with its mod-97 checksum; in lower case (de89…) also its country's length
  {
    id: 'iban',
    pattern: /(?<![\w-])[A-Za-z]{2}\d{2}(?: ?[A-Za-z\d]{4}){2,7}(?: ?[A-Za-z\d]{1,3})?(?![\w-])/g,
    test: (m) => {
      const iban = m[0].replace(/ /g, '');
      if (/[a-z]/.test(iban) && IBAN_LENGTHS[iban.slice(0, 2).toUpperCase()] !== iban.length) return false;
      return ibanChecksum(iban);
    },
  },
  // phone number: `+` and 8–15 digits (grouped, or ungrouped without a unit after it), `(415)
  // 555-2671`; near a phone word also 415-555-2671, 415 555 2671, 4155552671, 0044 20 7946 0958
  {
    id: 'phone',
    pattern:
      /(?<![\w+])\+\d(?:[ .()-]{0,2}\d){7,14}(?!\w)|(?<![\w.-])\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?![\w-])|(?<![\w.+-])(?:00[1-9]\d{0,2}(?:[ .-]?\d){6,12}|\d{3}[ .-]\d{3}[ .-]\d{4}|1?\d{10,11})(?![\w.-])/g,
    test: (m, { before }) => {
      if (PHONE_WORD.test(words(before))) return true;
      if (m[0].startsWith('(')) return true;
      if (!m[0].startsWith('+')) return false;
      return (
        /\D/.test(m[0].slice(1)) ||
        !UNIT_AFTER.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 12))
      );
    },
  },
  // US social security number (area not 000, 666 or 9xx) near an SSN word; 123-45-6789 alone is a part number
  {
    id: 'us-ssn',
    pattern: /(?<![\w-])(?!000|666|9\d\d)\d{3}([- ]?)(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])/g,
    test: (_, { before }) => /\b(ssn|ssns|social security|tax ?id|taxpayer|itin|tin)\b/.test(words(before)),
  },
  // UK National Insurance number near its name: QQ 12 34 56 C
  {
    id: 'uk-ni-number',
    pattern: /(?<![\w-])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])/g,
    test: (_, { before }) => /\b(ni|nino|national insurance)\b/.test(words(before)),
  },
];

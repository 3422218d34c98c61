import { ibanChecksum, luhn } from './checks';
import type { RedactionRule } from './types';

/** Card issuers' prefixes (IIN): Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay. */
const CARD_ISSUER = /^(4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6(011|5|4[4-9]|2))/;
const CARD_WORDS = /card|credit|debit|visa|master|amex|discover|\bcc\b|\bpan\b|\bpa(y|id)/i;
/** Personal data known by its shape and checksum: e-mail, card number, IBAN, phone, SSN. */
export const personalDataRules: readonly RedactionRule[] = [
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

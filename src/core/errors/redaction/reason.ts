/**
 * Whether the text after a secret key name is a reason (what is wrong with the secret) rather than
 * the secret (issue 9, L4 and B3). `Invalid token: the signature has expired`, `password: at least
 * 8 characters required`, `token: 3 remaining` and `secret: (none)` are reasons; `password:
 * true-love-4ever`, `passphrase: no pain no gain` and `password: correct horse battery staple` are
 * not. A reason is made of plain words only (letters, numbers of at most four digits, a `/path`,
 * sentence punctuation: a token with a symbol or with letters and digits mixed is a secret), holds a
 * reason word (`expired`, `required`, `missing`, …, never a word a passphrase would start with, such
 * as `no` or `true`), and from four words on also a grammar word (`the`, `is`, `at`, `for`, …), which a
 * run of random dictionary words rarely has; from four words on a modal verb (`must start with a
 * country code`) counts as the reason word. Up to three words the reason word ends the value
 * (`Bearer token missing`) or only grammar words, small numbers and what it is about go with it
 * (`invalid signature`), and a number of three digits or more is a PIN, not a reason, unless a unit
 * follows (break-it pass 2, L2, F5). Only the `key: value` form may be a reason;
 * after `=` a value is data, and only a literal (`null`, `undefined`, `none`, `true`, …) is kept.
 */

import { isTranslatedReason } from './translated-reason';

/** Words that say what is wrong with a secret, not what it is. */
const REASON =
  /^(expired?|expires|expiring|invalid|missing|required|requires|empty|blank|none|null|undefined|nil|unset|needed|malformed|mismatch(ed)?|match(es)?|incorrect|wrong|rejected|revoked|denied|failed|unknown|absent|short|long|weak|reused|changed|reset|updated|refreshed|accepted|dismissed|declined|disabled|enabled|locked|remaining|left|idle|pending|present|provided|valid|verified|unverified|unavailable|unsupported|forbidden|unauthori[sz]ed|omitted|hidden|cleared|deleted|removed|stale|ignored|skipped|timeout|characters|digits)$/;
/** Grammar words: a sentence has them, four random words from a passphrase list rarely do. */
const GRAMMAR =
  /^(the|a|an|is|are|was|were|be|been|has|have|had|not|no|do|does|did|doesn't|don't|isn't|for|at|of|to|in|on|by|from|after|before|with|without|please|least|most|than|too|very|must|should|cannot|can't|can|will|this|that|it|its|or|and|again|yet|already|now|ago|today|yesterday|since|until|seconds?|minutes?|hours?|days?|weeks?)$/;
/**
 * What a short reason may name besides its reason word (`invalid signature`, `wrong format`); with
 * grammar words and numbers of at most two digits these are the only other words of a reason of up
 * to three words, so `invalid horse battery` is a passphrase (break-it pass 2, L2).
 */
const DETAIL =
  /^(signature|format|length|characters?|digits?|value|type|algorithm|audience|issuer|encoding|header|payload|checksum|scope|attempts?|tries|times?|policy|strength|confirmation|field|input|request|session|user|admin|account|server|client|max|min|maximum|minimum)$/;
/** Units after a number: `128 characters`, `300 seconds` (the number is then a size, not a PIN). */
const UNIT = /^(characters?|chars|digits?|bytes|seconds?|minutes?|hours?|days?|attempts?|tries|times|ms|s)$/;
/** Verbs that state a requirement; a reason from four words on (a short `must` could start a password). */
const MODAL = /^(must|should|cannot|can't|needs|need)$/;
/** A value that is a literal, kept in any form: `token=undefined` is the bug being reported. */
const LITERAL = /^(null|undefined|none|nil|empty|n\/a|true|false|-|\(none\)|\(empty\)|\(null\))$/i;
/** One plain token: a word (hyphens and apostrophes inside), a short number or a /path, in punctuation. */
const PLAIN = /^[("'[]?(?:[A-Za-z]+(?:[-'][A-Za-z]+)*|\d{1,4}|\/[\w/.-]*)[)"'\].,;:!?…]*$/;
/** A reason is a short phrase: a longer value is never kept as one. */
const MAX_REASON = 200;
const MAX_WORDS = 16;

/**
 * True when `value` (the text after `key:` or `key=`) is a reason or a literal, not a secret. Under a
 * key whose secret is a number (`numeric`: pin, otp, cvv, *code) a number of three digits or more is
 * the secret, never part of a reason (`PIN: 4821 is incorrect`).
 */
export function isReason(value: string, colon: boolean, numeric = false): boolean {
  const text = value.trim();
  if (LITERAL.test(text)) return true;
  if (!colon || text.length > MAX_REASON) return false;
  if (isTranslatedReason(text)) return true;
  const words = text.split(/\s+/);
  if (words.length > MAX_WORDS || !words.every((word) => PLAIN.test(word))) return false;
  const bare = words.map((word) => word.replace(/[^A-Za-z\d'/-]/g, '').toLowerCase());
  const long = (word: string, i: number) =>
    /^\d{3,}$/.test(word) && (numeric || !UNIT.test(bare[i + 1] ?? ''));
  if (bare.some(long)) return false;
  const hasReason = bare.some((word) => REASON.test(word));
  // Up to three words: a subject then the reason (`Bearer token missing`), or the reason then what it
  // is about (`invalid signature`, `expired 2 hours ago`), never then any other word (`invalid horse battery`).
  if (words.length <= 3)
    return (
      hasReason &&
      (REASON.test(bare.at(-1) ?? '') ||
        bare.every(
          (word) =>
            REASON.test(word) || GRAMMAR.test(word) || DETAIL.test(word) || /^\d{1,4}$|^\//.test(word),
        ))
    );
  // From four words on, a modal verb says what is required too: `must start with a country code`.
  return (hasReason || bare.some((word) => MODAL.test(word))) && bare.some((word) => GRAMMAR.test(word));
}

import { defaultRedactor } from '../errors/redact';
import { keyList, listed, normalizeKey } from '../errors/redaction/key-list';
import type { DraftSaveOptions } from './draft-types';

/**
 * Form field names that hold secrets though a report's key rules may not name them (autocomplete
 * tokens `cc-number`, `cc-csc`, `one-time-code`; one-time and recovery codes, card fields, seed
 * phrases, security answers). Compared without case, `-`, `_` or spaces.
 */
const FORM_SECRET = new RegExp(
  '^(cc(number|csc|cvc|cvv)|securitycode|pass(code)?|onetimecode|pin(code|number)?|cv[cvn]2?|csc|cardc(vc|ode)|' +
    'creditcard(number)?|(verification|sms|mfa|twofactor|2fa|totp|otp|recovery|backup)codes?|otp|totp|' +
    'seedphrase|mnemonic|securityanswers?|privatekey)$',
);
/** Under a key like `card` or `paymentCard`, these name the card's number and code (Stripe, Adyen shapes). */
const CARD_PARENT = /card/;
const CARD_FIELD = /^(number|pan|csc|cvc|cvv|cvn|code|securitycode)$/;

/**
 * True when a draft field named `key` holds a secret: the redaction key rules (whole words of the name,
 * so drafts follow any change to those rules) or a form-only secret name such as `cc-csc` or
 * `one-time-code`.
 *
 * @example
 * isDraftSecretKey('password'); // true
 * isDraftSecretKey('cardNumber'); // true
 * isDraftSecretKey('title'); // false
 */
export function isDraftSecretKey(key: string): boolean {
  if (FORM_SECRET.test(normalizeKey(key))) return true;
  return defaultRedactor.isSecretKey(key);
}

/**
 * A plain object or a class instance (a form model): what structured clone stores as its own enumerable
 * fields. Built-in objects (Date, Blob, File, typed arrays …) have another tag and are kept whole.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';

/**
 * A copy of `value` without secret fields, at any depth of plain objects, class instances (as their own
 * fields, which is what storage keeps of them), arrays, Maps and Sets: keys that {@link isDraftSecretKey}
 * names, keys in `exclude`, `number`/`csc`/`cvc`/`code` under a key naming a card, `[name, value]` pairs
 * (FormData entries) whose name is secret, and strings equal to one of `excludeValues`. Other objects
 * (Date, Blob, File …) are kept as they are. Never changes `value`.
 *
 * @example
 * omitDraftSecrets({ email: 'a@b.c', password: 'hunter2', note: 'x' }, { exclude: ['note'] }); // { email: 'a@b.c' }
 */
export function omitDraftSecrets<T>(
  value: T,
  options: Pick<DraftSaveOptions, 'exclude' | 'excludeValues'> = {},
): T {
  // By name in any script, RegExps without g/y: `exclude: ['пароль']` leaves out that field alone (issue 9, W3).
  const exclude = keyList(options.exclude, 'exclude', { endings: true });
  const values = new Set((options.excludeValues ?? []).filter((v) => v !== ''));
  const secret = new Map<string, boolean>();
  const isSecret = (key: string): boolean => {
    let known = secret.get(key);
    if (known === undefined) {
      known = isDraftSecretKey(key) || listed(exclude, key);
      secret.set(key, known);
    }
    return known;
  };
  const ancestors = new Set<object>();
  const secretIn = (key: unknown, card: boolean): boolean =>
    typeof key === 'string' && (isSecret(key) || (card && CARD_FIELD.test(normalizeKey(key))));
  /** A `[name, value]` pair whose name is secret (what `[...new FormData(form)]` gives). */
  const isSecretPair = (item: unknown): boolean =>
    Array.isArray(item) && item.length === 2 && secretIn(item[0], false);
  const copy = (item: unknown, card = false): unknown => {
    if (typeof item === 'string') return values.has(item) ? undefined : item;
    const isMap = item instanceof Map;
    const isSet = item instanceof Set;
    if (!Array.isArray(item) && !isMap && !isSet && !isRecord(item)) return item;
    // A cycle cannot be stored on localStorage anyway; cut it rather than loop.
    if (ancestors.has(item)) return undefined;
    ancestors.add(item);
    let out: unknown;
    if (Array.isArray(item)) out = item.filter((entry) => !isSecretPair(entry)).map((entry) => copy(entry));
    else if (isSet) out = new Set([...item].map((entry) => copy(entry)).filter((e) => e !== undefined));
    else {
      const entries: [unknown, unknown][] = isMap ? [...item] : Object.entries(item);
      const kept: [unknown, unknown][] = [];
      for (const [key, field] of entries) {
        if (secretIn(key, card)) continue;
        const child = copy(field, typeof key === 'string' && CARD_PARENT.test(normalizeKey(key)));
        if (child !== undefined || field === undefined) kept.push([key, child]);
      }
      out = isMap ? new Map(kept) : Object.fromEntries(kept);
    }
    ancestors.delete(item);
    return out;
  };
  return copy(value) as T;
}

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
 * (Date, Blob, File …) are kept as they are. An object referenced twice, or a cycle, stays one object
 * in the copy (as structured clone keeps it). Never changes `value`.
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
  // The copy of each object walked, so a shared reference or a cycle stays one object, as structured
  // clone keeps it (one map per card context: under a card key, `number` and `code` are left out too).
  const copies = [new Map<object, unknown>(), new Map<object, unknown>()] as const;
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
    const made = copies[card ? 1 : 0];
    if (made.has(item)) return made.get(item);
    // Made and remembered before its contents are walked: a cycle back to it finds it.
    const remember = <O>(out: O): O => {
      made.set(item, out);
      return out;
    };
    if (Array.isArray(item)) {
      const out = remember([] as unknown[]);
      for (const entry of item) if (!isSecretPair(entry)) out.push(copy(entry));
      return out;
    }
    if (isSet) {
      const out = remember(new Set<unknown>());
      for (const entry of item) {
        const child = copy(entry);
        if (child !== undefined) out.add(child);
      }
      return out;
    }
    const out = remember(isMap ? new Map<unknown, unknown>() : {});
    const entries: [unknown, unknown][] = isMap ? [...item] : Object.entries(item);
    for (const [key, field] of entries) {
      if (secretIn(key, card)) continue;
      const child = copy(field, typeof key === 'string' && CARD_PARENT.test(normalizeKey(key)));
      if (child === undefined && field !== undefined) continue;
      if (out instanceof Map) out.set(key, child);
      // Defined, not assigned: a field named `__proto__` stays a field.
      else
        Object.defineProperty(out, key as string, {
          value: child,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return out;
  };
  return copy(value) as T;
}

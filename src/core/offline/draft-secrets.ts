import { defaultRedactor } from '../errors/redact';
import type { DraftSaveOptions } from './draft-types';

/**
 * Form field names that hold secrets though a report's key rules may not name them (autocomplete
 * tokens `cc-number`, `cc-csc`, `one-time-code`; `securityCode`, `passcode`, `pin`). Compared without
 * case, `-`, `_` or spaces.
 */
const FORM_SECRET =
  /^(cc(number|csc|cvc|cvv)|securitycode|passcode|onetimecode|pin(code)?|cv[cv]2?|cardcvc)$/;

const normalizeKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

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

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of `value` without secret fields, at any depth of plain objects and arrays: keys that
 * {@link isDraftSecretKey} names, keys in `exclude`, and strings equal to one of `excludeValues`.
 * Other objects (Date, Blob, Map …) are kept as they are. Never changes `value`.
 *
 * @example
 * omitDraftSecrets({ email: 'a@b.c', password: 'hunter2', note: 'x' }, { exclude: ['note'] }); // { email: 'a@b.c' }
 */
export function omitDraftSecrets<T>(
  value: T,
  options: Pick<DraftSaveOptions, 'exclude' | 'excludeValues'> = {},
): T {
  const exclude = options.exclude ?? [];
  const values = new Set((options.excludeValues ?? []).filter((v) => v !== ''));
  const secret = new Map<string, boolean>();
  const isSecret = (key: string): boolean => {
    let known = secret.get(key);
    if (known === undefined) {
      known =
        isDraftSecretKey(key) ||
        exclude.some((rule) =>
          typeof rule === 'string' ? normalizeKey(rule) === normalizeKey(key) : rule.test(key),
        );
      secret.set(key, known);
    }
    return known;
  };
  const ancestors = new Set<object>();
  const copy = (item: unknown): unknown => {
    if (typeof item === 'string') return values.has(item) ? undefined : item;
    if (!Array.isArray(item) && !isPlainObject(item)) return item;
    // A cycle cannot be stored on localStorage anyway; cut it rather than loop.
    if (ancestors.has(item)) return undefined;
    ancestors.add(item);
    let out: unknown;
    if (Array.isArray(item)) out = item.map(copy);
    else {
      const fields: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(item)) {
        if (isSecret(key)) continue;
        const kept = copy(field);
        if (kept !== undefined || field === undefined) fields[key] = kept;
      }
      out = fields;
    }
    ancestors.delete(item);
    return out;
  };
  return copy(value) as T;
}

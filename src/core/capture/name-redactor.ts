import type { Redactor } from '../errors/redact';

/** Names remembered: a storm has a handful (its error's name, code, catalog key and actions), an app a few dozen. */
const MAX_NAMES = 64;
/** Calls with at most this `maxLength` are the identifier fields (name, code, type, catalog key, action ids). */
const MAX_NAME = 100;

/** A plain object with no own keys at all (symbols included), read without running any code of it. */
const isEmptyPlain = (value: unknown): boolean => {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      Object.getPrototypeOf(value) === Object.prototype &&
      Reflect.ownKeys(value).length === 0
    );
  } catch {
    return false; // a Proxy whose traps throw: the redactor copes
  }
};

/**
 * `redactor`, but remembering its answer for the short identifiers a capture redacts on every error (the
 * thrown type `TypeError`, an AppError's name, code, catalog key and action ids): about 7% of a new
 * error's capture went to redacting `Error` again (issue 11). The redactor is deterministic, so the same
 * text and limit give the same answer. Only calls limited to 100 characters with no key are remembered
 * (messages are limited to 1,000, and differ per error); an empty plain object is copied as `{}`;
 * everything else goes to `redactor` as it is.
 */
export function cachedNameRedactor(redactor: Redactor): Redactor {
  const known = new Map<string, string>();
  const redactString = (value: unknown, maxLength?: number, key?: string): string => {
    if (typeof value !== 'string' || maxLength === undefined || maxLength > MAX_NAME || key !== undefined)
      return redactor.redactString(value, maxLength, key);
    // The limit is part of the key: `100:` cannot be a prefix of another limit's key followed by text.
    const id = `${maxLength}:${value}`;
    let clean = known.get(id);
    if (clean === undefined) {
      clean = redactor.redactString(value, maxLength);
      // A name the call's work budget left unscanned is that call's answer, not the name's.
      if (clean.startsWith('[not scanned')) return clean;
      // Oldest out first: a Map iterates in insertion order.
      if (known.size >= MAX_NAMES) known.delete(known.keys().next().value as string);
      known.set(id, clean);
    }
    return clean;
  };
  // An empty plain object copies as an empty one whatever the rules (an AppError's copy redacts its
  // subclass fields, usually none, on every capture): no walk for it.
  const cached = ((value: unknown) => (isEmptyPlain(value) ? {} : redactor(value))) as Redactor;
  cached.redactString = redactString;
  cached.isSecretKey = redactor.isSecretKey;
  cached.asOneCall = redactor.asOneCall;
  return cached;
}

import type { Redactor } from '../errors/redact';
import type { CaptureContext } from '../types';
import { plainKey } from './plain-key';

/** Contexts remembered: the few a storm or a page passes again and again. */
const MAX_CONTEXTS = 64;
/** Longer contexts (a component stack) are redacted on every capture rather than kept as keys. */
const MAX_KEY = 2000;

/**
 * Redacts a capture's context as `redactor` does (its `actions` left out, for the caller to put back), but
 * remembers the answer for a context of plain short values (`{ source: 'global', feature: 'cart' }`): the
 * redactor is deterministic, so the same fields give the same copy. Copying `{ source: 'global' }` through
 * the redactor cost about five times a `new Error` with its stack, on every capture of a storm (issue 11).
 * Contexts with objects (`tags`) or long text are redacted every time.
 */
export function cachedContextRedactor(redactor: Redactor): (context: CaptureContext) => CaptureContext {
  const known = new Map<string, CaptureContext>();
  return (context) => {
    // Read once, as the redactor would read it: a getter runs once, and a throwing one throws here.
    const plain: Record<string, unknown> = { ...context, actions: undefined };
    const key = plainKey(plain, MAX_KEY);
    const cached = key ? known.get(key) : undefined;
    if (cached) return { ...cached };
    const clean = { ...(redactor(plain) as CaptureContext) };
    if (key) {
      // Oldest out first: a Map iterates in insertion order.
      if (known.size >= MAX_CONTEXTS) known.delete(known.keys().next().value as string);
      known.set(key, clean);
    }
    return { ...clean };
  };
}

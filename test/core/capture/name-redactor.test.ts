// Issue 11: the short identifiers a capture redacts on every error (the thrown type, an AppError's name,
// code, catalog key and actions) are redacted once per instance, in a small bounded cache.
import { AppError, createRedactor, createResilience } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';
import { cachedNameRedactor } from '../../../src/core/capture/name-redactor';

describe('the name cache of a capture', () => {
  it('answers as the redactor does, for names, other limits, keys and objects', () => {
    const redactor = createRedactor({ patterns: [/SECRET\w*/] });
    const cached = cachedNameRedactor(redactor);
    for (const text of ['TypeError', 'SECRET_CODE', 'token=sk_live_abcdefghijklmnop1234', 'AppError'])
      for (const max of [99, 100, 999, undefined]) {
        expect(cached.redactString(text, max)).toBe(redactor.redactString(text, max));
        // Asked again: the remembered answer is the same.
        expect(cached.redactString(text, max)).toBe(redactor.redactString(text, max));
      }
    expect(cached.redactString('SECRET_CODE', 100)).toBe('[REDACTED]');
    // The limit is part of what is remembered: a shorter limit cuts.
    expect(cached.redactString('x'.repeat(100), 100)).toBe('x'.repeat(100));
    expect(cached.redactString('x'.repeat(100), 10)).toBe(redactor.redactString('x'.repeat(100), 10));
    expect(cached.redactString('card', 100, '4111111111111111')).toBe(
      redactor.redactString('card', 100, '4111111111111111'),
    );
    expect(cached({ password: 'hunter2', list: [1] })).toEqual(redactor({ password: 'hunter2', list: [1] }));
    expect(cached.isSecretKey('password')).toBe(true);
  });

  it('runs a whole call under one work budget, and never remembers a name that budget left unscanned', () => {
    const tight = createRedactor({ workBudget: 1 });
    const cached = cachedNameRedactor(tight);
    expect(cached.asOneCall(() => cached.redactString('TypeError', 100))).toBe('[not scanned: 9 chars]');
    // A later call with room to scan gets the name, not the marker an earlier call's budget gave.
    const roomy = createRedactor();
    let spent = true;
    const flaky = cachedNameRedactor({
      ...roomy,
      redactString: (value: unknown, max?: number) =>
        spent ? ((spent = false), tight.redactString(value, max)) : roomy.redactString(value, max),
    } as never);
    expect(flaky.redactString('TypeError', 100)).toBe('[not scanned: 9 chars]');
    expect(flaky.redactString('TypeError', 100)).toBe('TypeError');
  });

  it('redacts a name once, and keeps at most 64 of them (oldest out first)', () => {
    const redactor = createRedactor();
    const spy = vi.fn(redactor.redactString);
    const cached = cachedNameRedactor({ ...redactor, redactString: spy } as never);
    cached.redactString('TypeError', 99);
    cached.redactString('TypeError', 99);
    expect(spy).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 64; i++) cached.redactString(`Name${i}`, 99);
    expect(spy).toHaveBeenCalledTimes(65);
    // `TypeError` was the oldest: it was let go for `Name63`, and is redacted again.
    cached.redactString('TypeError', 99);
    expect(spy).toHaveBeenCalledTimes(66);
    // `Name63` is still remembered.
    cached.redactString('Name63', 99);
    expect(spy).toHaveBeenCalledTimes(66);
  });

  it('never remembers a message: longer limits and keyed calls reach the redactor every time', () => {
    const redactor = createRedactor();
    const spy = vi.fn(redactor.redactString);
    const cached = cachedNameRedactor({ ...redactor, redactString: spy } as never);
    cached.redactString('Widget failed', 999);
    cached.redactString('Widget failed', 999);
    cached.redactString('card', 100, 'nearby');
    cached.redactString('card', 100, 'nearby');
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it('copies an empty plain object as a new empty one, and anything else through the redactor', () => {
    const redactor = createRedactor();
    const spy = vi.fn(redactor);
    const cached = cachedNameRedactor(Object.assign(spy, redactor));
    const first = cached({});
    expect(first).toEqual({});
    expect(cached({})).not.toBe(first);
    expect(spy).not.toHaveBeenCalled();
    cached(Object.create(null) as object);
    cached({ [Symbol('s')]: 1 });
    cached([]);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('stores the same redacted fields for an AppError seen by many captures, with the app’s own rules', () => {
    const resilience = createResilience({ reporting: { redact: { patterns: [/ACME_\w+/] } } });
    const fresh = createResilience({ reporting: { redact: { patterns: [/ACME_\w+/] } } });
    for (let i = 0; i < 3; i++) {
      const thrown = new AppError(`Widget ${i} failed`, { kind: 'server', code: 'ACME_KEY' });
      const stored = resilience.capture(thrown).error;
      expect(stored.code).toBe('[REDACTED]');
      expect(stored.toJSON()).toEqual(fresh.normalize(thrown).toJSON());
    }
  });
});

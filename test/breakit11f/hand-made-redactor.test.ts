import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  createResilience,
  normalizeError,
  redactRecord,
  type Redactor,
} from '../../src/core';

/** A redactor written by hand around a made one, whose `asOneCall` is a method keeping its own count. */
const countingRedactor = () => {
  const base = createRedactor();
  return Object.assign((value: unknown) => base(value), {
    redactString: base.redactString,
    isSecretKey: base.isSecretKey,
    calls: 0,
    asOneCall<T>(this: { calls: number }, run: () => T): T {
      this.calls++;
      return run();
    },
  }) satisfies Redactor;
};

// Break-it pass on issue 11 (session 11f): `inOneCall` reads `asOneCall` off the redactor and calls it
// unbound; at 1c17e11 normalize and toStoredError called `redactor.asOneCall(…)`, a method call.
describe('a hand-made Redactor whose asOneCall is a method (break-it 11f)', () => {
  it('F5: normalizeError still calls it on the redactor (it threw a TypeError instead)', () => {
    const redactor = countingRedactor();
    const error = normalizeError(new Error('boom token=abc123'), { redactor });
    expect(error.message).toBe('boom token=[REDACTED]');
    expect(redactor.calls).toBe(1);
  });
});

// redactError's default stack redaction was `(stack) => redactor.redactString(stack)`, a method call;
// it is now `redactor.redactString` passed to `clip` and called unbound.
describe('a hand-made Redactor whose redactString is a method (break-it 11f)', () => {
  it('F6: redactRecord keeps the error, redacted, instead of "An error that could not be read"', () => {
    const base = createRedactor();
    const redactor = Object.assign((value: unknown) => base(value), {
      isSecretKey: base.isSecretKey,
      asOneCall: base.asOneCall,
      base,
      redactString(this: { base: Redactor }, value: unknown, maxLength?: number, key?: string): string {
        return this.base.redactString(value, maxLength, key);
      },
    }) satisfies Redactor;
    const record = createResilience().capture(new Error('boom token=abc123'));
    const copy = redactRecord(record, redactor);
    expect(copy.error.message).toBe('boom token=[REDACTED]');
    expect(String(copy.error.stack)).toMatch(/^Error: boom token=\[REDACTED\]/);
  });
});

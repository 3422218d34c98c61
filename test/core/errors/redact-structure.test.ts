import { forgedAppError } from '../../helpers/forged-app-error';
import { describe, expect, it } from 'vitest';
import { AppError, createResilience, normalizeError, redact, toJsonSafe } from 'bulwark/core';

// Issue 9, break-it pass: how the redactor walks values (findings L6, L13, L14, B8, B9, C2, C3, S4, S5).
const CARD = '4539148803436467';

const storedJson = (thrown: unknown): string => {
  const resilience = createResilience();
  resilience.capture(thrown, { source: 'manual' });
  return JSON.stringify(resilience.store.getState());
};

describe('a nested value keeps its parent key as context (L6)', () => {
  it('redacts a card number under card.number, as a string and as a number', () => {
    expect(redact({ card: { number: CARD, exp: '12/30', brand: 'visa' } })).toEqual({
      card: { number: '[REDACTED]', exp: '12/30', brand: 'visa' },
    });
    expect(redact({ card: { number: Number(CARD) } })).toEqual({ card: { number: '[REDACTED]' } });
  });

  it('gives the card word of a parent to values and keys deeper down', () => {
    expect(redact({ payment: { card: { last: `ends ${CARD}` } } })).toEqual({
      payment: { card: { last: 'ends [REDACTED]' } },
    });
    expect(JSON.stringify(redact({ card: { [CARD]: 'on file' } }))).not.toContain(CARD);
  });

  it('names a secret by the parent and child together: session.id, api.key', () => {
    expect(redact({ session: { id: 'f3a9c1d2e4b5' }, api: { key: 'k-81723abc' } })).toEqual({
      session: { id: '[REDACTED]' },
      api: { key: '[REDACTED]' },
    });
  });

  it('keeps a Luhn-valid order id whose parent says nothing about cards', () => {
    expect(redact({ order: { number: CARD } })).toEqual({ order: { number: CARD } });
  });
});

describe('typed arrays and primitive wrappers (L13, S2)', () => {
  it('unwraps a String object, so its text is scanned as text', () => {
    expect(redact({ note: new String('password=Hunter2xyz') })).toEqual({ note: 'password=[REDACTED]' });
    expect(redact({ n: new Number(4), b: new Boolean(false) })).toEqual({ n: 4, b: false });
  });

  it('describes typed arrays, ArrayBuffer and DataView instead of copying them byte by byte', () => {
    const bytes = new TextEncoder().encode('password=Hunter2');
    expect(redact({ body: bytes })).toEqual({ body: '[Uint8Array 16 bytes]' });
    expect(toJsonSafe({ buffer: bytes.buffer, view: new DataView(bytes.buffer) })).toEqual({
      buffer: `[ArrayBuffer ${bytes.buffer.byteLength} bytes]`,
      view: `[DataView ${bytes.buffer.byteLength} bytes]`,
    });
  });

  it('walks an object that only claims to be a String by its tag', () => {
    const forged = { [Symbol.toStringTag]: 'String', password: 'Hunter2xyz' };
    expect(redact(forged)).toEqual({ password: '[REDACTED]' });
  });

  it('copies a 5 MB String object and a 2-million-byte array as one bounded value', () => {
    const wrapped = redact({ s: new String('x'.repeat(5_000_000)) }) as { s: string };
    expect(wrapped.s.length).toBeLessThan(2_100);
    expect(redact({ body: new Uint8Array(2_000_000) })).toEqual({ body: '[Uint8Array 2000000 bytes]' });
    expect(normalizeError(new Float64Array(5_000_000)).message.length).toBeLessThan(1_000);
  });
});

describe('what a secret key name keeps (B8)', () => {
  it('keeps null, empty and absent values, so "missing or empty?" can be answered', () => {
    expect(redact({ auth: null, password: '', token: undefined })).toEqual({ auth: null, password: '' });
  });

  it('keeps counts (integers up to 99) and booleans, and redacts longer numbers (PIN, OTP)', () => {
    expect(redact({ pass: 10, fail: 2, otp: 0, pin: 4821, cvv: 123, passed: true })).toEqual({
      pass: 10,
      fail: 2,
      otp: 0,
      pin: '[REDACTED]',
      cvv: '[REDACTED]',
      passed: true,
    });
  });

  it('walks an object under a secret key instead of dropping it, redacting every value in it but its harmless facts', () => {
    expect(redact({ session: { id: 1, expiresAt: '2026-11-30', renewed: false } })).toEqual({
      session: { id: 1, expiresAt: '2026-11-30', renewed: false },
    });
    expect(redact({ token: ['abc123opaque', { refresh: 'r-value-9' }] })).toEqual({
      token: ['[REDACTED]', { refresh: '[REDACTED]' }],
    });
  });

  it('keeps plain field names under a secret key, but not keys that may be the secret itself', () => {
    expect(redact({ session: { f3a9c1d2e4b5: { user: 'u1' }, Hunter2: true, active: true } })).toEqual({
      session: { '[REDACTED]': { user: '[REDACTED]' }, '[REDACTED]#': true, active: true },
    });
  });
});

describe('a thrown null-prototype object (B9)', () => {
  it('keeps its status and code, and is classified by them', () => {
    const thrown = Object.assign(Object.create(null) as object, {
      code: 'E_QUOTA',
      status: 429,
      detail: 'quota',
    });
    const error = normalizeError(thrown);
    expect(error).toMatchObject({ kind: 'rate-limit', code: 'E_QUOTA', status: 429 });
    expect(error.message).toContain('quota');
  });
});

describe('a Map key whose toString throws (C2)', () => {
  it('costs only its own entry, and no key code is run', () => {
    let called = false;
    const key = {
      toString() {
        called = true;
        throw new Error('no');
      },
    };
    expect(
      redact(
        new Map<unknown, number>([
          ['a', 1],
          [key, 2],
          ['b', 3],
        ]),
      ),
    ).toEqual({
      a: 1,
      '[object Object]': 2,
      b: 3,
    });
    expect(called).toBe(false);
  });
});

describe('field errors (L14)', () => {
  it('scans a numeric field name with its messages as nearby text', () => {
    const json = storedJson({
      message: 'Invalid',
      errors: [{ field: Number(CARD), message: 'card invalid' }],
    });
    expect(json).not.toContain(CARD);
    expect(json).toContain('card invalid');
  });

  it('scans the messages with the field name as nearby text', () => {
    const json = storedJson(
      Object.assign(new Error('Invalid'), { fieldErrors: { card: [`${CARD} was declined`] } }),
    );
    expect(json).not.toContain(CARD);
    expect(json).toContain('was declined');
  });
});

describe('what the store keeps of an AppError (C3, S4)', () => {
  it('stores a forged marker as a real AppError, each field checked for its type', () => {
    const forged = {
      ...forgedAppError(),
      actions: ['retry', 42, { id: 'x' }],
      status: 1e300,
      retryAfterMs: -5,
      stack: { toString: () => 'x' },
      pan: Number(CARD),
    };
    const resilience = createResilience();
    const record = resilience.capture(forged, { source: 'manual' });
    expect(record.error).toBeInstanceOf(AppError);
    expect(record.error.status).toBeUndefined();
    expect(record.error.retryAfterMs).toBeUndefined();
    // Action ids that are not strings fail the marker check: the value is normalised like any other.
    expect(record.error.actions.every((id) => typeof id === 'string')).toBe(true);
    expect(typeof record.error.stack === 'string' || record.error.stack === undefined).toBe(true);
    const json = JSON.stringify(resilience.store.getState());
    expect(json).not.toContain('1e+300');
    expect(json).not.toContain(CARD);
  });

  it('keeps at most 50 own fields of an AppError with 100,000 of them', () => {
    const error = new AppError('boom') as AppError & Record<string, string>;
    for (let i = 0; i < 100_000; i++) error[`f${i}`] = `value ${i}`;
    const resilience = createResilience();
    const record = resilience.capture(error, { source: 'manual' });
    expect(record.error).toBeInstanceOf(AppError);
    expect(Object.keys(record.error).filter((key) => /^f\d+$/.test(key)).length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(resilience.store.getState()).length).toBeLessThan(20_000);
  });
});

describe("a budget for the value's own code (S5)", () => {
  it('stops calling slow getters once 100 ms are spent, and keeps the rest as [\u2026]', () => {
    const wait = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const slow: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++)
      Object.defineProperty(slow, `g${i}`, {
        enumerable: true,
        get: () => {
          wait(20);
          return i;
        },
      });
    const copy = redact(slow) as Record<string, unknown>;
    const read = Object.values(copy).filter((value) => typeof value === 'number').length;
    // 20 ms each: the budget lets about 6 through (more only if the thread was descheduled less).
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(15);
    expect(Object.values(copy)).toContain('[…]');
  });
});

describe('name/value pairs are named by their name (issue 9, break-it pass 2: L12)', () => {
  it('redacts [name, value] pairs and { name, value } entries by the name', async () => {
    const { createResilience: create, redact: redactValue } = await import('bulwark/core');
    const out = JSON.stringify(
      redactValue({
        headers: [
          ['X-Api-Key', 'abc123def456'],
          ['password', 'Hunter2xyz'],
          ['Accept', 'text/html'],
        ],
        query_string: [['token', 'tok987zyx654']],
        har: [{ name: 'Authorization', value: 'abc123def457' }],
        Variables: [{ Name: 'DB_PASSWORD', Value: 'Hunter2xyz2' }],
      }),
    );
    for (const secret of ['abc123def456', 'Hunter2xyz', 'tok987zyx654', 'abc123def457', 'Hunter2xyz2'])
      expect(out).not.toContain(secret);
    expect(out).toContain('"Accept","text/html"');
    const resilience = create();
    resilience.capture(new TypeError('Failed to fetch'), {
      extra: { init: { method: 'POST', headers: [['X-Api-Key', 'abc123def456']] } },
    } as never);
    expect(JSON.stringify(resilience.store.getState())).not.toContain('abc123def456');
  });
});

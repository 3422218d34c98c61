import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_KINDS, fingerprint, normalizeError, SEVERITIES, toJsonSafe } from 'bulwark/core';

const expectValid = (error: AppError): void => {
  expect(error).toBeInstanceOf(AppError);
  expect(ERROR_KINDS).toContain(error.kind);
  expect(SEVERITIES).toContain(error.severity);
  expect(typeof error.message).toBe('string');
  expect(typeof error.retryable).toBe('boolean');
  expect(typeof error.code).toBe('string');
  expect(() => JSON.stringify(error)).not.toThrow();
};

// Property runs generate large values: give them room on a busy 2-core machine (no timing is asserted).
const PROPERTY_TIMEOUT = 30_000;

describe('normalizeError', () => {
  it('returns an AppError unchanged', () => {
    const error = new AppError('x', { kind: 'conflict' });
    expect(normalizeError(error)).toBe(error);
  });

  it('keeps the original error as cause and its stack', () => {
    const original = new RangeError('bad range');
    const error = normalizeError(original);
    expect(error.cause).toBe(original);
    expect(error.message).toBe('bad range');
    expect(error.stack).toBe(original.stack);
  });

  it('classifies DOMException AbortError and TimeoutError', () => {
    expect(normalizeError(new DOMException('aborted', 'AbortError'))).toMatchObject({
      kind: 'aborted',
      retryable: false,
    });
    expect(normalizeError(new DOMException('timed out', 'TimeoutError'))).toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
  });

  it("classifies fetch's TypeError as a retryable network error", () => {
    expect(normalizeError(new TypeError('Failed to fetch'))).toMatchObject({
      kind: 'network',
      retryable: true,
      message: 'Failed to fetch',
      actions: ['retry', 'check-connection'],
    });
  });

  it('turns a Response into an AppError with its status, Retry-After and URL, without reading its body', () => {
    const response = new Response('{"secret":"body"}', {
      status: 503,
      statusText: 'Service Unavailable',
      headers: { 'Retry-After': '30' },
    });
    Object.defineProperty(response, 'url', { value: 'https://api.example/orders?token=abc123#top' });
    const error = normalizeError(response);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      kind: 'server',
      status: 503,
      code: 'HTTP_503',
      retryAfterMs: 30_000,
      retryable: true,
      cause: response,
      context: { url: 'https://api.example/orders' },
    });
    expect(error.message).toBe('HTTP 503 Service Unavailable');
    expect(response.bodyUsed).toBe(false);
  });

  it('turns a thrown string into its message', () => {
    expect(normalizeError('Request timed out')).toMatchObject({
      message: 'Request timed out',
      kind: 'timeout',
    });
  });

  it.each([
    [42, '42'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'true'],
    [10n, '10'],
    [Symbol('boom'), 'Symbol(boom)'],
  ])('describes a thrown %s as an unknown error', (value, message) => {
    const error = normalizeError(value);
    expect(error).toMatchObject({ kind: 'unknown', message });
    expectValid(error);
  });

  it('uses message, name, status and code of plain objects', () => {
    expect(normalizeError({ message: 'Not here', status: 404, code: 'ORDER_MISSING' })).toMatchObject({
      message: 'Not here',
      kind: 'not-found',
      status: 404,
      code: 'ORDER_MISSING',
    });
    expect(normalizeError({ name: 'QuotaExceededError' }).message).toBe('QuotaExceededError');
    expect(normalizeError({ status: 502 })).toMatchObject({ kind: 'server', code: 'HTTP_502' });
  });

  it('shows a bounded copy of the fields of an object without a message, cycles included', () => {
    expect(normalizeError({ reason: 'boom', retries: 2 }).message).toBe('{"reason":"boom","retries":2}');
    const cyclic: Record<string, unknown> = { reason: 'boom' };
    cyclic.self = cyclic;
    expect(normalizeError(cyclic).message).toBe('{"reason":"boom","self":"[Circular]"}');
  });

  it('reads field errors of a validation response body', () => {
    const error = normalizeError({
      status: 422,
      errors: { email: ['Enter an email address'], name: 'Enter your name' },
    });
    expect(error).toMatchObject({ kind: 'validation', retryable: false, status: 422 });
    expect(error.fieldErrors).toEqual({ email: ['Enter an email address'], name: ['Enter your name'] });
  });

  it('reads field errors of a ZodError-like issues list', () => {
    const error = normalizeError({
      name: 'ZodError',
      issues: [
        { path: ['address', 'postcode'], message: 'Enter a postcode' },
        { path: ['address', 'postcode'], message: 'Use letters and numbers' },
      ],
    });
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual({
      'address.postcode': ['Enter a postcode', 'Use letters and numbers'],
    });
  });

  it('treats chunk loading failures as chunk-load', () => {
    const chunk = Object.assign(new Error('Loading chunk 12 failed.'), { name: 'ChunkLoadError' });
    expect(normalizeError(chunk)).toMatchObject({
      kind: 'chunk-load',
      severity: 'critical',
      actions: ['reload'],
    });
    expect(normalizeError(new TypeError('Failed to fetch dynamically imported module: /a.js')).kind).toBe(
      'chunk-load',
    );
  });

  it('survives a throwing toString, throwing getters and a hostile Proxy', () => {
    const throwingToString = {
      toString() {
        throw new Error('no');
      },
    };
    const throwingGetter = Object.defineProperty({}, 'message', {
      get() {
        throw new Error('no');
      },
      enumerable: true,
    });
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    for (const value of [throwingToString, throwingGetter, proxy, Object.create(null)])
      expectValid(normalizeError(value));
  });

  it('handles cyclic and frozen objects', () => {
    const cyclic: Record<string, unknown> = { message: 'loop' };
    cyclic.self = cyclic;
    expect(normalizeError(cyclic).message).toBe('loop');
    const frozen = Object.freeze(new Error('frozen'));
    expect(normalizeError(frozen).message).toBe('frozen');
    // The cause (the cyclic value) stays reachable, and is never serialised.
    expect(normalizeError(cyclic).cause).toBe(cyclic);
    expect(() => JSON.stringify(normalizeError(cyclic))).not.toThrow();
  });

  it('bounds the message of a huge BigInt, and keeps a small one (break-it pass 2, H4)', () => {
    expect(normalizeError(7n ** 300_000n).message).toMatch(/^\[BigInt ~2535\d\d digits\]$/);
    expect(normalizeError(12n).message).toBe('12');
  });

  it('bounds the message of a huge string', () => {
    const error = normalizeError('x'.repeat(5_000_000));
    expect(error.message.length).toBeLessThanOrEqual(1000);
  });

  it('bounds the message and stack of an Error with a long message, keeping the frames', () => {
    const error = normalizeError(new Error('y'.repeat(400_000)));
    expect(error.message.length).toBeLessThanOrEqual(1000);
    expect(error.stack?.length).toBeLessThanOrEqual(10_000);
    expect(error.stack).toMatch(/\n\s+at /);
  });

  it('does not read the stack of an Error with a huge message: reading it copies the whole message (issue 9)', () => {
    const message = 'y'.repeat(2_000_000);
    message.charCodeAt(0);
    const thrown = new Error(message);
    const error = normalizeError(thrown);
    expect(error.message.length).toBeLessThanOrEqual(1000);
    expect(error.stack).toBe(`[stack of ${(thrown.stack as string).length} characters, not read]`);
    expect(toJsonSafe(thrown)).toMatchObject({ stack: error.stack });
    expect(fingerprint(error)).toBe(fingerprint(normalizeError(new Error(message))));
  });

  it('redacts message and stack, so a normalized error can be logged as is (issue 9)', () => {
    const message = 'GET https://api.example/me?access_token=abc123xyz failed';
    const error = normalizeError(new Error(message));
    expect(error.message).toBe('GET https://api.example/me?access_token=[REDACTED] failed');
    expect(error.stack).not.toContain('abc123xyz');
  });

  it('redacts before it cuts: a key straddling the 1,000-character cut leaves nothing behind (issue 9)', () => {
    const key = 'AKIAIOSFODNN7EXAMPLE';
    for (const at of [982, 990, 999]) {
      const thrown = new Error(`${'x '.repeat(at / 2)}${key} and more text after it`);
      const error = normalizeError(thrown);
      expect(error.message.length).toBeLessThanOrEqual(1000);
      for (const part of [key.slice(0, 8), key.slice(-8)]) {
        expect(error.message).not.toContain(part);
        expect(error.stack).not.toContain(part);
      }
    }
    // The same at the start of a stack cut from its end.
    const stack = `Error: ${'y '.repeat(6000)}\n    at f (app.js:1:1)`;
    const fake = { message: 'm', stack: `${'z'.repeat(100)}${stack.slice(0, 100)} ${key} ${stack}` };
    expect(normalizeError(fake).stack).not.toContain(key.slice(-6));
  });

  it('applies app rules first', () => {
    const error = normalizeError(new Error('Quota exceeded'), {
      rules: [
        {
          name: 'quota',
          match: { message: /quota/i },
          classification: { kind: 'rate-limit', messageKey: 'quota' },
        },
      ],
    });
    expect(error).toMatchObject({ kind: 'rate-limit', messageKey: 'quota', retryable: true });
  });

  it(
    'never throws and always returns a valid AppError (property)',
    () => {
      fc.assert(
        fc.property(
          fc.anything({
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withNullPrototype: true,
            withSparseArray: true,
          }),
          (value) => {
            expectValid(normalizeError(value));
          },
        ),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'never throws for error-like objects with arbitrary fields (property)',
    () => {
      const errorLike = fc.record(
        {
          name: fc.oneof(
            fc.string(),
            fc.constantFrom('AbortError', 'TimeoutError', 'TypeError', 'ChunkLoadError'),
          ),
          message: fc.oneof(fc.string(), fc.anything()),
          status: fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.anything()),
          code: fc.oneof(fc.string(), fc.anything()),
          cause: fc.anything(),
          errors: fc.anything(),
          issues: fc.anything(),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(errorLike, (value) => {
          expectValid(normalizeError(value));
        }),
        { numRuns: 500 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'never throws for strings of any content (property)',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (value) => {
          const error = normalizeError(value);
          expectValid(error);
          expect(error.message.length).toBeLessThanOrEqual(1000);
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );
});

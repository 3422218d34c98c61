import { describe, expect, it } from 'vitest';
import { createRedactor, redact, redactString } from 'bulwark/core';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const CARD = '4111 1111 1111 1111';
/** Every secret planted below; none may appear anywhere in the redacted output. */
const planted = [
  'hunter2-pw',
  'sess-cookie-value',
  'other-cookie-value',
  'set-cookie-value',
  'bearer-token-abc123',
  JWT,
  '4111111111111111',
  '4111 1111 1111 1111',
  'ada.lovelace@example.com',
  'query-token-value',
  'query-api-key-value',
  'sk_live_51HqLyjWDarjtT1zdp7dc',
  'AKIAIOSFODNN7EXAMPLE',
  'client-secret-value',
  'refresh-token-value',
  'nested-private-key',
  'map-token-value',
  'header-auth-value',
  'form-password-value',
];

const leaks = (output: unknown): string[] => {
  const text = JSON.stringify(output);
  return planted.filter((secret) => text.includes(secret));
};

describe('redact', () => {
  it('removes planted secrets from a nested, cyclic object and keeps harmless data', () => {
    const payload: Record<string, unknown> = {
      user: { id: 42, name: 'Ada', email: 'ada.lovelace@example.com', password: 'hunter2-pw' },
      request: {
        url: 'https://api.example/search?q=shoes&token=query-token-value&api_key=query-api-key-value&page=2',
        headers: {
          Authorization: 'Bearer bearer-token-abc123',
          Cookie: 'sid=sess-cookie-value; theme=other-cookie-value',
          'Set-Cookie': 'session=set-cookie-value; HttpOnly',
          Accept: 'application/json',
        },
        body: 'username=ada&password=form-password-value',
      },
      config: {
        stripe: 'sk_live_51HqLyjWDarjtT1zdp7dc',
        aws: 'AKIAIOSFODNN7EXAMPLE',
        client_secret: 'client-secret-value',
      },
      oauth: [{ refreshToken: 'refresh-token-value' }, { deeper: { privateKey: 'nested-private-key' } }],
      note: `paid with ${CARD}, order 1234567890123, jwt ${JWT}`,
      orderId: '1234567890123',
      tokenCount: 3,
    };
    payload.self = payload;
    (payload.user as Record<string, unknown>).parent = payload;

    const output = redact(payload);
    expect(leaks(output)).toEqual([]);
    expect(output).toMatchObject({
      user: { id: 42, name: 'Ada', password: '[REDACTED]', parent: '[Circular]' },
      request: { headers: { Accept: 'application/json' } },
      orderId: '1234567890123',
      self: '[Circular]',
    });
    const text = JSON.stringify(output);
    expect(text).toContain('q=shoes');
    expect(text).toContain('page=2');
    expect(text).toContain('order 1234567890123');
  });

  it('removes secrets from Headers, Maps, URLSearchParams and Sets', () => {
    const headers = new Headers({ authorization: 'Basic header-auth-value', 'content-type': 'text/plain' });
    const map = new Map<string, unknown>([
      ['accessToken', 'map-token-value'],
      ['plain', 'kept'],
    ]);
    const params = new URLSearchParams({ token: 'query-token-value', q: 'kept-query' });
    const output = redact({ headers, map, params, set: new Set(['ada.lovelace@example.com', 'kept-set']) });
    expect(leaks(output)).toEqual([]);
    expect(output).toMatchObject({
      headers: { 'content-type': 'text/plain' },
      map: { plain: 'kept' },
      params: { q: 'kept-query' },
      set: ['[REDACTED]', 'kept-set'],
    });
  });

  it('redacts an Error: message, stack and own fields', () => {
    const error = Object.assign(
      new Error('login failed for ada.lovelace@example.com with password=hunter2-pw'),
      {
        config: { headers: { Authorization: 'Bearer bearer-token-abc123' } },
      },
    );
    const output = redact(error) as Record<string, unknown>;
    expect(leaks(output)).toEqual([]);
    expect(output.name).toBe('Error');
    expect(String(output.message)).toContain('login failed for');
    expect(String(output.stack)).toContain('login failed for');
  });

  it('works on frozen objects and arrays without changing them', () => {
    const frozen = Object.freeze({
      password: 'hunter2-pw',
      list: Object.freeze(['ada.lovelace@example.com']),
    });
    expect(leaks(redact(frozen))).toEqual([]);
    expect(frozen.password).toBe('hunter2-pw');
  });

  it.each([
    ['Authorization: Bearer bearer-token-abc123', 'Authorization: [REDACTED]'],
    ['fetch with bearer bearer-token-abc123 failed', 'fetch with bearer [REDACTED] failed'],
    ['cookie: sid=sess-cookie-value; theme=other-cookie-value\nnext line', 'cookie: [REDACTED]\nnext line'],
    [`token ${JWT}`, 'token [REDACTED]'],
    [`card ${CARD}`, 'card [REDACTED]'],
    ['card 4111-1111-1111-1111', 'card [REDACTED]'],
    ['contact ada.lovelace@example.com now', 'contact [REDACTED] now'],
    ['GET /a?x=1&access_token=query-token-value&y=2', 'GET /a?x=1&access_token=[REDACTED]&y=2'],
    [
      'https://x.example/cb#access_token=query-token-value&state=s',
      'https://x.example/cb#access_token=[REDACTED]&state=s',
    ],
    ['{"password":"hunter 2","user":"ada"}', '{"password":"[REDACTED]","user":"ada"}'],
    ["api_key: 'query-api-key-value'", "api_key: '[REDACTED]'"],
    ['key AKIAIOSFODNN7EXAMPLE', 'key [REDACTED]'],
  ])('redacts %j', (input, expected) => {
    expect(redactString(input)).toBe(expected);
  });

  it.each([
    'Order 1234567890123 shipped',
    'Cannot read properties of undefined (reading "token")',
    'HTTP 503 Service Unavailable',
    'https://app.example/orders/42?page=2&sort=asc',
    'Failed at 2026-11-24T10:00:00Z after 3 attempts',
    'Basic plan, 12:30 today',
  ])('keeps harmless text %j', (text) => {
    expect(redactString(text)).toBe(text);
  });

  it('keeps uuids, even when their digits would pass a Luhn check', () => {
    const uuids = Array.from({ length: 1000 }, () => crypto.randomUUID());
    expect(uuids.map((uuid) => redactString(uuid))).toEqual(uuids);
    expect(redactString('36231814-2023-4709-b38f-a507242d015a')).toBe('36231814-2023-4709-b38f-a507242d015a');
  });

  it('removes American Express-grouped and 19-digit card numbers', () => {
    expect(redactString('amex 3782 822463 10005')).toBe('amex [REDACTED]');
    expect(redactString('card 6011000990139424')).toBe('card [REDACTED]');
  });

  it('is configurable: extra keys and patterns, allow-list and replacement text', () => {
    const redactor = createRedactor({
      keys: ['ssn_last4', /^x-tenant$/i],
      patterns: [/INT-\d{6}/],
      allowKeys: ['tokenCount'],
      replacement: '***',
    });
    expect(
      redactor({
        ssnLast4: '1234',
        'X-Tenant': 'acme',
        tokenCount: 3,
        note: 'ticket INT-123456 and INT-654321',
        password: 'p',
      }),
    ).toEqual({
      ssnLast4: '***',
      'X-Tenant': '***',
      tokenCount: 3,
      note: 'ticket *** and ***',
      password: '***',
    });
    expect(redactor.redactString('mail ada.lovelace@example.com')).toBe('mail ***');
  });

  it('still removes secret values under an allowed key', () => {
    expect(createRedactor({ allowKeys: ['token'] })({ token: JWT })).toEqual({ token: '[REDACTED]' });
  });

  it('redacts every value under a secret key, down the subtree, but keeps what says "missing"', () => {
    expect(redact({ auth: { user: 'ada', pass: 'x' }, pin: 1234, otp: null })).toEqual({
      auth: { user: '[REDACTED]', pass: '[REDACTED]' },
      pin: '[REDACTED]',
      otp: null,
    });
  });

  it('never throws on hostile values', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(redact(hostile)).toBe('[Unreadable]');
    expect(
      redact({
        get secret(): string {
          throw new Error('getter');
        },
        ok: 1,
      }),
    ).toEqual({ secret: '[Unreadable]', ok: 1 });
  });
});

describe('redactString from JavaScript (issue 9, break-it pass 2: F8)', () => {
  it('never throws on a value that is not a string', () => {
    const call = redactString;
    expect(call(undefined)).toBe('');
    expect(call(null)).toBe('');
    expect(call(123)).toBe('123');
    // An object is read as its bounded JSON-safe copy; its own toString is never called (it may throw or be huge).
    expect(call({ note: 'token=abc123secret' })).toBe('{"note":"token=[REDACTED]"}');
    expect(() =>
      call({
        toString() {
          throw new Error('x');
        },
      }),
    ).not.toThrow();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactString } from 'bulwark/core';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const secretKey = fc.constantFrom(
  'password',
  'apiKey',
  'access_token',
  'Authorization',
  'Cookie',
  'set-cookie',
  'client_secret',
  'X-API-Key',
  'refreshToken',
  'privateKey',
  'sessionId',
);
const planted = fc.integer({ min: 0, max: 1e9 }).map((n) => `planted${n}zq`);
// Run longer than the default on a busy 2-core machine; no timing is asserted.
const TIMEOUT = 30_000;

describe('redact (property)', () => {
  it(
    'never lets a value under a secret key through, wherever it sits in a nested, cyclic structure',
    () => {
      fc.assert(
        fc.property(
          fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 10 }),
          secretKey,
          planted,
          (tree, key, secret) => {
            const value: Record<string, unknown> = {
              ...tree,
              nested: { list: [{ [key]: secret }], deeper: { [key]: { inner: secret } } },
              [key]: secret,
            };
            value.self = value;
            const text = JSON.stringify(redact(value));
            expect(text).not.toContain(secret);
          },
        ),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    'removes JWTs, card numbers and emails from any surrounding text',
    () => {
      const secret = fc.constantFrom(
        JWT,
        '4111 1111 1111 1111',
        '5500005555555559',
        'ada.lovelace+x@mail.example.org',
      );
      // An ungrouped card number needs a card word nearby (issue 9: bare Luhn-valid ids are kept).
      const context = (value: string) => (/^\d+$/.test(value) ? `card ${value}` : value);
      fc.assert(
        fc.property(
          fc.string({ maxLength: 40 }),
          secret,
          fc.string({ maxLength: 40 }),
          (before, value, after) => {
            expect(redactString(`${before} ${context(value)} ${after}`)).not.toContain(value);
          },
        ),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );

  it(
    'removes secret query parameters from any URL',
    () => {
      fc.assert(
        fc.property(
          fc.webUrl({ withQueryParameters: false, withFragments: false }),
          fc.constantFrom(
            'token',
            'access_token',
            'api_key',
            'apikey',
            'client_secret',
            'password',
            'sig',
            'signature',
          ),
          planted,
          (url, name, secret) => {
            expect(redactString(`${url}?a=1&${name}=${secret}&b=2`)).not.toContain(secret);
          },
        ),
        { numRuns: 300 },
      );
    },
    TIMEOUT,
  );
});

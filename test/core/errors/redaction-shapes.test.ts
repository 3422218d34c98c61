import { describe, expect, it } from 'vitest';
import { createResilience, normalizeError, redact, redactString } from 'bulwark/core';

// Issue 9 (findings L2, L9–L12, B2, B5, B7) and issue 13 (findings F1–F6): secrets known by their
// shape in text (tokens, URLs, personal data), and the harmless look-alikes that must stay.

const R = '[REDACTED]';
const jwtPart = (length: number, seed: string) =>
  Buffer.from(seed.repeat(Math.ceil(length / seed.length)).slice(0, length))
    .toString('base64url')
    .slice(0, length);

/** Every needle is gone from `text` after redaction. */
const gone = (text: string, ...needles: string[]) => {
  const out = redactString(text);
  for (const needle of needles) expect(out, `${needle} survived in ${out}`).not.toContain(needle);
  return out;
};
const kept = (text: string) => expect(redactString(text)).toBe(text);

describe('a cut never keeps part of a long secret (L2)', () => {
  const longJwt = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${jwtPart(900, '{"email":"ada.lovelace@example.com","name":"Ada Lovelace","roles":["role59"]}')}.${jwtPart(342, 'sig')}`;

  it('drops the tail of a JWT whose start lies before a stack window cut from its end', () => {
    const resilience = createResilience();
    const error = new Error(`Authorization: Bearer ${longJwt}`);
    const frames = Array.from({ length: 200 }, (_, i) => `    at fn${i} (https://app.example/a.js:${i}:1)`);
    // The window (last 10,255 characters) starts inside the JWT.
    error.stack = [`Error: Authorization: Bearer ${longJwt}`, ...frames].join('\n');
    const over = error.stack.length - 10_255;
    expect(over).toBeGreaterThan(0);
    expect(over).toBeLessThan(`Error: Authorization: Bearer ${longJwt}`.length - 300);
    resilience.capture(error);
    const json = JSON.stringify(resilience.store.getState());
    expect(json).toContain('fn199');
    for (const piece of [longJwt.slice(-300), longJwt.slice(-700, -400), longJwt.slice(-620, -560)])
      expect(json).not.toContain(piece);
  });

  it('drops the body lines of a PEM block whose BEGIN line lies before a stack window', () => {
    const body = Array.from({ length: 160 }, (_, i) => `MIIE${String(i).padStart(4, '0')}${'Q'.repeat(56)}`);
    const pem = ['-----BEGIN PRIVATE KEY-----', ...body, '-----END PRIVATE KEY-----'].join('\n');
    const error = new Error('bad key');
    error.stack = `Error: ${pem}\n${'    at f (https://app.example/a.js:1:1)\n'.repeat(40)}`;
    expect(error.stack.length - 10_255).toBeGreaterThan(400);
    const resilience = createResilience();
    resilience.capture(error);
    const json = JSON.stringify(resilience.store.getState());
    for (const line of body) expect(json).not.toContain(line.slice(0, 8));
    expect(json).toContain('at f (https://app.example/a.js:1:1)');
  });

  it('drops the head of a long secret cut at the end of a window cut from its start', () => {
    const text = `${'x '.repeat(490)}token ${longJwt}`;
    const out = redactString(text, 1_000);
    expect(out).not.toContain(longJwt.slice(0, 10));
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('a card number with its card fields after it (break-it pass 2, L1)', () => {
  it('redacts the number of a Stripe-shaped card object written as JSON', () => {
    gone('{"number":"4111111111111111","exp_month":12,"exp_year":2030,"cvc":"123"}', '4111111111111111');
    gone('number 4242424242424242, expiry 12/30', '4242424242424242');
    kept('order 4111111111111111 shipped');
  });
});

describe('a cut keeps what was seen whole (break-it pass 2, F1)', () => {
  it('keeps the text before a long secret replaced up to the window edge', () => {
    const message = `Payment failed for order 12345 at checkout step 3, please retry. Debug: token=${'a1'.repeat(2500)}`;
    const expected =
      'Payment failed for order 12345 at checkout step 3, please retry. Debug: token=[REDACTED]…';
    expect(redactString(message, 1000)).toBe(expected);
    expect(normalizeError(new Error(message)).message).toBe(expected);
    expect(redact({ detail: message })).toEqual({ detail: expected });
  });

  it('cuts compact JSON at its last field, not at the last space', () => {
    const body = JSON.stringify({
      error: 'validation_failed',
      details: Array.from({ length: 60 }, (_, i) => ({ field: `items.${i}.qty`, code: 'too_small', min: 1 })),
    });
    const message = normalizeError(new Error(body)).message;
    expect(message.startsWith('{"error":"validation_failed","details":[{"field":"items.0.qty"')).toBe(true);
    expect(message.length).toBeGreaterThan(900);
  });
});

describe('a stack window never keeps part of a long first line (break-it pass 2, L0)', () => {
  const frames = '    at load (https://app.example/js/main.js:1:2)\n'.repeat(60);

  it('drops the rest of a long Cookie line the window starts inside', () => {
    const value = 'eyJpdiI6IlNlY3JldFZhbHVlMTIzIn0';
    const cookie = `Cookie: _ga=GA1.2.3; ${'pref=x; '.repeat(1000)}remember_web_59ba36addc2b2f9401580f014c7f58ea4e30989d=${value}; theme=dark`;
    const error = new Error(`Request failed ${cookie}`);
    error.stack = `Error: Request failed ${cookie}\n${frames}`;
    const stack = normalizeError(error).stack as string;
    expect(stack).not.toContain(value);
    expect(stack).toContain('at load');
    const resilience = createResilience();
    resilience.capture(error);
    expect(JSON.stringify(resilience.store.getState())).not.toContain(value);
  });

  it('drops the rest of a long passphrase line and of a long JWT', () => {
    const passphrase = new Error('x');
    passphrase.stack = `Error: config dump password: ${'correct horse battery staple '.repeat(400)}Zebra99Secret\n${frames}`;
    expect(normalizeError(passphrase).stack).not.toContain('Zebra99Secret');
    const jwt = new Error('x');
    jwt.stack = `Error: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJ${'QUJD'.repeat(3000)}.SIGNATURE0123456789abcdef\n${frames}`;
    expect(normalizeError(jwt).stack).not.toContain('SIGNATURE0123456789abcdef');
  });
});

describe('URL credentials (L9)', () => {
  it.each([
    ['redis://:s3cretPw@cache:6379/0', ['s3cretPw']],
    ['postgres://app:p@ssWord@db/orders', ['p@ssWord', 'ssWord']],
    ['mongodb://app:pa/ssWord@db/orders', ['pa/ssWord', 'ssWord']],
    ['mongodb://app:pa#ssWord@db/orders', ['pa#ssWord', 'ssWord']],
    ['amqps://:pa:ss?wd@mq.internal:5671', ['ss?wd']],
    // Issue 9 (bounded time): the password's end is now a scan; the same shapes stay found.
    ['see https://app.example:8443/login?next=https://u:hunter2x@db/x', ['hunter2x']],
    ['postgres://app:@p@ss@db:5432/orders', ['p@ss']],
    [`redis://:${'p'.repeat(199)}@cache`, ['ppppp']],
    ['a://b:c@a://b:c@a://u:s3cretPw@db', ['s3cretPw']],
  ])('redacts %s', (text, needles) => {
    const out = gone(text, ...needles);
    expect(out).toMatch(/@(cache|db|mq)/);
  });
  it.each([
    'https://app.example:443/search?u=ada',
    'listening on http://localhost:5173/',
    'ws://127.0.0.1:24678 closed with code 1006',
    'https://app.example:8443/orders/42/items',
  ])('keeps %s', kept);
});

describe('vendor tokens (L10)', () => {
  it.each([
    [
      'creds AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    ['aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'bPxRfiCYEXAMPLEKEY'],
    [
      'POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'XXXXXXXXXXXXXXXXXXXXXXXX',
    ],
    ['slack xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef', 'abcdef0123456789abcdef'],
    ['google ya29.a0AfH6SMBx3kLmNoPqRsTuVwXyZ0123456789', 'a0AfH6SMBx3kLm'],
    ['client 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', '1a2B3c4D5e6F7g8H'],
    ['hf hf_abcdefghijklmnopqrstuvwxyzABCDEFGH', 'abcdefghijklmnopqrstuvwxyzABCDEFGH'],
    ['shopify shpat_0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
    ['map sk.eyJ1IjoiYWRhIiwiYSI6ImNsMTIzIn0.abcdefghijklmnop-qrstu', 'abcdefghijklmnop'],
    [
      'sentry sntrys_eyJpYXQiOjE3MzI4NzIwMDB9_abcdefghijklmnopqrstuvwxyz0123456789ABCD',
      'abcdefghijklmnopqrstuvwxyz0123456789ABCD',
    ],
    [
      'key 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318',
      '4c0883a69102937d6231471b5dbb6204',
    ],
    ['sent Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b', '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b'],
    ['Authorization: ApiKey dGVzdDp0ZXN0c2VjcmV0a2V5MTIz', 'dGVzdDp0ZXN0c2VjcmV0a2V5MTIz'],
    ['GET /callback?code=4/0AX4XfWh-secretAuthCode&state=xyz', '0AX4XfWh-secretAuthCode'],
    ['GET /maps?key=9f8e7d6c5b4a39281706f5e4d3c2b1a0', '9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
    ['GET /cb#access_token=ya29LikeOpaqueValue123&token_type=bearer', 'ya29LikeOpaqueValue123'],
    [
      'signed https://s3.example/o?X-Amz-Credential=AKID123%2F2026&X-Amz-Signature=abc123def456abc123def456',
      'abc123def456abc123def456',
    ],
  ])('redacts %s', (text, needle) => {
    gone(text, needle);
  });

  it('redacts a PGP private key block (and an OpenSSH one)', () => {
    gone(
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGPgpBody123456\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----',
      'lQOYBGPgpBody123456',
      '=abcd',
    );
    gone(
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAA',
    );
  });

  it.each([
    'commit 3f9a1c2b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a',
    'tx 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 confirmed',
    'GET /errors?code=404&page=2',
    'GET /errors?code=ERR_NETWORK',
    'cache key user:4821:profile expired',
    'Token 3 of 5 used',
    'map tiles https://api.mapbox.com/styles/v1/acme/streets',
  ])('keeps %s', kept);
});

describe('JWTs split across lines or glued to a name (L11)', () => {
  it.each([
    [
      'token\neyJhbGciOiJIUzI1NiJ9.\neyJzdWIiOiIxMjM0NTY3ODkwIn0.\nSflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      ['eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
    ],
    [
      'id_token_eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      ['eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
    ],
    ['/cb?state=eyJwYXNzd29yZCI6Ikh1bnRlcjJ4eXoifQ', ['eyJwYXNzd29yZCI6Ikh1bnRlcjJ4eXoifQ']],
  ])('redacts %j', (text, needles) => {
    gone(text, ...needles);
  });
  it('redacts a JWT split across lines inside JSON text, where the line breaks are escaped', () => {
    const split =
      'eyJhbGciOiJIUzI1NiJ9.\neyJzdWIiOiIxMjM0NTY3ODkwIn0.\nSflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    gone(
      JSON.stringify({ detail: `token\n${split}` }),
      'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
      'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV',
    );
  });

  it('keeps a base64 JSON cursor that names no secret', () => {
    kept('GET /orders?cursor=eyJvZmZzZXQiOjUwLCJsaW1pdCI6MjV9');
  });
});

describe('cards, IBANs, phones, SSNs and e-mails in more shapes (L12, F5, F6)', () => {
  it.each([
    ['card 4111.1111.1111.1111', '4111.1111.1111'],
    ['card 4111  1111  1111  1111', '1111  1111  1111'],
    ['charge failed for 4111111111111111', '4111111111111111'],
    ['cardField 4111\u00a01111\u00a01111\u00a01111', '1111\u00a01111'],
    ['card 3782\u2009822463\u200910005', '822463'],
    ['transfer to de89 3704 0044 0532 0130 00 failed', '3704 0044 0532'],
    ['iban de89370400440532013000', 'de89370400440532013000'],
    ['call 0044 20 7946 0958', '7946 0958'],
    ['call me at 415 555 2671', '555 2671'],
    ['phone 4155552671', '4155552671'],
    ['contact 14155552671', '14155552671'],
    ['SSN 123456789 invalid', '123456789'],
    ['ssn 123 45 6789', '123 45 6789'],
    ['NI number QQ123456C', 'QQ123456C'],
    ['user josé@example.com not found', 'josé'],
    ['user ada@müller.de not found', 'müller'],
    ['mail ada@exämple.com', 'exämple'],
    ['ada\\u0040example.com', 'ada'],
    ['https://api.example.com/users/ada%2Elovelace%40example.com/profile', 'ada%2Elovelace'],
    ['/users/ada.lovelace%2Bwork%40x.example', 'ada.lovelace'],
  ])('redacts %j', (text, needle) => {
    gone(text, needle);
  });

  it('redacts a card number that is a whole form value, even without a card word', () => {
    expect(redact({ input: '4539148803436467' })).toEqual({ input: R });
    expect(redact({ value: '4111 1111 1111 1111' })).toEqual({ value: R });
  });

  it.each([
    'order id 4539148803436467 created',
    'Payment for order 4539148803436467 failed',
    'version 4111.1111.1111.1111 of the schema',
    'hotel 415-555-2671 booking failed',
    'telemetry batch 123-456-7890 dropped',
    'part 123-45-6789 out of stock',
    'order 4155552671 shipped',
    'hex de89370400440532013000ff',
  ])('keeps %j', kept);

  it('keeps Luhn-valid ids under id-like keys', () => {
    const ids = { orderId: '4539148803436467', cardId: 4539148803436467, discardCount: 4539148803436467 };
    expect(redact(ids)).toEqual(ids);
  });
});

describe('look-alikes that are not e-mails or phones (B2, B5, B7)', () => {
  it.each([
    'icon@3x.webp not found',
    'logo@2x.avif 404',
    'email@2x.png missing',
    'bundle@1.5x.svg',
    'fatal: Could not read from remote repository git@github.com:acme/shop.git',
    'git clone deploy@git.example.com:org/repo.git',
    'ssh: connect to host deploy@build.example.internal port 22',
    'size grew by +12345678 bytes',
    'retry after +86400000 ms',
    'v8 heap +16777216 bytes after gc',
    'clock skew +1732872000 s',
    'hotel 415-555-2671 booking failed',
    'telemetry batch 123-456-7890 dropped',
    'part 123-45-6789 out of stock',
  ])('keeps %j', kept);

  it.each([
    ['user ada@example.com not found', 'ada@example.com'],
    ['call +14155552671', '4155552671'],
    ['+4915112345678 is unreachable', '4915112345678'],
    ['ssn 123-45-6789', '123-45-6789'],
    ['telephone 415-555-2671', '555-2671'],
    ['phoneNumber: 415.555.2671', '555.2671'],
  ])('still redacts %j', (text, needle) => {
    gone(text, needle);
  });
});

describe('query strings and URL paths (issue 13: F1–F4)', () => {
  it.each([
    ['api/session?code=RelFetchCode111', 'RelFetchCode111'],
    ['example.com/cb?code=NoSchemeCode888', 'NoSchemeCode888'],
    ['?code=NavOauthCode777', 'NavOauthCode777'],
    ['?code=SpanQueryCode444', 'SpanQueryCode444'],
    ['redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fcode%3DBcMsgCode999', 'BcMsgCode999'],
    ['next=%252Fcb%253Fcode%253DDoubleEnc999%2526x%253D1', 'DoubleEnc999'],
    ['http://localhost:3000/reset-password/PathTok9f8e7d6c5b4a3', 'PathTok9f8e7d6c5b4a3'],
    ['/users/42/reset/PathTokSpan123', 'PathTokSpan123'],
    ['https://app.example/invite/Xk29fLq81Pz?ref=mail', 'Xk29fLq81Pz'],
    ['GET /magic-link/7f3c9a2e1b4d4e8f9a6c2d5e7f8a9b0c', '7f3c9a2e1b4d4e8f'],
  ])('redacts %j', (text, needle) => {
    gone(text, needle);
  });

  it('redacts a bare query string by the key it is stored under', () => {
    expect(redact({ query_string: 'code=QueryStringCode333&state=x' })).toEqual({
      query_string: `code=${R}&state=x`,
    });
    expect(redact({ 'url.query': 'code=UrlQueryCode5&page=2' })).toEqual({ 'url.query': `code=${R}&page=2` });
    expect(redact({ 'http.query': '?code=SpanQueryCode444' })).toEqual({ 'http.query': `?code=${R}` });
  });

  it.each([
    'code=E_QUOTA while saving',
    'https://app.example/orders/42?page=2&sort=asc',
    'https://app.example/reset-password/expired',
    '/auth/callback',
    'https://app.example/verify/email',
  ])('keeps %j', kept);
});

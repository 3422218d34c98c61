import { describe, expect, it } from 'vitest';
import { AppError, createResilience, HttpError, redact, redactString } from 'bulwark/core';

// Issue 9, break-it pass 2 (findings-9b.md): value shapes and structures. L1 (card objects with no
// `card` parent), L12's flat header lists, L3 (tab/space separated pairs), L5 (vendor shapes), L7
// (Unicode spaces, full-width digits), OAuth codes, F3 and F7 (public values kept).

const storedJson = (thrown: unknown): string => {
  const resilience = createResilience();
  resilience.capture(thrown);
  return JSON.stringify(resilience.store.getState());
};

describe('L1: a card object is known by its card fields, with no card parent', () => {
  it('redacts the number of Stripe createToken, Braintree and Adyen shapes (string, number, grouped)', () => {
    expect(redact({ number: '4242424242424242', exp_month: 12, cvc: '123' })).toEqual({
      number: '[REDACTED]',
      exp_month: 12,
      cvc: '[REDACTED]',
    });
    expect(redact({ number: 4242424242424242, exp_month: 12, exp_year: 2030 })).toEqual({
      number: '[REDACTED]',
      exp_month: 12,
      exp_year: 2030,
    });
    expect(redact({ source: { object: 'card', number: '4111111111111111' } })).toEqual({
      source: { object: 'card', number: '[REDACTED]' },
    });
    expect(
      redact({
        method: { type: 'scheme', number: '4111 1111 1111 1111', expiryMonth: '03', holderName: 'Ada' },
      }),
    ).toEqual({ method: { type: 'scheme', number: '[REDACTED]', expiryMonth: '03', holderName: 'Ada' } });
    expect(redact({ creditCard: { number: '5555555555554444', expirationDate: '12/30' } })).toEqual({
      creditCard: { number: '[REDACTED]', expirationDate: '12/30' },
    });
    expect(JSON.stringify(redact({ cards: [{ number: '4111111111111111', cvv: '123' }] }))).not.toContain(
      '4111111111111111',
    );
  });

  it('redacts it through capture, in the context and in a JSON body, whichever field comes first', () => {
    expect(
      storedJson(
        new AppError('Card declined', {
          kind: 'server',
          context: { params: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' } },
        }),
      ),
    ).not.toContain('4242424242424242');
    expect(redactString('{"exp_month":12,"cvc":"123","number":"4111111111111111"}')).not.toContain(
      '4111111111111111',
    );
  });

  it('keeps a lone number, an order number, and a card object whose number is masked', () => {
    expect(redact({ number: 4242424242424242 })).toEqual({ number: 4242424242424242 });
    expect(redact({ number: '4242424242424242', status: 'paid' })).toEqual({
      number: '4242424242424242',
      status: 'paid',
    });
    expect(redact({ order: { number: '4539148803436467', expiresAt: '2026-12-01' } })).toEqual({
      order: { number: '4539148803436467', expiresAt: '2026-12-01' },
    });
    expect(redact({ number: '•••• 4242', brand: 'visa', last4: '4242' })).toEqual({
      number: '•••• 4242',
      brand: 'visa',
      last4: '4242',
    });
  });
});

describe('L12: flat name/value lists and argument lists', () => {
  it("redacts Node's rawHeaders by the name before each value", () => {
    expect(
      redact({
        rawHeaders: [
          'Authorization',
          'Bearer x',
          'Cookie',
          'a=b',
          'X-Api-Key',
          'abc123def456',
          'Accept',
          '*/*',
        ],
      }),
    ).toEqual({
      rawHeaders: [
        'Authorization',
        '[REDACTED]',
        'Cookie',
        '[REDACTED]',
        'X-Api-Key',
        '[REDACTED]',
        'Accept',
        '*/*',
      ],
    });
    expect(
      storedJson(
        new AppError('Failed to fetch', {
          kind: 'network',
          context: { req: { rawHeaders: ['Host', 'api.example', 'X-Api-Key', 'abc123def456'] } },
        }),
      ),
    ).not.toContain('abc123def456');
  });

  it('redacts flat query pairs and env lists under their keys, not a list of tags', () => {
    expect(redact({ query_string: ['token', 'abc123def456', 'page', '2'] })).toEqual({
      query_string: ['token', '[REDACTED]', 'page', '2'],
    });
    expect(redact({ env: ['DB_PASSWORD', 'Hunter2xyz', 'NODE_ENV', 'production'] })).toEqual({
      env: ['DB_PASSWORD', '[REDACTED]', 'NODE_ENV', 'production'],
    });
    expect(redact({ string: ['token', 'abc123def456', 'page', '2'] })).toEqual({
      string: ['token', 'abc123def456', 'page', '2'],
    });
    expect(redact({ tags: ['token', 'abc123def456', 'page', '2'] })).toEqual({
      tags: ['token', 'abc123def456', 'page', '2'],
    });
    expect(redact({ headers: ['Accept', 'text/html', 'a long value that is not a name', 'x'] })).toEqual({
      headers: ['Accept', 'text/html', 'a long value that is not a name', 'x'],
    });
  });

  it("redacts the argument after a secret flag (child_process's spawnargs)", () => {
    expect(redact({ spawnargs: ['mysqldump', '--password', 'Hunter2xyz', '--port', '3306', 'app'] })).toEqual(
      {
        spawnargs: ['mysqldump', '--password', '[REDACTED]', '--port', '3306', 'app'],
      },
    );
    expect(
      redact({ argv: ['node', 'app.js', '--api-key', 'k3y9abc', '--verbose', '--token', '--stdin'] }),
    ).toEqual({
      argv: ['node', 'app.js', '--api-key', '[REDACTED]', '--verbose', '--token', '--stdin'],
    });
  });
});

describe('L3: key and value separated by tabs or blanks', () => {
  it('redacts a tab-separated value, also inside a message and a body excerpt', () => {
    expect(redactString('password\tHunter2xyz')).toBe('password\t[REDACTED]');
    expect(redactString('Password\t\tHunter2xyz\tuser\tada')).toBe('Password\t\t[REDACTED]\tuser\tada');
    expect(storedJson(new Error('password\tHunter2xyzSecret'))).not.toContain('Hunter2xyzSecret');
    expect(
      storedJson(new HttpError({ status: 500, bodyExcerpt: 'user\tada\napi_key\tabc123def456\n' })),
    ).not.toContain('abc123def456');
  });

  it('redacts the password of a .netrc line and a password written with a space', () => {
    const out = redactString(
      'machine api.heroku.com login ada@x.com password c4cd94da15ea0544802c2cfd5ec4ead324327430',
    );
    expect(out).not.toContain('c4cd94da15ea0544802c2cfd5ec4ead324327430');
    expect(redactString('machine example.com login ada password hunter')).toBe(
      'machine example.com login ada password [REDACTED]',
    );
    expect(redactString('invalid password Hunter2xyz for ada')).toBe('invalid password [REDACTED] for ada');
  });

  it('redacts aligned env tables (PowerShell env:, printenv columns) and fish set output', () => {
    expect(redactString('Name      Value\n----      -----\nAPI_KEY   sk_abc123def456\nHOME      /root')).toBe(
      'Name      Value\n----      -----\nAPI_KEY   [REDACTED]\nHOME      /root',
    );
    expect(redactString('AWS_SECRET_ACCESS_KEY wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY1')).toBe(
      'AWS_SECRET_ACCESS_KEY [REDACTED]',
    );
    expect(redactString('set -gx API_TOKEN abc123def456')).toBe('set -gx API_TOKEN [REDACTED]');
  });

  it.each([
    'Password\trequired',
    'password reset link sent',
    'login failed: password incorrect',
    'id\tname\tstatus\n1\tada\topen\n2\tgrace\tclosed',
    'token\texpired',
    'Name      Value\nHOME      /root\nLANG      en_US.UTF-8',
    'passphrase correct horse',
    'TOKEN expired',
  ])('keeps harmless separated text: %j', (text) => {
    expect(redactString(text)).toBe(text);
  });
});

describe('L5: vendor credential shapes (gitleaks)', () => {
  it.each([
    [
      'Discord webhook',
      'https://discord.com/api/webhooks/123456789012345678/abcDEFghiJKLmnoPQRstuVWXyz0123456789-_abcDEFghi',
      'abcDEFghiJKLmnoPQRstuVWXyz0123456789',
    ],
    [
      'Telegram bot token',
      'https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe',
      'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
    ],
    [
      'Teams webhook',
      'https://acme.webhook.office.com/webhookb2/0f8fad5b-d9cb-469f-a165-70867728950e@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/4d9a1b2c3e4f5a6b7c8d9e0f1a2b3c4d/3a5e7c9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d',
      '4d9a1b2c3e4f5a6b7c8d9e0f1a2b3c4d',
    ],
    ['Zapier hook', 'https://hooks.zapier.com/hooks/catch/123456/abcdef/', 'abcdef'],
    [
      'Twilio SID:token',
      'twilio AC0123456789abcdef0123456789abcdef:0123456789abcdef0123456789abcdef',
      ':0123456789abcdef0123456789abcdef',
    ],
    [
      'Twilio auth token',
      'Twilio AC0123456789abcdef0123456789abcdef auth 9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    ],
    [
      'age secret key',
      'AGE-SECRET-KEY-1QQPQZRZZ8JHSWZXXNGQKXYPLMV6W8FT7U2NGCZ4G4AA9GQ0CHCQSWSJR2W',
      'QQPQZRZZ8JHSWZXXNGQKXYPLMV6W8FT7U2NGCZ4G4AA9GQ0CHCQSWSJR2W',
    ],
    [
      'PuTTY private key',
      'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPrivate-Lines: 2\nAAAAgQCo9nB4Qw3ZkVx\nAAAAQQDx7Yh2LmPq\nPrivate-MAC: 9f',
      'AAAAgQCo9nB4Qw3ZkVx',
    ],
    ['Heroku', 'heroku: HRKU-AAabcdEFGH1234567890abcdefghijklmnopqrstuvwx', 'abcdEFGH1234567890'],
    [
      'JWE with alg dir',
      'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..qjXzYgNqbGtyFhj3.SGVsbG9Xb3JsZEJlYXJlclRva2VuMTIz.rWzKbNWjsw6v1hXRKnF-Ug',
      'SGVsbG9Xb3JsZEJlYXJlclRva2VuMTIz',
    ],
    ['GitLab deploy token', 'deploy with gldt-Zx8yW7vU6tS5rQ4pO3nM', 'Zx8yW7vU6tS5rQ4pO3nM'],
    ['Databricks', 'DATABRICKS dapi0123456789abcdef0123456789abcdef', 'dapi0123456789abcdef'],
    [
      'Grafana service account',
      'glsa_AbCdEfGhIjKlMnOpQrStUvWxYz012345_0a1b2c3d',
      'AbCdEfGhIjKlMnOpQrStUvWxYz',
    ],
    ['Vault', `vault hvs.${'CAESIJ9x'.repeat(12)}`, 'CAESIJ9xCAESIJ9x'],
    ['New Relic', 'newrelic NRAK-ABCDEFGHIJ0123456789KLMNOPQ', 'ABCDEFGHIJ0123456789'],
    ['PlanetScale', 'pscale_pw_abcdefghijklmnopqrstuvwxyz0123456789', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['Pulumi', 'pul-0123456789abcdef0123456789abcdef01234567', '0123456789abcdef0123456789abcdef01234567'],
    ['RubyGems', `rubygems_${'0a1b2c3d4e5f'.repeat(4)}`, '0a1b2c3d4e5f0a1b2c3d4e5f'],
    ['Notion', 'ntn_12345678901AbCdEfGhIjKlMnOpQrStUvWxYz012345678', 'AbCdEfGhIjKlMnOpQrStUvWxYz'],
    ['DigitalOcean OAuth', `doo_v1_${'0a1b2c3d'.repeat(8)}`, '0a1b2c3d0a1b2c3d'],
    [
      'Azure AD client secret',
      'client secret abc8Q~Zx8yW7vU6tS5rQ4pO3nM2lK1jI0hG9fE',
      'Zx8yW7vU6tS5rQ4pO3nM',
    ],
    ['Mailgun', 'mailgun: key-0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcdef'],
    ['Mailchimp', 'chimp 0123456789abcdef0123456789abcdef-us21', '0123456789abcdef0123456789abcdef'],
    ['Atlassian', `jira ATATT3${'xFfGF0T'.repeat(27)}`, 'xFfGF0TxFfGF0T'],
  ])('%s is redacted', (_kind, text, needle) => {
    expect(redactString(text)).not.toContain(needle);
  });

  it.each([
    'cache key-0123456789abcdef0123456789abcdef evicted',
    'request 0f8fad5b-d9cb-469f-a165-70867728950e failed',
    'https://discord.com/channels/123456789012345678/987654321098765432',
    'https://hooks.zapier.com/hooks/catch/',
    'Account AC0123456789abcdef0123456789abcdef suspended',
    'retry at 12:30:45',
  ])('keeps a near-miss: %j', (text) => {
    expect(redactString(text)).toBe(text);
  });
});

describe('L5: URL credentials before an IPv6 host', () => {
  it('redacts the password before [2001:db8::1] and a zone id, and keeps a bare IPv6 URL', () => {
    expect(redactString('ftp://ada:Hunter2xyz@[2001:db8::1]:21/')).toBe('ftp://[REDACTED]@[2001:db8::1]:21/');
    expect(redactString('postgres://app:pw9xyz@[fe80::1%25eth0]/db')).not.toContain('pw9xyz');
    expect(redactString('http://[::1]:8080/health')).toBe('http://[::1]:8080/health');
  });
});

describe('L3: tab-separated pairs escaped inside JSON', () => {
  it('redacts a value after an escaped tab up to the next escape, keeping the JSON whole', () => {
    expect(redactString(JSON.stringify({ detail: 'api_key\t\tAbc123xyz\tuser\tada' }))).toBe(
      '{"detail":"api_key\\t\\t[REDACTED]\\tuser\\tada"}',
    );
    expect(redactString('a\tpassword\tHunter2xyz')).toBe('a\tpassword\t[REDACTED]');
  });
});

describe('L7: card digits grouped by any Unicode space, or full-width', () => {
  it.each([
    ['en space', 'card 4111\u20021111\u20021111\u20021111'],
    ['thin space', 'card 4111\u20091111\u20091111\u20091111'],
    ['ideographic space', 'card 4111\u30001111\u30001111\u30001111'],
    ['full-width digits', 'card ４１１１１１１１１１１１１１１１'],
    [
      'full-width, grouped',
      '４１１１ ４１１１ ４１１１ ４１１１'.replace(
        /４１１１ ４１１１ ４１１１ ４１１１/,
        '４１１１ １１１１ １１１１ １１１１',
      ),
    ],
  ])('%s', (_kind, text) => {
    expect(redactString(text)).toContain('[REDACTED]');
  });

  it.each([
    'Total 1\u00a0234,56\u00a0€',
    'price 12\u202f345\u202f678 ₫',
    'order ４５３９１４８８０３４３６４６７ shipped',
  ])('keeps NBSP-formatted prices and a full-width order number: %j', (text) => {
    expect(redactString(text)).toBe(text);
  });
});

describe('OAuth authorization codes and tokens in redirect URLs (RFC 6749 §4.1.2, §4.2.2)', () => {
  it('redacts code beside state in a query, whatever its characters, and tokens in a fragment', () => {
    expect(redactString('https://app.example/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz')).toBe(
      'https://app.example/callback?code=[REDACTED]&state=xyz',
    );
    expect(redactString('https://app.example/cb?state=af0ifjsldkj&code=abcdefghijklmnopqrstuv')).toBe(
      'https://app.example/cb?state=af0ifjsldkj&code=[REDACTED]',
    );
    const fragment = redactString(
      'https://app.example/cb#access_token=2YotnFZFEjr1zCsicMWpAA&token_type=bearer&expires_in=3600&id_token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
    );
    expect(fragment).not.toContain('2YotnFZFEjr1zCsicMWpAA');
    expect(fragment).not.toContain('eyJzdWIiOiIxIn0');
    expect(fragment).toContain('token_type=bearer&expires_in=3600');
  });

  it('redacts a parsed redirect query ({ code, state }) but not an error with a code and a state', () => {
    expect(redact({ query: { code: 'SplxlOBeZQQYbYS6WxSbIA', state: 'xyz' } })).toEqual({
      query: { code: '[REDACTED]', state: 'xyz' },
    });
    expect(redact({ code: 'E_QUOTA', state: 'failed' })).toEqual({ code: 'E_QUOTA', state: 'failed' });
    expect(redactString('GET /errors?code=404&state=open')).toBe('GET /errors?code=404&state=open');
  });
});

describe('F3 and F7: public values stay', () => {
  it.each([
    'WWW-Authenticate: Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource"',
    'www-authenticate: Bearer error_description="expired"',
    'WWW-Authenticate: Bearer realm="api", error="invalid_token"',
    'token_type=bearer expires_in=3600',
    'Key "pk_test_TYooMQauvdEDq54NiTphI7jx" is a publishable key',
    'Stripe.js loaded with pk_live_51Habcdefghijklmnop',
    'Sentry DSN https://public@o0.ingest.sentry.io/0 misconfigured',
  ])('keeps %j', (text) => {
    expect(redactString(text)).toBe(text);
  });

  it('still redacts a Bearer token ending in padding, a secret Stripe key and an e-mail as URL userinfo', () => {
    expect(redactString('bearer abc123def456== next')).toBe('bearer [REDACTED] next');
    expect(redactString('stripe sk_test_TYooMQauvdEDq54NiTphI7jx')).toBe('stripe [REDACTED]');
    expect(redactString('https://ada%40x.example@host.example/x')).not.toContain('ada');
  });
});

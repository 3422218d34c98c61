// Break-it pass 2, L5: key names the default rules missed — Rails' `secret_key_base`, CSRF tokens,
// and "password" in the languages apps are written in (a German or Chinese app names its field so).
import { redact, redactString } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

describe('default secret key names beyond English', () => {
  it.each([
    ['SECRET_KEY_BASE=8a7f6e5d4c3b2a19087f6e5d4c3b2a1908', '8a7f6e5d4c3b2a19087f6e5d4c3b2a1908'],
    ['{"csrf":"abc123def456ghi789"}', 'abc123def456ghi789'],
    ['X-XSRF-TOKEN: abc123def456ghi789', 'abc123def456ghi789'],
    ['Passwort=Hunter2xyz', 'Hunter2xyz'],
    ['Kennwort: Hunter2xyz', 'Hunter2xyz'],
    ['contraseña=Hunter2xyz', 'Hunter2xyz'],
    ['mot_de_passe=Hunter2xyz', 'Hunter2xyz'],
    ['senha: Hunter2xyz', 'Hunter2xyz'],
    ['пароль=Hunter2xyz', 'Hunter2xyz'],
    ['密码: Hunter2xyz', 'Hunter2xyz'],
  ])('redacts %s', (text, secret) => {
    expect(redactString(text)).not.toContain(secret);
  });

  it('redacts such names as object keys, also inside a longer name in a script without spaces', () => {
    const out = JSON.stringify(
      redact({ Passwort: 'x1y2', パスワード: 'k9k9', 用户密码: 'z8z8', wachtwoord: 'w7w7' }),
    );
    for (const secret of ['x1y2', 'k9k9', 'z8z8', 'w7w7']) expect(out).not.toContain(secret);
  });

  it('keeps names that only look alike', () => {
    const kept = {
      名前: 'Ada',
      compass: 'north',
      parolaChiave: 'ciao',
      baseUrl: '/api',
      csrfProtection: true,
    };
    expect(redact(kept)).toEqual(kept);
  });
});

// Break-it pass 2, F3: a prose word after `Bearer` is not a token.
describe('Bearer in prose', () => {
  it('keeps "Bearer followed by the token"', () => {
    const prose = 'Authorization header must start with Bearer followed by the token';
    expect(redactString(prose)).toBe(prose);
  });

  it('still redacts a token after Bearer, also one of lower-case letters longer than a word', () => {
    expect(redactString('curl -H "Bearer abcdefghijkl" x')).not.toContain('abcdefghijkl');
    expect(redactString('sent bearer abcdefghijklmn to the server')).not.toContain('abcdefghijklmn');
  });
});

// A value that is already a redaction marker is not redacted again; any other bracketed value is data
// (issue 9, break-it pass 3: N8).
import { describe, expect, it } from 'vitest';
import { createRedactor, redact, redactString } from 'bulwark/core';

describe('N8: a secret written in square brackets is not taken for an earlier replacement', () => {
  it.each([
    'password=[HunterTwo]',
    'password: [correct horse battery]',
    '"password":"[HunterTwo]"',
    'api_key=[LiveKey] region=eu',
    'passphrase: [Open Sesame]',
    'Cookie: [SessionValue]',
  ])('%s', (text) => {
    const secret = /\[([^\]]+)\]/.exec(text)?.[1] ?? '';
    expect(redactString(text)).not.toContain(secret);
  });

  it('keeps the pair after a bracketed value', () => {
    expect(redactString('api_key=[LiveKey] region=eu')).toBe('api_key=[REDACTED] region=eu');
  });

  it('by key name too', () => {
    expect(redact({ password: '[HunterTwo]' })).toEqual({ password: '[REDACTED]' });
  });
});

describe('Known markers stay as they are', () => {
  it.each([
    'password=[REDACTED]',
    'password: [Filtered]',
    'token: [FILTERED] retry later',
    '"password":"[redacted]"',
    'password: ****',
  ])('%s', (text) => {
    expect(redactString(text)).toBe(text);
  });

  it('a marker an earlier rule put there ends the value, with the default or a custom replacement', () => {
    const text = 'token=ghp_16C7e42F292c6912E7710c838347Ae178B4a [Filtered] not retried';
    expect(redactString(text)).toBe('token=[REDACTED] [Filtered] not retried');
    expect(createRedactor({ replacement: '{gone}' }).redactString(text)).toBe(
      'token={gone} [Filtered] not retried',
    );
  });
});

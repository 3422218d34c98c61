import { describe, expect, it } from 'vitest';
import { redact, redactString } from 'bulwark/core';

describe('values under a secret-sounding name that are not secrets (issue 9, findings-9c W4)', () => {
  it("keeps fetch's RequestInit.credentials modes ('omit' | 'same-origin' | 'include')", () => {
    // What an app puts in a capture's context when a fetch fails: the init it used.
    expect(redact({ init: { method: 'POST', mode: 'cors', credentials: 'same-origin' } })).toEqual({
      init: { method: 'POST', mode: 'cors', credentials: 'same-origin' },
    });
    expect(redact({ credentials: 'include' })).toEqual({ credentials: 'include' });
    expect(redactString('fetch failed with credentials: omit')).toBe('fetch failed with credentials: omit');
    expect(redactString('{"credentials":"same-origin"}')).toBe('{"credentials":"same-origin"}');
  });

  it('still redacts any other value under credentials', () => {
    expect(redact({ credentials: 'Hunter2xyz', init: { credentials: 'include-me-Hunter2' } })).toEqual({
      credentials: '[REDACTED]',
      init: { credentials: '[REDACTED]' },
    });
    expect(redactString('credentials: includeHunter2')).toBe('credentials: [REDACTED]');
  });

  it('keeps an AWS Secrets Manager ARN: it names a secret, it is not one', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';
    expect(
      redactString(`AccessDeniedException: not authorized to perform GetSecretValue on ${arn}`),
    ).toContain(`secret:prod/db-AbCdEf`);
    expect(redactString('secret: prod/db-AbCdEf')).toBe('secret: [REDACTED]');
  });
});

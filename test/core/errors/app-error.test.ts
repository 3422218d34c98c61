import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from 'bulwark/core';

describe('AppError', () => {
  it('defaults to an unknown, non-retryable error', () => {
    const error = new AppError('boom');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      kind: 'unknown',
      severity: 'error',
      retryable: false,
      code: 'UNKNOWN',
      messageKey: 'unknown',
    });
  });

  it('keeps the cause', () => {
    const cause = new TypeError('inner');
    expect(new AppError('outer', { cause }).cause).toBe(cause);
  });

  it('serialises a cyclic context without throwing', () => {
    const context: Record<string, unknown> = { a: 1, fn: () => 1 };
    context.self = context;
    const json = JSON.parse(JSON.stringify(new AppError('x', { kind: 'rate-limit', context })));
    expect(json).toMatchObject({
      kind: 'rate-limit',
      code: 'RATE_LIMIT',
      context: { a: 1, self: '[Circular]' },
    });
    expect(typeof json.context.fn).toBe('string');
  });

  it('is recognised across package copies by its marker', () => {
    expect(isAppError({ isAppError: true })).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});

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

  it('serialises a throwing getter as [Unreadable], bigints as strings and deep nesting as [Object]', () => {
    const context = {
      get secret(): string {
        throw new Error('no');
      },
      id: 10n,
      deep: { a: { b: { c: { d: { e: { f: 1 } } } } } },
    };
    const json = JSON.parse(JSON.stringify(new AppError('x', { context })));
    expect(json.context).toEqual({
      secret: '[Unreadable]',
      id: '10',
      deep: { a: { b: { c: { d: '[Object]' } } } },
    });
  });

  it('copies an object seen twice without a cycle in full both times', () => {
    const shared = { retries: 2 };
    const json = JSON.parse(
      JSON.stringify(new AppError('x', { context: { first: shared, second: shared } })),
    );
    expect(json.context).toEqual({ first: { retries: 2 }, second: { retries: 2 } });
  });

  it('keeps the stack, leaves out unset fields, and never serialises the cause (issue 9)', () => {
    const cause = new TypeError('inner password=hunter2');
    const error = new AppError('outer', { cause });
    const json = JSON.parse(JSON.stringify(error));
    expect(json.stack).toContain('outer');
    expect(json).not.toHaveProperty('cause');
    expect(json).not.toHaveProperty('status');
    // Still there for the app's own code.
    expect(error.cause).toBe(cause);
  });

  it('is recognised across package copies by its marker and shape', () => {
    const copy = Object.assign(
      new Error('from another copy'),
      Object.fromEntries(Object.entries(new AppError('x', { kind: 'network' }))),
    );
    expect(isAppError(copy)).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it('checks the marker instead of trusting it (issue 9)', () => {
    expect(isAppError({ isAppError: true })).toBe(false);
    expect(
      isAppError({ ...Object.fromEntries(Object.entries(new AppError('x'))), message: 'x', kind: 'nope' }),
    ).toBe(false);
    expect(
      isAppError({
        ...Object.fromEntries(Object.entries(new AppError('x'))),
        message: 'x',
        actions: 'retry',
      }),
    ).toBe(false);
    const trap = () => {
      throw new Error('trap');
    };
    expect(isAppError(new Proxy({}, { get: trap }))).toBe(false);
  });

  it('keeps a given stack instead of recording its own, and leaves the stack limit as it was', () => {
    const thrown = new Error('where it was thrown');
    const limit = Error.stackTraceLimit;
    const error = new AppError('wrapped', { cause: thrown, stack: thrown.stack });
    expect(error.stack).toBe(thrown.stack);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new AppError('own').stack).toMatch(/^AppError: own\n\s+at /);
  });
});

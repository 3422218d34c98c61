import { describe, expect, it } from 'vitest';
import { AppError, HttpError, toJsonSafe } from 'bulwark/core';

describe('toJsonSafe', () => {
  it('keeps name, message, stack, cause and own fields of an Error', () => {
    const error = Object.assign(new Error('outer', { cause: new TypeError('inner') }), { code: 'E_OUTER' });
    expect(toJsonSafe(error)).toMatchObject({
      name: 'Error',
      message: 'outer',
      stack: expect.stringContaining('outer') as string,
      code: 'E_OUTER',
      cause: { name: 'TypeError', message: 'inner' },
    });
  });

  it('copies Maps and Headers as objects and Sets as arrays', () => {
    expect(
      toJsonSafe({
        map: new Map([['a', 1]]),
        headers: new Headers({ Accept: 'text/html' }),
        set: new Set([1, 2]),
      }),
    ).toEqual({ map: { a: 1 }, headers: { accept: 'text/html' }, set: [1, 2] });
  });

  it('uses toJSON of dates and URLs', () => {
    expect(
      toJsonSafe({ at: new Date(0), url: new URL('https://a.example/x?y=1'), bad: new Date(NaN) }),
    ).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      url: 'https://a.example/x?y=1',
      bad: null,
    });
  });

  it('bounds depth, entries and string length', () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    expect(toJsonSafe(deep, { maxDepth: 2 })).toEqual({ a: { b: '[Object]' } });
    expect(toJsonSafe([1, 2, 3], { maxEntries: 2 })).toEqual([1, 2, '[+1 more]']);
    expect(toJsonSafe('abcdef', { maxStringLength: 3 })).toBe('abc…');
  });
});

describe('AppError.toJSON', () => {
  it('includes the fields of subclasses, such as the URL of an HttpError', () => {
    const json = JSON.parse(
      JSON.stringify(new HttpError({ status: 404, url: 'https://a.example/orders/1' })),
    ) as Record<string, unknown>;
    expect(json).toMatchObject({
      name: 'HttpError',
      status: 404,
      kind: 'not-found',
      url: 'https://a.example/orders/1',
    });
  });

  it('leaves out the cause: the raw thrown value is never serialised (issue 9)', () => {
    const huge = 'x'.repeat(1_000_000);
    const json = JSON.stringify(new AppError('x', { cause: new RangeError(huge) }));
    expect(json).not.toContain('xxxx');
    expect(json.length).toBeLessThan(2_000);
  });
});

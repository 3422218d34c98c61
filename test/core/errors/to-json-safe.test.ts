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

describe('listing the keys of a large object or Proxy (issue 9)', () => {
  const busy = (ms: number): void => {
    for (const end = performance.now() + ms; performance.now() < end;);
  };

  it("runs a Proxy's getOwnPropertyDescriptor trap only for the keys it reads", () => {
    let calls = 0;
    const keys = Array.from({ length: 200_000 }, (_, i) => `k${i}`);
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => keys,
        getOwnPropertyDescriptor: () => {
          calls++;
          return { value: 1, enumerable: true, configurable: true };
        },
        get: () => 1,
      },
    );
    // A budget the engine's listing of 200,000 keys cannot spend on a loaded machine.
    const copy = toJsonSafe(proxy, { maxTimeMs: 60_000 }) as Record<string, unknown>;
    expect(copy.k0).toBe(1);
    expect(copy.k49).toBe(1);
    expect(copy['…']).toBe('[+1001+ more]');
    // Object.keys called it 200,000 times.
    expect(calls).toBeLessThan(5_000);
  });

  it('stops listing a Proxy whose traps are slow once the time budget is spent', () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => `k${i}`);
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => keys,
        getOwnPropertyDescriptor: () => {
          busy(1);
          return { value: 1, enumerable: true, configurable: true };
        },
      },
    );
    const start = performance.now();
    toJsonSafe(proxy, { maxTimeMs: 50 });
    // 2,000 calls of 1 ms each before; the budget (50 ms) plus one call now. Generous for a loaded machine.
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it('counts the keys it does not keep, exactly up to a thousand', () => {
    const object = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect((toJsonSafe(object(60)) as Record<string, unknown>)['…']).toBe('[+10 more]');
    expect((toJsonSafe(object(1_050)) as Record<string, unknown>)['…']).toBe('[+1000 more]');
    expect((toJsonSafe(object(5_000)) as Record<string, unknown>)['…']).toBe('[+1001+ more]');
    // An Error's name, message, stack, code, cause and errors come first (6 more to count).
    const error = Object.assign(new Error('x'), object(60));
    expect((toJsonSafe(error) as Record<string, unknown>)['…']).toBe('[+16 more]');
  });

  it('copies the own keys of an object whose prototype is a throwing Proxy', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const value = Object.create(new Proxy({}, { ownKeys: trap, getPrototypeOf: trap })) as object;
    Object.assign(value, { a: 1, b: 2 });
    expect(toJsonSafe(value)).toEqual({ a: 1, b: 2 });
  });
});

describe('what the budget counts (issue 9, break-it pass 2: H2, H4)', () => {
  it('keeps the first values of an object whose listing alone took longer than the budget', () => {
    const target = { a: 1, b: 2, c: 3 };
    const slowList = new Proxy(target, {
      ownKeys: (t) => {
        for (const end = performance.now() + 150; performance.now() < end;);
        return Reflect.ownKeys(t);
      },
    });
    // The listing is done once it returns: the budget is for reading values, getters and traps.
    expect(toJsonSafe(slowList, { maxTimeMs: 100 })).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('describes a BigInt longer than maxStringLength digits by its size', () => {
    const huge = 7n ** 30_000n;
    expect(toJsonSafe({ huge, small: 12n })).toEqual({
      huge: expect.stringMatching(/^\[BigInt ~2535\d digits\]$/),
      small: '12n',
    });
    expect(JSON.stringify(toJsonSafe(huge)).length).toBeLessThan(100);
  });
});

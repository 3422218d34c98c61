import { createResilience, redact, redactString } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

describe('redactString takes any value (issue 9, F8)', () => {
  it('gives "" for null and undefined and the text of other primitives, never throwing', () => {
    expect(redactString(undefined)).toBe('');
    expect(redactString(null)).toBe('');
    expect(redactString(123)).toBe('123');
    expect(redactString(true)).toBe('true');
    expect(redactString(12n)).toBe('12n');
    expect(redactString(Symbol('s'))).toBe('Symbol(s)');
  });

  it('redacts an object by its keys and values, bounded, without calling its own toString', () => {
    const throwing = {
      toString: () => {
        throw new Error('no');
      },
      password: 'Hunter2xyz',
    };
    const text = redactString(throwing);
    expect(text).not.toContain('Hunter2xyz');
    expect(text).toContain('[REDACTED]');
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'x'.repeat(100)]));
    expect(redactString(wide, 500).length).toBeLessThanOrEqual(501);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => redactString(hostile)).not.toThrow();
  });
});

describe('numbers and BigInts are bounded like strings (issue 9, H4)', () => {
  it('a huge BigInt is described by its size, in redact and in the store', () => {
    const big = 7n ** 30_000n; // 25,353 digits
    const out = redact({ x: big }) as { x: string };
    expect(out.x).toMatch(/^\[BigInt ~2535[34] digits\]$/);
    expect(JSON.stringify(redact({ x: -big }))).toMatch(/\[BigInt ~2535[34] digits\]/);
    const r = createResilience();
    r.capture(new Error('x'), { extra: { x: big } } as never);
    expect(JSON.stringify(r.store.getState()).length).toBeLessThan(10_000);
    expect(redactString(big).length).toBeLessThan(100);
  });

  it('a BigInt within the bound is kept whole, and one under a secret name is still replaced', () => {
    const fits = 10n ** 1999n; // 2,000 digits
    expect(redact({ x: fits })).toEqual({ x: `${fits}n` });
    expect(redact({ x: 10n ** 2000n })).toEqual({ x: '[BigInt ~2001 digits]' });
    expect(redact({ pin: 7n ** 30_000n })).toEqual({ pin: '[REDACTED]' });
  });
});

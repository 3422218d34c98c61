// Break-it 11e (E4): the capture read memo's short list (read-property.ts `memoSet`, up to 16 keys) appends
// a read without asking whether a nested read of the SAME key (a getter that reads its own property through
// a nested capture, guarded against recursion) already kept one; `memoGet` then answers the first, inner
// value. So within one capture the caller got the outer value and every later read of that key answers a
// different one. The Map memo (past 16 keys) and the Map before (807b3b0) keep the last read, so every
// read after the first answers what the first caller got.
// Run: npx vitest run --project unit test/breakit11e/e4-read-memo-nested-same-key.test.ts
import { describe, expect, it } from 'vitest';
import { readOnce, readProperty } from '../../src/core/errors/read-property';

/** An object whose `x` getter reads `x` again once (as a nested capture of the same value would). */
const selfReading = (extraKeys: number) => {
  const value: Record<string, unknown> = {};
  for (let i = 0; i < extraKeys; i++) value[`k${i}`] = i;
  let reads = 0;
  let depth = 0;
  Object.defineProperty(value, 'x', {
    get() {
      const mine = ++reads;
      if (depth === 0) {
        depth++;
        readProperty(value, 'x');
        depth--;
      }
      return mine;
    },
  });
  return value;
};

describe('E4: a getter that reads its own key through the memo', () => {
  it('past the short list (a Map memo), a later read answers what the first read returned (holds)', () => {
    const value = selfReading(20);
    readOnce(() => {
      for (let i = 0; i < 20; i++) readProperty(value, `k${i}`);
      const first = readProperty(value, 'x');
      expect(readProperty(value, 'x')).toBe(first);
    });
  });

  it('on the short list, a later read answers what the first read returned (fails: the inner read)', () => {
    const value = selfReading(0);
    readOnce(() => {
      const first = readProperty(value, 'x');
      expect(readProperty(value, 'x')).toBe(first);
    });
  });
});
